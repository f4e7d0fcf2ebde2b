import sys, time, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.mixture import GaussianMixture
from sklearn.cluster import KMeans
from skdeepcluster.metrics import clustering_accuracy as acc
from skdeepcluster.graph import spectral_clustering
d = np.load(sys.argv[1]); Z, y = d["Z"].astype(np.float64), d["y"]
which = sys.argv[2].split(",")
def rep(tag, lab, t0):
    print(f"{tag:40s} {acc(y, lab):.3f} / {nmi(y, lab):.3f}  {time.process_time()-t0:.1f}s", flush=True)
for w in which:
    t0 = time.process_time()
    if w.startswith("spec"):  # spec:seed:neighbors:overseg
        _, s, k, o = w.split(":"); o = () if o == "none" else (float(o),)
        rep(w, spectral_clustering(Z, 10, n_neighbors=int(k), oversegment=o, random_state=int(s)), t0)
    elif w == "kmeans":
        rep(w, KMeans(10, n_init=20, random_state=0).fit_predict(Z), t0)
    elif w.startswith("umapgmm"):
        import umap
        E = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=10, random_state=0).fit_transform(Z)
        rep("umap", GaussianMixture(10, covariance_type="full", random_state=0).fit_predict(E), t0)
