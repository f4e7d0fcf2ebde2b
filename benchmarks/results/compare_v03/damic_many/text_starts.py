"""Starts of the three fortunes text sets (five, held-out five, 20 categories; scaled by their
largest value): k-means, spectral clustering of all rows, without the empty rows (joined to the
last cluster here), with 40 neighbours, and LSA + k-means or spectral.  python text_starts.py"""
import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "text_order"))
from text_data import load_set  # noqa: E402
for name in ("fortunes5", "heldout5", "fortunes20"):
    X, y = load_set(name)
    X = X.astype(np.float64); k = len(np.unique(y)); X = X / np.abs(X).max()
    keep = np.any(X != 0, axis=1)
    def rep(tag, lab, yy=y):
        r = clustering_report(yy, lab); print(f"{name:10s} {tag:28s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} top {sorted(np.bincount(lab), reverse=True)[:3]}", flush=True)
    rep("kmeans", KMeans(k, n_init=10, random_state=0).fit_predict(X))
    rep("spectral 15", spectral_clustering(X, k, random_state=0))
    lab = np.zeros(len(X), int); lab[keep] = spectral_clustering(X[keep], k, random_state=0); lab[~keep] = lab[keep].max()  # empty rows to one cluster
    rep("spectral non-empty", lab)
    rep("spectral 40", spectral_clustering(X, k, n_neighbors=40, random_state=0))
    for dim in (50, 100):
        Z = normalize(TruncatedSVD(dim, random_state=0).fit_transform(X))
        rep(f"LSA{dim} kmeans", KMeans(k, n_init=10, random_state=0).fit_predict(Z))
        rep(f"LSA{dim} spectral", spectral_clustering(Z, k, random_state=0))
