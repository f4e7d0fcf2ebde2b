"""Exploratory: umap-learn on the held-out texts (results_sparse_kind): 10-NN purity of
the tf-idf rows, then UMAP (10 neighbours, min_dist 0, 5 dimensions) + a full-covariance
GMM, with its own or exact (precomputed) neighbours, spectral or random start, 500 or
200 epochs; seed 0::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/umap_heldout.py
"""
import warnings

import numpy as np
import umap
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors

from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
c = load_fortunes_tfidf(("art", "computers", "education", "politics", "science"))
X, y = c.data.astype(np.float64), c.target
d, i = NearestNeighbors(n_neighbors=10).fit(X).kneighbors(X)
print("10-NN purity", round((y[i[:, 1:]] == y[:, None]).mean(), 3), "rows with no word", (X.sum(1) == 0).sum())
for kw in [{}, {"precomputed_knn": (i, d, None)}, {"n_epochs": 200}, {"init": "random"},
           {"init": "random", "n_epochs": 200}]:
    E = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=5, random_state=0, **kw).fit_transform(X)
    lab = GaussianMixture(5, covariance_type="full", random_state=0).fit_predict(E)
    shown = {k: ("exact" if k == "precomputed_knn" else v) for k, v in kw.items()}
    print(shown or "defaults", {k: round(v, 3) for k, v in clustering_report(y, lab).items()}, flush=True)
