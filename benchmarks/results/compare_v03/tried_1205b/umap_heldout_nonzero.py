"""Exploratory: UMAP + GMM (the peer of compare.py: 10 neighbours, min_dist 0, 5
dimensions, full-covariance mixture) on the held-out texts of results_sparse_kind with
and without their 62 rows of no word (all-zero tf-idf rows), seeds 0-2, after the
share of each row's 10 nearest rows (exact, Euclidean) that are of its category and the
median distance from a row to its nearest other row::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/umap_heldout_nonzero.py
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
nonzero = X.sum(1) > 0
for rows, name in [(np.ones(len(X), bool), "all rows"), (nonzero, "rows with a word")]:
    distances, neighbors = NearestNeighbors(n_neighbors=11).fit(X[rows]).kneighbors(X[rows])
    same = y[rows][neighbors[:, 1:]] == y[rows][:, None]
    print(name, int(rows.sum()), "10-NN purity", round(same.mean(), 3),
          "median distance to the nearest other row", round(float(np.median(distances[:, 1])), 3),
          flush=True)
    for seed in (0, 1, 2):
        E = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=5, random_state=seed).fit_transform(X[rows])
        labels = GaussianMixture(5, covariance_type="full", random_state=seed).fit_predict(E)
        scores = {k: round(v, 3) for k, v in clustering_report(y[rows], labels).items()}
        print(name, int(rows.sum()), "seed", seed, scores, flush=True)
