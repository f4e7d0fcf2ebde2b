"""Spectral start with differently weighted kNN graphs (exploratory).

The package's spectral_clustering (``pkg``), the same algorithm re-written
here on the binary graph (``binary``: the same labels), on UMAP's smooth
k-NN weights with their fuzzy union (``fuzzy``) and on shared-neighbour
(Jaccard) weights of the 15-NN lists (``jaccard``); the rounding is the
package's (k-means, and the merged 2k rounding where it cuts 5% less).

    OMP_NUM_THREADS=1 python weights.py raw > raw.txt
    OMP_NUM_THREADS=1 python weights.py emb digits depict,damic,ddlsc 0,1,2 CACHE_DIR > emb_digits.txt
"""
import sys, warnings
import numpy as np, scipy.sparse as sp
ROOT = __import__("pathlib").Path(__file__).resolve().parents[4]; sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks"))
from sklearn.cluster import KMeans
from skdeepcluster.graph import nearest_neighbors, modularity_merge, normalized_cut, NCUT_MARGIN, spectral_clustering
from skdeepcluster.metrics import clustering_report
warnings.filterwarnings("ignore")

def graph(X, k, kind):
    d2, nb = nearest_neighbors(np.asarray(X, np.float32), k)
    n = len(X); d = np.sqrt(d2)
    rows = np.repeat(np.arange(n), k)
    if kind == "binary":
        w = np.ones(n * k)
    elif kind == "fuzzy":  # UMAP's smooth kNN weights
        rho = d[:, 0]; target = np.log2(k)
        lo = np.zeros(n); hi = np.full(n, np.inf); sig = np.ones(n)
        for _ in range(64):
            s = np.exp(-np.maximum(d - rho[:, None], 0) / sig[:, None]).sum(1)
            big = s > target
            hi = np.where(big, sig, hi); lo = np.where(big, lo, sig)
            sig = np.where(np.isinf(hi), sig * 2, (lo + hi) / 2)
        w = np.exp(-np.maximum(d - rho[:, None], 0) / sig[:, None]).ravel()
    elif kind.startswith("jaccard"):
        M = sp.csr_matrix((np.ones(n * k), nb.ravel(), np.arange(0, n * k + 1, k)), shape=(n, n))
        M = M + sp.identity(n, format="csr")
        shared = np.asarray(M[rows].multiply(M[nb.ravel()]).sum(1)).ravel()
        w = shared / (2 * (k + 1) - shared)
    A = sp.csr_matrix((w, nb.ravel(), np.arange(0, n * k + 1, k)), shape=(n, n))
    if kind == "fuzzy":
        At = A.T.tocsr(); return (A + At - A.multiply(At)).tocsr()
    return (0.5 * (A + A.T)).tocsr()

def spectral(X, K, kind, seed, k=15):
    n = len(X); k = max(1, min(k, n // (2 * K)))
    A = graph(X, k, kind)
    from scipy.sparse.csgraph import laplacian
    from scipy.sparse.linalg import lobpcg
    L, dd = laplacian(A, normed=True, return_diag=True)
    rs = np.random.RandomState(seed)
    start = rs.standard_normal((n, K + 2)); start[:, 0] = dd
    _, V = lobpcg(L.tocsr(), start, tol=None, largest=False, maxiter=2000)
    V = (V.T[:K + 1] / dd)[1:].T
    V /= np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
    best = KMeans(K, n_init=10, random_state=seed).fit_predict(V)
    best_cut = (1 - NCUT_MARGIN) * normalized_cut(A, best)
    groups = KMeans(2 * K, n_init=10, random_state=seed).fit_predict(V)
    lab = modularity_merge(A, groups, K)
    if normalized_cut(A, lab) < best_cut: best = lab
    return best

KINDS = ["binary", "fuzzy", "jaccard"]
def run(name, X, y, seeds):
    K = len(np.unique(y)); res = {kd: [] for kd in ["pkg"] + KINDS}
    for s in seeds:
        r = clustering_report(y, spectral_clustering(X, K, random_state=s)); res["pkg"].append((r["ACC"], r["NMI"]))
        for kd in KINDS:
            r = clustering_report(y, spectral(X, K, kd, s)); res[kd].append((r["ACC"], r["NMI"]))
    print(f"{name:34s} " + "  ".join(f"{kd} {np.mean([a for a, _ in v]):.3f}/{np.mean([b for _, b in v]):.3f}" for kd, v in res.items()), flush=True)
    return res

if __name__ == "__main__":
    from bench_init import labelled_sets, pretrained_embedding
    from compare import load
    allres = {}
    if sys.argv[1] == "emb":
        for ds in sys.argv[2].split(","):
            data = load(ds); X = data.data.reshape(len(data.data), -1); K = len(np.unique(data.target))
            for m in sys.argv[3].split(","):
                for s in map(int, sys.argv[4].split(",")):
                    Z = pretrained_embedding(X, K, m, s, ds, sys.argv[5] if len(sys.argv) > 5 else "/tmp/emb")
                    allres[(ds, m, s)] = run(f"{ds} {m} {s}", Z, data.target, [s])
    else:
        for kind, name, X, y in labelled_sets():
            allres[name] = run(f"{kind} {name}", np.asarray(X, np.float64), y, [0, 1, 2])
    print("mean: " + "  ".join(f"{kd} {np.mean([np.mean([a for a, _ in v[kd]]) for v in allres.values()]):.3f}/{np.mean([np.mean([b for _, b in v[kd]]) for v in allres.values()]):.3f}" for kd in ["pkg"] + KINDS))
