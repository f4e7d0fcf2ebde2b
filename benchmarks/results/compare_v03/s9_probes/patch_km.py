"""Monkeypatch graph.spectral_clustering: add k-means of X itself as a candidate, chosen by ncut with the margin."""
import numpy as np
from sklearn.cluster import KMeans
import skdeepcluster.graph as g
_orig = g.spectral_clustering
STATS = []
def spectral_km(X, n_clusters, *, n_neighbors=g.SPECTRAL_NEIGHBORS, oversegment=g.SPECTRAL_OVERSEGMENT,
                random_state=None, device="cpu"):
    labels = _orig(X, n_clusters, n_neighbors=n_neighbors, oversegment=oversegment,
                   random_state=random_state, device=device)
    n = len(X)
    A = g.connectivity_graph(X, max(1, min(int(n_neighbors), n // (2 * n_clusters))), device=device)
    km = KMeans(n_clusters, n_init=10, random_state=random_state).fit_predict(np.asarray(X))
    c_sp, c_km = g.normalized_cut(A, labels), g.normalized_cut(A, km)
    pick = c_km < (1 - g.NCUT_MARGIN) * c_sp
    STATS.append((c_sp, c_km, pick))
    return km if pick else labels
def install():
    g.spectral_clustering = spectral_km
    import skdeepcluster.base as b
    if hasattr(b, "spectral_clustering"):
        b.spectral_clustering = spectral_km
