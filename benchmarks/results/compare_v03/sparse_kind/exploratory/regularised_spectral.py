"""Exploratory (doc/results.rst, results_sparse_kind): regularised spectral clustering (A + tau/n J, tau = scale x mean degree; Amini et al. 2013, Zhang and Rohe 2018) against the shared spectral start on raw sets."""
import numpy as np, warnings, sys, time; warnings.filterwarnings("ignore")
import scipy.sparse as sp
from scipy.sparse.linalg import eigsh, LinearOperator
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler, MaxAbsScaler
from sklearn import datasets as skd
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.graph import spectral_clustering, _connectivity_neighbors, _graph_of, normalized_cut
from skdeepcluster.metrics import clustering_report
def regspec(X, k, nn=15, tau_scale=1.0, seed=0):
    nb = _connectivity_neighbors(X, nn, "cpu"); A = _graph_of(nb).tocsr(); n = A.shape[0]
    d = np.asarray(A.sum(1)).ravel(); tau = tau_scale * d.mean()
    dt = d + tau; s = 1/np.sqrt(dt)
    def mv(v):
        v = v.reshape(n, -1) if v.ndim > 1 else v[:, None]
        u = s[:, None] * v
        out = A @ u + (tau / n) * np.ones((n, 1)) * u.sum(0, keepdims=True)
        return (s[:, None] * out).squeeze()
    op = LinearOperator((n, n), matvec=mv, matmat=mv, dtype=float)
    vals, vecs = eigsh(op, k=k, which="LA", v0=np.random.RandomState(seed).rand(n))
    V = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    return KMeans(k, n_init=10, random_state=seed).fit_predict(V)
sets = {}
c = load_fortunes_tfidf(("art", "computers", "education", "politics", "science")); sets["held_text"] = (MaxAbsScaler().fit_transform(c.data), c.target)
c = load_fortunes_tfidf(); sets["fortunes"] = (MaxAbsScaler().fit_transform(c.data), c.target)
d = skd.load_digits(); sets["digits"] = (d.data / 16, d.target)
for nm in ("iris", "wine", "breast_cancer"):
    b = getattr(skd, "load_" + nm)(); sets[nm] = (StandardScaler().fit_transform(b.data), b.target)
Xb, yb = skd.make_blobs(n_samples=[100, 300, 600, 1000, 50], n_features=20, random_state=0, cluster_std=2.5); sets["blobs_uneq"] = (Xb, yb)
for name, (X, y) in sets.items():
    X = np.asarray(X, dtype=np.float32); k = len(np.unique(y))
    out = []
    lab = spectral_clustering(X, k, random_state=0); r = clustering_report(y, lab); out.append(f"ours {r['ACC']:.3f}/{r['NMI']:.3f}")
    for ts in (0.25, 1.0, 4.0):
        lab = regspec(X, k, tau_scale=ts); r = clustering_report(y, lab); out.append(f"reg{ts} {r['ACC']:.3f}/{r['NMI']:.3f} max{np.bincount(lab).max()}")
    print(f"{name:14s}", "  ".join(out), flush=True)
