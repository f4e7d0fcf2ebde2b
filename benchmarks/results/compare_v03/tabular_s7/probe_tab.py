"""Probe of issue 14 goal 3 (doc/results.rst, results_tabular_s7).

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/tabular_s7/probe_tab.py METHOD PARAMS_JSON [datasets...] [--seeds 0 1 2 3 4]

METHOD: depict damic ddlsc jule kmeans (standardised input). PARAMS_JSON may hold
"hidden_ratio" (hidden layers min(500, r * n_features), at least 16), "emb_nf" (embedding
max(n_clusters, n_features)). Datasets: iris wine breast_cancer blobs (check_clustering
data, standardised), dpcaD (digits reduced by PCA to D features), dpcaD_M (M rows of them),
fpcaD (3,000 Fashion-MNIST test rows, PCA to D). Prints mean ACC/NMI/ARI and ACC per seed.
"""
import sys, json, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tabsets import get
import skdeepcluster as sk
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from skdeepcluster.metrics import clustering_accuracy as acc
args = sys.argv[1:]
seeds = [0, 1, 2]
if "--seeds" in args:
    i = args.index("--seeds"); seeds = [int(s) for s in args[i + 1:]]; args = args[:i]
meth = args[0]
cls = {"jule": sk.JULEClustering, "ddlsc": sk.DiscriminativeLatentClustering,
       "depict": sk.DEPICTClustering, "damic": sk.DAMICClustering, "kmeans": None}[meth]
params = json.loads(args[1]); sets = args[2:] or ["iris", "wine", "breast_cancer"]
KM = {"iris": 0.833, "wine": 0.966, "breast_cancer": 0.907}

out = []
for name in sets:
    b = get(name); X, y = b.data, b.target
    a, n, r, t0 = [], [], [], time.process_time()
    for seed in seeds:
        if cls is None:
            lab = KMeans(b.n_clusters, n_init=10, random_state=seed).fit_predict(StandardScaler().fit_transform(X))
        else:
            p = dict(params); hr = p.pop("hidden_ratio", None); f = X.shape[1]
            if hr is not None:
                p["hidden_layer_sizes"] = [max(p.pop("min_width", 16), min(500, int(hr * f)))] * p.pop("n_layers", 2)
            if p.pop("emb_nf", False):
                p["embedding_dim"] = max(b.n_clusters, f) if meth != "ddlsc" else max(6 * b.n_clusters, f)
            lab = cls(n_clusters=b.n_clusters, random_state=seed, device="cpu", **p).fit(X).labels_
        a.append(acc(y, lab)); n.append(nmi(y, lab)); r.append(ari(y, lab))
    ok = "ok" if np.mean(a) >= KM.get(name, 0) - 0.02 else "--"
    out.append(f"{name} {np.mean(a):.3f}/{np.mean(n):.3f}/ari{np.mean(r):.2f} {ok} [{' '.join(f'{v:.2f}' for v in a)}] {(time.process_time()-t0)/len(seeds):.1f}s")
print(meth, args[1], "seeds", seeds[0], "-", seeds[-1], "\n   " + "\n   ".join(out), flush=True)
