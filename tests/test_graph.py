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


@pytest.mark.parametrize("n_samples, n_clusters, n_neighbors, separation", [
    (400, 4, 15, 8.0),   # LOBPCG, CSR Laplacian
    (400, 3, 15, 100.0),  # three pieces: the graph is not connected
    (300, 2, 1, 0.0),    # mostly mutual pairs: many diagonals still
    (25, 3, 4, 8.0),     # below 5 * (n_clusters + 1) + 1 nodes: the dense solver
    (100, 2, 2, None),   # points on a line: a banded Laplacian, stored as DIA
])
def test_spectral_embedding_of_neighbour_lists_is_scikit_learns(
        n_samples, n_clusters, n_neighbors, separation):
    # spectral_clustering computes scikit-learn's spectral embedding itself,
    # to drop the graph while LOBPCG runs; the values must be the same, bit
    # for bit, so that the labels are.
    import warnings

    from sklearn.datasets import make_blobs
    from sklearn.manifold import spectral_embedding

    from skdeepcluster.graph import _connectivity_neighbors, _graph_of, _spectral_embedding

    if separation is None:
        X = np.arange(float(n_samples))[:, None] ** 1.01  # no ties among neighbours
    else:
        X, _ = make_blobs(n_samples, centers=n_clusters, center_box=(-separation, separation),
                          random_state=0)
    neighbors = _connectivity_neighbors(X, n_neighbors, "cpu")
    for seed in (0, 7):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ours = _spectral_embedding(neighbors, n_clusters, seed)
            theirs = spectral_embedding(_graph_of(neighbors), n_components=n_clusters,
                                        eigen_solver="lobpcg", random_state=seed)
        assert ours.shape == theirs.shape == (n_samples, n_clusters)
        np.testing.assert_array_equal(ours, theirs)


def test_spectral_clustering_keeps_lobpcg_short_of_tolerance_quiet(monkeypatch):
    # LOBPCG's message spans lines ("Exited at iteration 40 with accuracies
    # \n[...]\nnot reaching the requested tolerance ..."), as on 500,000 codes.
    import warnings

    from sklearn.datasets import make_blobs

    from skdeepcluster import graph

    lobpcg = graph.lobpcg

    def lobpcg_short_of_tolerance(*args, **kwargs):
        warnings.warn("Exited at iteration 40 with accuracies \n[6.4e-16 6.7e-03]\n"
                      "not reaching the requested tolerance 0.0074.", UserWarning)
        return lobpcg(*args, **kwargs)

    monkeypatch.setattr(graph, "lobpcg", lobpcg_short_of_tolerance)
    X, _ = make_blobs(200, centers=3, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert graph.spectral_clustering(X, 3, random_state=0).shape == (200,)


def test_normalized_cut_of_small_graphs():
    import scipy.sparse as sp

    from skdeepcluster.graph import normalized_cut

    # Two triangles joined by one edge (2-3): each side has volume 7 and cut 1.
    edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
    rows, cols = zip(*(edges + [(j, i) for i, j in edges]))
    A = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(6, 6))
    assert normalized_cut(A, np.array([0, 0, 0, 1, 1, 1])) == pytest.approx(2 / 7)
    assert normalized_cut(A, np.zeros(6, dtype=int)) == 0.0
    # Cutting a triangle in two costs more than cutting the bridge.
    assert normalized_cut(A, np.array([0, 0, 1, 1, 1, 1])) > 2 / 7


def test_modularity_merge_joins_the_parts_of_one_cluster_first():
    from skdeepcluster.graph import connectivity_graph, modularity_merge

    rng = np.random.RandomState(0)
    centers = np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]])
    y = np.repeat([0, 1, 2], 60)
    X = centers[y] + rng.normal(size=(180, 2))
    # Cluster 0 is cut in two along x = 0, the others are whole: 4 groups.
    groups = np.where((y == 0) & (X[:, 0] > 0), 3, y)
    labels = modularity_merge(connectivity_graph(X, 10), groups, 3)
    assert labels.shape == (180,) and set(labels) == {0, 1, 2}
    np.testing.assert_array_equal(np.unique(np.c_[y, labels], axis=0)[:, 0], [0, 1, 2])
    # Asking for as many clusters as groups changes nothing but the names.
    same = modularity_merge(connectivity_graph(X, 10), groups, 4)
    assert len(np.unique(np.c_[groups, same], axis=0)) == 4


def test_spectral_clustering_mends_a_split_cluster_that_kmeans_leaves():
    # Blobs of unequal sizes and spreads in 30 dimensions (as those of
    # bench_auto_k.py, k = 5, but close enough that the graph is connected):
    # k-means of the eigenvectors splits a large blob and joins two others;
    # the merged rounding recovers the blobs, and its smaller normalised cut
    # is what picks it.
    import scipy.sparse as sp
    from sklearn.datasets import make_blobs
    from sklearn.metrics import adjusted_rand_score

    from skdeepcluster.graph import connectivity_graph, spectral_clustering

    rng = np.random.RandomState(5)
    X, y = make_blobs(rng.randint(30, 300, size=5), n_features=30,
                      cluster_std=rng.uniform(0.5, 2.0, 5), center_box=(-3, 3), random_state=5)
    assert sp.csgraph.connected_components(connectivity_graph(X, 15))[0] == 1
    plain = spectral_clustering(X, 5, oversegment=(), random_state=0)
    assert adjusted_rand_score(y, plain) < 0.9
    assert adjusted_rand_score(y, spectral_clustering(X, 5, random_state=0)) == 1.0
    with pytest.raises(ValueError, match="above 1"):
        spectral_clustering(X, 5, oversegment=(1.0,))


def test_spectral_clustering_keeps_a_small_cluster_beside_a_large_one(monkeypatch):
    # Two Gaussians of 900 and 100 rows, in 10 and in 100 dimensions, close
    # enough that the graph is connected: the rounding of the two
    # eigenvectors after the constant one cuts the large one in two (ACC
    # 0.57-0.61); Shi and Malik's bipartition by the first of them keeps
    # both, at a normalised cut under half as large, and replaces it. Two
    # equal Gaussians keep the first rounding.
    import scipy.sparse as sp
    from sklearn.datasets import make_blobs

    from skdeepcluster import graph
    from skdeepcluster.graph import connectivity_graph, normalized_cut, spectral_clustering
    from skdeepcluster.metrics import clustering_accuracy

    def two_gaussians(sizes, d, gap):
        return make_blobs(sizes, n_features=d, cluster_std=1.0,
                          centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)

    def without_shi_malik(X):
        with monkeypatch.context() as m:
            m.setattr(graph, "SHI_MALIK_CUT_FRACTION", 0.0)
            return spectral_clustering(X, 2, random_state=0)

    for d, gap in ((10, 3.8), (10, 6.0), (100, 6.0)):
        X, y = two_gaussians([900, 100], d, gap)
        A = connectivity_graph(X, 15)
        assert sp.csgraph.connected_components(A)[0] == 1
        labels, before = spectral_clustering(X, 2, random_state=0), without_shi_malik(X)
        assert clustering_accuracy(y, before) < 0.65
        assert clustering_accuracy(y, labels) > 0.98
        assert normalized_cut(A, labels) < 0.5 * normalized_cut(A, before)
    X, _ = two_gaussians([500, 500], 10, 3.8)
    assert np.array_equal(spectral_clustering(X, 2, random_state=0), without_shi_malik(X))


def test_spectral_clustering_takes_the_pieces_of_a_graph_that_falls_apart():
    # Separated blobs of very unequal sizes: the graph has one piece per
    # blob. The eigenvectors' rounding split the largest blob and joined the
    # two others (ARI 0.52 and 0.39 here); the pieces themselves cut no edge.
    import scipy.sparse as sp
    from sklearn.datasets import make_blobs
    from sklearn.metrics import adjusted_rand_score

    from skdeepcluster.graph import connectivity_graph, normalized_cut, spectral_clustering

    for sizes in ([600, 300, 100], [1000, 200, 50]):
        X, y = make_blobs(sizes, n_features=10, random_state=0)
        X = (X - X.mean(axis=0)) / X.std(axis=0)
        assert sp.csgraph.connected_components(connectivity_graph(X, 15))[0] == 3
        for oversegment in ((), (3,)):
            labels = spectral_clustering(X, 3, oversegment=oversegment, random_state=0)
            assert adjusted_rand_score(y, labels) == 1.0
    # More pieces than clusters: whole pieces are joined (no edge cut), the
    # smallest first.
    X, y = make_blobs([300, 200, 40, 30], centers=30 * np.eye(4, 10), random_state=1)
    A = connectivity_graph(X, 15)
    assert sp.csgraph.connected_components(A)[0] == 4
    labels = spectral_clustering(X, 3, random_state=0)
    assert normalized_cut(A, labels) == 0.0
    assert adjusted_rand_score(np.minimum(y, 2), labels) == 1.0


def test_separated_pieces_are_spectral_clustering_where_the_graph_falls_apart():
    # What DiscriminativeLatentClustering's start checks before k-means:
    # the partition spectral_clustering returns where its graph falls apart
    # into at least n_clusters pieces (found without its eigenvectors), and
    # None where it holds fewer pieces.
    from sklearn.datasets import make_blobs

    from skdeepcluster.graph import separated_pieces, spectral_clustering

    X, _ = make_blobs([300, 200, 40, 30], centers=30 * np.eye(4, 10), random_state=1)
    for n_clusters in (3, 4):
        np.testing.assert_array_equal(separated_pieces(X, n_clusters),
                                      spectral_clustering(X, n_clusters, random_state=0))
    assert separated_pieces(X, 5) is None
    # Neighbours capped as spectral_clustering caps them (half an average
    # cluster): 3 groups of 10 samples 1 apart fall apart with the 5
    # neighbours each gets, not with the 15 asked for.
    import scipy.sparse as sp

    from skdeepcluster.graph import connectivity_graph

    X = np.repeat(np.arange(3.0), 10)[:, None] + np.tile(np.linspace(0, 0.1, 10), 3)[:, None]
    assert sp.csgraph.connected_components(connectivity_graph(X, 15))[0] == 1
    np.testing.assert_array_equal(separated_pieces(X, 3, n_neighbors=15),
                                  np.repeat(np.arange(3), 10))


def test_separated_pieces_of_distinct_rows_count_copies_once():
    # 20 copies of one row beside a dense blob: every copy's 15 neighbours
    # are copies and no blob row is nearer to them than its own 15
    # neighbours, so they are a piece of their own; among the distinct rows
    # the one row joins the blob (text repeats itself: manual pages,
    # results_text_order). Where the pieces stand among the distinct rows,
    # every copy takes its row's piece.
    from skdeepcluster.graph import separated_pieces

    rng = np.random.RandomState(0)
    blob = rng.normal(size=(300, 2))
    X = np.vstack([blob, np.tile([[5.0, 0.0]], (20, 1))])
    assert separated_pieces(X, 2) is not None
    assert separated_pieces(X, 2, distinct=True) is None
    far = np.vstack([blob, np.tile([[40.0, 0.0]], (20, 1)), rng.normal(size=(30, 2)) + [40.0, 0.0]])
    labels = separated_pieces(far, 2, distinct=True)
    assert labels is not None and len(np.unique(labels[300:])) == 1 and labels[0] != labels[300]
