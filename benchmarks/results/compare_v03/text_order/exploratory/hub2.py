import numpy as np, warnings; warnings.filterwarnings("ignore")
import layout as L
from skdeepcluster.datasets import load_fortunes_tfidf
from cats import CATS
d = load_fortunes_tfidf(CATS); X, y = d.data, d.target
empty = np.abs(X).sum(1) == 0
A = L.fuzzy_graph(X, 10).tocsr()
from sklearn.neighbors import NearestNeighbors
dist, idx = NearestNeighbors(n_neighbors=11).fit(X).kneighbors(X)
ne = empty[idx[:, 1:]].sum(1); iso = (ne == 10) & ~empty
print("empties picked by isolated docs:", np.unique(idx[iso, 1:]).size, "of", empty.sum())
print("y of empties", np.bincount(y[empty], minlength=20))
print("empty positions", np.flatnonzero(empty)[:20])
B = A[iso][:, ~empty]
print("isolated docs: nonempty-edge count pct", np.percentile(np.diff(B.indptr), [10, 50, 90]))
