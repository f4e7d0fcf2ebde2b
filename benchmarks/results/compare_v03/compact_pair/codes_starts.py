"""Exploratory: on codes.py's saved codes, ACC of spectral clustering's start,
of k-means, of Gaussian mixtures started from either, both silhouettes and
the normalised cuts of the codes' neighbour graph (the truth's, spectral's, k-means').
Usage: codes_starts.py CODES.npz..."""
import sys, warnings, numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
from sklearn.metrics import silhouette_score
from skdeepcluster.graph import (SPECTRAL_NEIGHBORS, _capped_neighbors, _connectivity_neighbors, _graph_of,
                                 normalized_cut, spectral_clustering)
from skdeepcluster.metrics import clustering_report
def acc(y, l): return clustering_report(y, l)["ACC"]
def gmm_from(Z, labels, cov):
    means = np.stack([Z[labels == c].mean(0) for c in range(2)])
    g = GaussianMixture(2, covariance_type=cov, reg_covar=1e-4, random_state=0, max_iter=200,
                        means_init=means, weights_init=np.bincount(labels, minlength=2) / len(labels))
    g.fit(Z)
    return g
for f in sys.argv[1:]:
    d = np.load(f)
    names = sorted({k.split("|")[0] for k in d.files}, key=lambda s: list(d.files).index(s + "|Z"))
    print(f)
    for n in names:
        Z = d[n + "|Z"].astype(np.float64); y = d[n + "|y"]
        Z = (Z - Z.mean(0)) / Z.std()
        sp = spectral_clustering(Z, 2, random_state=0)
        km = KMeans(2, n_init=10, random_state=0).fit_predict(Z)
        row = [f"{n:34s} spec {acc(y, sp):.3f} km {acc(y, km):.3f}"]
        for cov in ("full", "diag"):
            gs, gk = gmm_from(Z, sp, cov), gmm_from(Z, km, cov)
            ls, lk = gs.score(Z), gk.score(Z)
            pick = gs if ls >= lk else gk
            row.append(f"{cov}: s {acc(y, gs.predict(Z)):.3f} ({ls:.2f}) k {acc(y, gk.predict(Z)):.3f} ({lk:.2f}) pick {acc(y, pick.predict(Z)):.3f}")
        row.append(f"sil s {silhouette_score(Z, sp):.2f} k {silhouette_score(Z, km):.2f}")
        A = _graph_of(_connectivity_neighbors(Z, _capped_neighbors(SPECTRAL_NEIGHBORS, len(Z), 2), "cpu"))
        row.append(f"ncut truth {normalized_cut(A, y):.3f} s {normalized_cut(A, sp):.3f} k {normalized_cut(A, km):.3f}")
        print(" | ".join(row), flush=True)
