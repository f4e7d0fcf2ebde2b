"""Exploratory: the make-up of k-means' clusters of the 20 fortune categories (rows
shuffled as everywhere, all rows as compare.py gives them, seeds 0-2): the largest
cluster's share and the purity of the others, against the spectral start."""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), ".."))
from text_data import load_set, shuffled
from sklearn.cluster import KMeans
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
X, y = shuffled(*load_set(sys.argv[1]), 0)
k = len(np.unique(y))
def describe(tag, lab):
    r = clustering_report(y, lab)
    sizes = np.bincount(lab, minlength=k)
    big = sizes.argmax()
    pur = [np.bincount(y[lab == c]).max() / sizes[c] for c in range(k) if c != big and sizes[c]]
    w = sizes[[c for c in range(k) if c != big and sizes[c]]]
    print(f"{tag:14s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f}  largest {sizes[big]} ({sizes[big]/len(y):.0%}) of {len(y)}, "
          f"purity of the largest {np.bincount(y[lab == big]).max()/sizes[big]:.2f}, of the others {np.average(pur, weights=w):.2f}", flush=True)
for s in (0, 1, 2):
    describe(f"k-means s{s}", KMeans(k, n_init=10, random_state=s).fit_predict(X))
keep = np.any(X != 0, axis=1)
lab = np.full(len(y), 0)
lab[keep] = spectral_clustering(X[keep].astype(np.float64) / np.abs(X).max(), k, n_neighbors=30, random_state=0)
describe("spectral30 s0", lab)
