"""Peers on the 20 fortune categories of fortunes20.py: LSA + k-means and UMAP + GMM (seed 0)."""
import numpy as np, time, warnings
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from sklearn.mixture import GaussianMixture
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
CATS = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
        "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
d = load_fortunes_tfidf(CATS); X, y = d.data, d.target; k = len(CATS)
def rep(name, lab, t):
    r = clustering_report(y, lab); print(f"{name:30s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} cpu {time.process_time()-t:.1f} sizes {sorted(np.bincount(lab), reverse=True)[:5]}", flush=True)
for dim in (20, 50, 100):
    t = time.process_time(); Z = normalize(TruncatedSVD(dim, random_state=0).fit_transform(X))
    rep(f"LSA {dim} + kmeans", KMeans(k, n_init=10, random_state=0).fit_predict(Z), t)
import umap
t = time.process_time(); U = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=k, random_state=0).fit_transform(X)
rep("UMAP + GMM", GaussianMixture(k, covariance_type="full", random_state=0).fit_predict(U), t)
