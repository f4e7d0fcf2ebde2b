import numpy as np, warnings; warnings.filterwarnings("ignore")
from sklearn.neighbors import NearestNeighbors
from skdeepcluster.datasets import load_fortunes_tfidf
from cats import CATS
d = load_fortunes_tfidf(CATS); X, y = d.data, d.target
empty = np.abs(X).sum(1) == 0
dist, idx = NearestNeighbors(n_neighbors=11).fit(X).kneighbors(X)
ne = empty[idx[:, 1:]].sum(1)
print("empty", empty.sum(), "docs with k empty NN (0..10):", np.bincount(ne[~empty], minlength=11))
print("nn1 distance pct", np.percentile(dist[~empty, 1], [5, 25, 50, 75, 95]).round(3))
# same-label fraction among non-empty neighbours
lab = y[idx[:, 1:]]; same = (lab == y[:, None]) & ~empty[idx[:, 1:]]
print("same-label among non-empty NN", same.sum() / max((~empty[idx[:, 1:]]).sum(), 1))
