import sys, time, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.mixture import GaussianMixture
from sklearn.cluster import KMeans
from skdeepcluster.metrics import clustering_accuracy as acc
from skdeepcluster import graph as g
d = np.load(sys.argv[1]); Z, y = d["Z"].astype(np.float64), d["y"]
k = int(sys.argv[2]) if len(sys.argv) > 2 else 15
t0 = time.process_time()
nb = g._connectivity_neighbors(Z, k, "cpu")
V = g._spectral_embedding(nb, 10, 1)
A = g._graph_of(nb)
print("eig", time.process_time() - t0, flush=True)
Vn = V / np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
def rep(tag, lab):
    print(f"{tag:40s} {acc(y, lab):.3f} / {nmi(y, lab):.3f} ncut {g.normalized_cut(A, lab):.3f} sizes {np.sort(np.bincount(lab))}", flush=True)
for s in (1, 2):
    rep(f"km norm s{s}", KMeans(10, n_init=10, random_state=s).fit_predict(Vn))
    rep(f"km raw s{s}", KMeans(10, n_init=10, random_state=s).fit_predict(V))
    for cov in ("full", "diag"):
        rep(f"gmm {cov} norm s{s}", GaussianMixture(10, covariance_type=cov, random_state=s, n_init=1).fit_predict(Vn))
    rep(f"gmm full raw s{s}", GaussianMixture(10, covariance_type="full", random_state=s).fit_predict(V))
