"""Spectral start on text with weighted kNN graphs (exploratory)."""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
import scipy.sparse as sp
from sklearn.cluster import SpectralClustering
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import normalize
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
from skdeepcluster.graph import spectral_clustering
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
        "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20}
K = 15
for name in sys.argv[1].split(","):
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    X, y = d.data.astype(np.float64), d.target; k = len(np.unique(y))
    keep = np.any(X != 0, axis=1); X, y = X[keep], y[keep]; n = len(X)
    U = normalize(X)
    dist, idx = NearestNeighbors(n_neighbors=K + 1).fit(U).kneighbors(U)
    dist, idx = dist[:, 1:], idx[:, 1:]
    cos = np.clip(1 - dist ** 2 / 2, 0, 1)
    def graph(w):
        A = sp.csr_matrix((w.ravel(), (np.repeat(np.arange(n), K), idx.ravel())), shape=(n, n))
        return 0.5 * (A + A.T)
    B = sp.csr_matrix((np.ones(n * K), (np.repeat(np.arange(n), K), idx.ravel())), shape=(n, n))
    snn = (B @ B.T).tocsr()
    snnw = np.asarray(snn[np.repeat(np.arange(n), K), idx.ravel()]).reshape(n, K) / K
    weights = {"binary": np.ones_like(cos), "cos": cos, "cos2": cos ** 2, "snn": snnw + 1e-3, "cos-rel": cos / cos[:, :1].clip(1e-6)}
    r = clustering_report(y, spectral_clustering(X, k, random_state=0)); print(f"{name:10s} ours-binary   ACC {r['ACC']:.3f} NMI {r['NMI']:.3f}", flush=True)
    for wn, w in weights.items():
        for seed in (0, 1):
            lab = SpectralClustering(k, affinity="precomputed", random_state=seed, n_init=10).fit_predict(graph(w))
            r = clustering_report(y, lab); print(f"{name:10s} {wn:8s} s{seed} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} top {sorted(np.bincount(lab), reverse=True)[:3]}", flush=True)
