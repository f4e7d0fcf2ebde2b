"""Candidate roundings of the spectral start (doc/results.rst, results_sparse_kind, "also tried"):
plain k-means (v0 the default: merged from 3k groups, kept where its cut is 5% lower),
v1 the lowest-cut of ten merged roundings from k-means with one initialisation each,
v2 the same without the 5% margin. Embeddings cached in /tmp/emb (bench_init.pretrained_embedding)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/oversegment3/round_candidates.py digits depict 0,1,2,3,4,5,6,7,8,9
"""
import sys, time, warnings, numpy as np
sys.path.insert(0, "benchmarks"); warnings.filterwarnings("ignore")
import bench_init as bi
from compare import load
from skdeepcluster import graph as g
from skdeepcluster.metrics import clustering_report
from sklearn.cluster import KMeans
dataset, method = sys.argv[1], sys.argv[2]
data = load(dataset); X = data.data.reshape(len(data.data), -1); y = data.target; k = len(np.unique(y))
def variants(Z, seed):
    nb = g._connectivity_neighbors(Z, 15, "cpu")
    vec = g._spectral_embedding(nb, k, seed); A = g._graph_of(nb)
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
    plain = KMeans(k, n_init=10, random_state=seed).fit_predict(vec)
    pc = g.normalized_cut(A, plain)
    groups = KMeans(3 * k, n_init=10, random_state=seed).fit_predict(vec)
    m0 = g.modularity_merge(A, groups, k); c0 = g.normalized_cut(A, m0)
    v0 = m0 if c0 < 0.95 * pc else plain
    rs = np.random.RandomState(seed)
    cands = []
    for s in rs.randint(2**31 - 1, size=10):
        gr = KMeans(3 * k, n_init=1, random_state=s).fit_predict(vec)
        m = g.modularity_merge(A, gr, k); cands.append((g.normalized_cut(A, m), m))
    c1, m1 = min(cands, key=lambda t: t[0])
    v1 = m1 if c1 < 0.95 * pc else plain
    v2 = m1 if c1 < pc else plain
    return {"plain": plain, "v0": v0, "v1": v1, "v2": v2}, (pc, c0, c1)
res = {}
for seed in [int(s) for s in sys.argv[3].split(",")]:
    Z = bi.pretrained_embedding(X, k, method, seed, dataset, "/tmp/emb")
    t = time.process_time(); vs, cuts = variants(Z, seed); t = time.process_time() - t
    line = []
    for name, lab in vs.items():
        r = clustering_report(y, lab); res.setdefault(name, []).append((r["ACC"], r["NMI"]))
        line.append(f"{name} {r['ACC']:.3f}/{r['NMI']:.3f}")
    print(dataset, method, seed, "  ".join(line), "cuts", np.round(cuts, 3), f"{t:.1f}s", flush=True)
for name, v in res.items():
    print(dataset, method, name, np.array(v).mean(0).round(3), flush=True)
