"""The kNN graph and GDL agglomeration against naive formulas."""

import numpy as np
import pytest

from skdeepcluster.graph import gdl_agglomerative, knn_graph


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


def test_spectral_clustering_follows_the_manifold_where_kmeans_cuts_across():
    from sklearn.cluster import KMeans
    from sklearn.datasets import make_moons
    from sklearn.metrics import adjusted_rand_score

    from skdeepcluster.graph import spectral_clustering

    X, y = make_moons(300, noise=0.05, random_state=0)
    labels = spectral_clustering(X, 2, random_state=0)
    assert adjusted_rand_score(y, labels) > 0.95
    assert adjusted_rand_score(y, KMeans(2, n_init=10, random_state=0).fit_predict(X)) < 0.6


def test_spectral_clustering_keeps_neighbour_lists_inside_small_clusters():
    # scikit-learn's check_clustering data: 50 points in 3 blobs of about 17.
    # With 15 neighbours each list would reach into a second blob.
    from sklearn.datasets import make_blobs
    from sklearn.metrics import adjusted_rand_score
    from sklearn.preprocessing import StandardScaler

    from skdeepcluster.graph import spectral_clustering

    X, y = make_blobs(n_samples=50, random_state=1)
    X = StandardScaler().fit_transform(X)
    for seed in range(5):
        assert adjusted_rand_score(y, spectral_clustering(X, 3, random_state=seed)) > 0.9


def test_spectral_clustering_on_tiny_and_degenerate_input():
    from skdeepcluster.graph import spectral_clustering

    labels = spectral_clustering(np.arange(6.0)[:, None], 3, random_state=0)
    assert labels.shape == (6,) and set(labels) <= {0, 1, 2}
    labels = spectral_clustering(np.ones((20, 3)), 2, random_state=0)  # all samples equal
    assert labels.shape == (20,)
    with pytest.raises(ValueError, match="at least two samples"):
        spectral_clustering(np.ones((1, 3)), 2)
