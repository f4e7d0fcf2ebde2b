"""Peers on the 20 fortune categories of fortunes20.py: LSA + k-means and UMAP + GMM (seed 0)."""
import numpy as np, time, warnings
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from sklearn.mixture import GaussianMixture
from skdeepcluster.metrics import clustering_report
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "text_order"))
from text_data import load_set  # noqa: E402
X, y = load_set("fortunes20"); k = 20
def rep(name, lab, t):
    r = clustering_report(y, lab); print(f"{name:30s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} cpu {time.process_time()-t:.1f} sizes {sorted(np.bincount(lab), reverse=True)[:5]}", flush=True)
for dim in (20, 50, 100):
    t = time.process_time(); Z = normalize(TruncatedSVD(dim, random_state=0).fit_transform(X))
    rep(f"LSA {dim} + kmeans", KMeans(k, n_init=10, random_state=0).fit_predict(Z), t)
import umap
t = time.process_time(); U = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=0).fit_transform(X)
rep("UMAP + GMM", GaussianMixture(k, covariance_type="full", random_state=0).fit_predict(U), t)
