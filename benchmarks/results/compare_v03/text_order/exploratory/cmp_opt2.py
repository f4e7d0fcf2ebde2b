import numpy as np, torch, warnings; warnings.filterwarnings("ignore")
import layout as L
from umap.umap_ import find_ab_params, make_epochs_per_sample
from umap.layouts import optimize_layout_euclidean
from sklearn.mixture import GaussianMixture
from skdeepcluster.metrics import clustering_report
from skdeepcluster.datasets import load_fortunes_tfidf
from cats import CATS
d = load_fortunes_tfidf(CATS); X, y = d.data, d.target; k = 20
print("ab", find_ab_params(1.0, 0.0))
a, b = find_ab_params(1.0, 0.0)
A = L.fuzzy_graph(X, 10).tocoo(); n = A.shape[0]
A.data[A.data < A.data.max() / 500] = 0; A.eliminate_zeros()
Y0 = np.random.RandomState(0).uniform(-10, 10, size=(n, k)).astype(np.float32)
eps = make_epochs_per_sample(A.data, 500)
Y1 = Y0.copy(); Y = optimize_layout_euclidean(Y1, Y1, A.row, A.col, 500, n, eps, a, b, np.random.RandomState(0).randint(-2**31, 2**31 - 1, 3).astype(np.int64), 1.0, 1.0, 5.0, parallel=False, move_other=True)
lab = GaussianMixture(k, covariance_type="full", random_state=0).fit_predict(Y.astype(np.float64))
print("umap optimizer on my graph, random init, same array", clustering_report(y, lab))
from sklearn.neighbors import NearestNeighbors
empty = np.abs(X).sum(1) == 0
dist, idx = NearestNeighbors(n_neighbors=11).fit(X).kneighbors(X)
ne = empty[idx[:, 1:]].sum(1)
iso = (ne == 10) & ~empty; con = (ne < 9) & ~empty
for name, m in (("isolated", iso), ("connected", con), ("9-empty", (ne == 9) & ~empty)):
    print(name, m.sum(), clustering_report(y[m], lab[m]))
print("kmeans on raw restricted:")
from sklearn.cluster import KMeans
km = KMeans(20, n_init=10, random_state=0).fit_predict(X)
for name, m in (("isolated", iso), ("connected", con)):
    print(name, clustering_report(y[m], km[m]))
