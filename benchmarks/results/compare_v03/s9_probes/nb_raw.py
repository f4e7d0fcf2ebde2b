import sys, numpy as np, warnings
warnings.filterwarnings("ignore")
sys.path.insert(0, "/work/main/benchmarks")
from bench_init import labelled_sets
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_accuracy as acc
from sklearn.metrics import normalized_mutual_info_score as nmi
NB = (7, 10, 15, 20)
for kind, name, X, y in labelled_sets():
    if "Fashion" in name: continue
    k = len(np.unique(y)); n = len(X)
    res = {nb: np.mean([[acc(y, l), nmi(y, l)] for l in (spectral_clustering(X, k, n_neighbors=nb, random_state=s) for s in (0, 1, 2))], axis=0) for nb in NB}
    print(f"{kind:12s} {name:28s} n={n:5d} k={k:2d} " + "  ".join(f"nb{nb} {r[0]:.3f}/{r[1]:.3f}" for nb, r in res.items()), flush=True)
