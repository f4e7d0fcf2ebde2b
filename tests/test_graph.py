"""The kNN graph and GDL agglomerative clustering against naive formulas."""

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.datasets import load_digits, make_blobs

from skdeepcluster.graph import GDLClustering, gdl_agglomerative, knn_graph
from skdeepcluster.metrics import clustering_accuracy


def test_knn_graph_weights_match_the_formula():
    rng = np.random.RandomState(0)
    X = rng.normal(size=(30, 4))
    W, neighbors, _, _ = knn_graph(X, 5)
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    d2 = ((Xn[:, None] - Xn[None]) ** 2).sum(-1)
    np.fill_diagonal(d2, np.inf)
    expected_nn = np.argsort(d2, axis=1)[:, :5]
    np.testing.assert_array_equal(np.sort(neighbors, 1), np.sort(expected_nn, 1))
    sigma2 = np.take_along_axis(d2, expected_nn, 1).mean()
    dense = W.toarray()
    for i in range(30):
        for j in expected_nn[i]:
            assert dense[i, j] == pytest.approx(np.exp(-d2[i, j] / sigma2))
    assert W.nnz == 30 * 5 and (W.diagonal() == 0).all()


def test_knn_graph_with_identical_rows_stays_finite():
    X = np.ones((10, 3))
    W, neighbors, _, _ = knn_graph(X, 4)
    assert np.isfinite(W.data).all() and (W.data == 1).all()
    assert not (neighbors == np.arange(10)[:, None]).any()


def _naive_affinity(W, a, b):
    W = W.toarray()
    ca, cb = len(a), len(b)
    return (np.ones(ca) @ W[np.ix_(a, b)] @ W[np.ix_(b, a)] @ np.ones(ca)) / ca**2 + (
        np.ones(cb) @ W[np.ix_(b, a)] @ W[np.ix_(a, b)] @ np.ones(cb)
    ) / cb**2


def test_each_merge_takes_the_pair_of_highest_naive_affinity():
    rng = np.random.RandomState(1)
    X = rng.normal(size=(24, 3))
    W = knn_graph(X, 6)[0]
    labels = np.arange(24) // 2  # 12 initial pairs
    for target in range(11, 5, -1):
        clusters = [np.flatnonzero(labels == c) for c in np.unique(labels)]
        scores = {
            (p, q): _naive_affinity(W, clusters[p], clusters[q])
            for p in range(len(clusters)) for q in range(p + 1, len(clusters))
        }
        p, q = max(scores, key=scores.get)
        expected = labels.copy()
        expected[np.isin(expected, np.unique(labels)[[p, q]])] = -1
        merged = gdl_agglomerative(W, target, labels)
        # The merged pair now shares a label and nothing else changed.
        together = merged[clusters[p][0]]
        assert (merged[np.concatenate([clusters[p], clusters[q]])] == together).all()
        assert len(np.unique(merged)) == target
        labels = merged


def test_gdl_separates_blobs_and_digits():
    X, y = make_blobs(300, centers=4, random_state=0, cluster_std=0.6)
    assert clustering_accuracy(y, GDLClustering(4).fit_predict(X)) > 0.95
    digits = load_digits()
    # AGDL on raw digits beats k-means (about 0.79) clearly.
    assert clustering_accuracy(digits.target, GDLClustering(10).fit_predict(digits.data)) > 0.85


def test_gdl_clustering_errors():
    with pytest.raises(ValueError, match="n_samples=3 should be >= n_clusters=5"):
        GDLClustering(5).fit(np.random.RandomState(0).normal(size=(3, 2)))
