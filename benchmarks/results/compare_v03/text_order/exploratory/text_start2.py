"""Text starts: spectral, spectral then k-means from its means, spectral of connected docs + nearest mean (exploratory)."""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import normalize
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
from skdeepcluster.graph import spectral_clustering
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
        "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20}
def means(X, lab, k):
    return np.stack([X[lab == c].mean(0) if (lab == c).any() else X[np.random.randint(len(X))] for c in range(k)])
for name in sys.argv[1].split(","):
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    X, y = d.data.astype(np.float64), d.target; k = len(np.unique(y))
    keep = np.any(X != 0, axis=1); X, y = X[keep], y[keep]; X = X / np.abs(X).max()
    U = normalize(X)
    dist, idx = NearestNeighbors(n_neighbors=2).fit(U).kneighbors(U)
    conn = dist[:, 1] < 1.0
    def rep(tag, lab):
        r = clustering_report(y, lab); print(f"{name:10s} {tag:34s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} top {sorted(np.bincount(lab), reverse=True)[:3]}", flush=True)
    print(name, "connected", conn.sum(), "of", len(X))
    for seed in (0, 1):
        sp = spectral_clustering(X, k, random_state=seed); rep(f"s{seed} spectral", sp)
        km = KMeans(k, init=means(X, sp, k), n_init=1).fit_predict(X); rep(f"s{seed} spectral->kmeans", km)
        kmu = KMeans(k, init=means(U, sp, k), n_init=1).fit_predict(U); rep(f"s{seed} spectral->kmeans unit", kmu)
        lab = np.empty(len(X), int); lab[conn] = spectral_clustering(X[conn], k, random_state=seed)
        M = means(X, lab * conn + (~conn) * 0, k) if False else np.stack([X[conn][lab[conn] == c].mean(0) for c in range(k)])
        lab[~conn] = np.argmin(((X[~conn, None, :] - M[None]) ** 2).sum(-1), 1); rep(f"s{seed} spectral-conn+nearest", lab)
        rep(f"s{seed} spectral-conn->kmeans", KMeans(k, init=means(X, lab, k), n_init=1).fit_predict(X))
        rep(f"s{seed} kmeans10", KMeans(k, n_init=10, random_state=seed).fit_predict(X))
