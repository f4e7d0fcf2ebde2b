"""estimate_n_clusters on synthetic embeddings of known numbers of clusters."""

import numpy as np
import pytest
from sklearn.datasets import make_blobs

from skdeepcluster import estimate_n_clusters
from skdeepcluster import autok
from skdeepcluster.autok import DEFAULT_MAX_CLUSTERS, graph_shows_clusters, laplacian_eigenvalues


def unequal_blobs(k, n_features=20, seed=0, std=1.0):
    """``k`` separated Gaussian blobs of 30 to 120 samples each."""
    rng = np.random.RandomState(seed)
    sizes = rng.randint(30, 121, size=k)
    X, y = make_blobs(sizes, n_features=n_features, cluster_std=std, center_box=(-20, 20),
                      random_state=seed)
    return X, y


@pytest.mark.parametrize("rule", ["step-modularity", "ratio"])
@pytest.mark.parametrize("k", [2, 3, 5, 8, 12])
def test_finds_separated_blobs(k, rule):
    X, _ = unequal_blobs(k, seed=k)
    assert estimate_n_clusters(X, max_clusters=20, rule=rule, random_state=0) == k


@pytest.mark.parametrize("rule", ["step-modularity", "ratio"])
def test_one_cluster(rule):
    # One Gaussian blob: no jump in the spectrum after lambda_1 = 0, and
    # lambda_2 that of the Gaussian reference.
    X = np.random.RandomState(0).normal(size=(400, 10))
    assert estimate_n_clusters(X, max_clusters=10, rule=rule) == 1


def test_one_uniform_cluster():
    # A uniform cube is no Gaussian, but no easier to cut than one.
    X = np.random.RandomState(2).uniform(size=(1000, 3))
    assert estimate_n_clusters(X, max_clusters=20, random_state=0) == 1


@pytest.mark.parametrize("shape, n_features", [("gaussian", 2), ("gaussian", 3), ("ball", 3)])
def test_one_low_dimensional_cluster(shape, n_features):
    # d equal small eigenvalues (the linear eigenfunctions) then a step of
    # about 2: as large as the Gaussian reference's, so one cluster (this
    # answered d + 1 before the null-model check). A uniform disc's step is
    # 1.1-1.2 times the Gaussian's: 1 on three of four seeds, not tested.
    rng = np.random.RandomState(0)
    X = rng.normal(size=(1000, n_features))
    if shape == "ball":
        radius = rng.uniform(size=(1000, 1)) ** (1 / n_features)
        X = X / np.linalg.norm(X, axis=1, keepdims=True) * radius
    assert estimate_n_clusters(X, max_clusters=20, random_state=0) == 1


def test_step_beyond_the_reference_is_kept():
    # Wine (standardised): the ratio rule answers 1, the spectrum steps
    # after 3 (ratio 3.6), far more than one Gaussian of its covariance
    # does there (1.6), so step (a) answers 3.
    from sklearn.datasets import load_wine
    from sklearn.preprocessing import StandardScaler

    X = StandardScaler().fit_transform(load_wine().data)
    assert estimate_n_clusters(X, max_clusters=20, rule="ratio") == 1
    assert estimate_n_clusters(X, max_clusters=20, random_state=0) == 3


def touching_blobs(k, seed):
    """``k`` Gaussian blobs in 10-D close enough that the kNN graph joins
    them all, with no step in its spectrum."""
    rng = np.random.RandomState(seed)
    X, _ = make_blobs(rng.randint(80, 200, size=k), n_features=10, cluster_std=3.0,
                      center_box=(-8, 8), random_state=seed)
    return X


@pytest.mark.parametrize("k, seed", [(3, 0), (10, 0), (10, 1)])
def test_touching_clusters(k, seed):
    # Step 3 of the rule, the most modular spectral clustering, where the
    # ratio rule answers 1 (with seed 2 of k=10 the rule answers 8).
    X = touching_blobs(k, seed)
    assert estimate_n_clusters(X, max_clusters=20, random_state=0) == k


def test_ratio_rule_answers_one_on_touching_clusters():
    # What the default rule replaced: the spectrum rises smoothly from a
    # lambda_2 above the floor, and the largest ratio is the first.
    assert estimate_n_clusters(touching_blobs(10, 0), max_clusters=20, rule="ratio") == 1


def test_touching_clusters_up_to_max_clusters():
    # The modularity sweep ends at max_clusters, and may answer it.
    X = touching_blobs(3, 0)
    assert estimate_n_clusters(X, max_clusters=3, random_state=0) == 3


@pytest.mark.xfail(strict=True, reason="a known limit of both rules: on a thin 1-D "
                   "manifold the spectrum grows like k**2 and a few steps stand out (FCPS "
                   "Chainlink: 6 for 2)")
def test_one_cluster_on_a_curve():
    # A single noisy ring in 2-D (a manifold, not a blob) is one cluster.
    rng = np.random.RandomState(1)
    angle = rng.uniform(0, 2 * np.pi, 500)
    X = np.c_[np.cos(angle), np.sin(angle)] + 0.02 * rng.normal(size=(500, 2))
    assert estimate_n_clusters(X, max_clusters=10) == 1


def test_k_equal_to_max_clusters():
    X, _ = unequal_blobs(6, seed=3)
    assert estimate_n_clusters(X, max_clusters=6) == 6


def test_never_above_max_clusters():
    X, _ = unequal_blobs(10, seed=4)
    assert 1 <= estimate_n_clusters(X, max_clusters=4) <= 4


def test_large_data_uses_sparse_solver_deterministically():
    # Beyond 2,000 samples (300 for a connected graph) the eigenvalues come
    # from ARPACK.
    X, _ = make_blobs([900, 700, 500, 400], n_features=15, random_state=0)
    first = estimate_n_clusters(X, random_state=0)
    assert first == 4
    assert estimate_n_clusters(X, random_state=0) == first


def _grid(side):
    """A square grid of ``side**2`` points: a connected graph whose spectrum
    repeats eigenvalues (the grid's symmetries)."""
    return np.stack(np.meshgrid(np.arange(side), np.arange(side)), -1).reshape(-1, 2) * 1.0


@pytest.mark.parametrize("data", ["touching blobs", "grid"])
def test_sparse_solver_agrees_with_dense_on_a_connected_graph(monkeypatch, data):
    # Beyond DENSE_EIGEN_MAX_SAMPLES a connected graph goes to ARPACK: the
    # same eigenvalues, and eigenvectors spanning the same space, as LAPACK,
    # repeated eigenvalues included.
    X = touching_blobs(5, 0) if data == "touching blobs" else _grid(20)
    assert len(X) > autok.DENSE_EIGEN_MAX_SAMPLES
    _, M = autok._normalized_adjacency(X, 15, "cpu")
    sparse_values, sparse_vectors = autok._top_eigenpairs(M, 12, 0, vectors=True)
    monkeypatch.setattr(autok, "DENSE_EIGEN_MAX_SAMPLES", len(X))
    dense_values, dense_vectors = autok._top_eigenpairs(M, 12, 0, vectors=True)
    np.testing.assert_allclose(sparse_values, dense_values, atol=1e-10)
    # The same subspace: the projection of one basis onto the other keeps it.
    overlap = np.linalg.svd(sparse_vectors.T @ dense_vectors, compute_uv=False)
    np.testing.assert_allclose(overlap, 1.0, atol=1e-6)


def test_sparse_solver_that_fails_falls_back_to_dense(monkeypatch):
    # ARPACK that does not converge on a graph of at most
    # PIECES_DENSE_MAX_SAMPLES samples: LAPACK answers instead.
    from scipy.sparse.linalg import ArpackNoConvergence

    X = touching_blobs(5, 0)
    _, M = autok._normalized_adjacency(X, 15, "cpu")

    def no_convergence(*args, **kwargs):
        raise ArpackNoConvergence("no convergence", np.ones(2), np.ones((len(X), 2)))

    monkeypatch.setattr(autok, "eigsh", no_convergence)
    values, vectors = autok._top_eigenpairs(M, 6, 0, vectors=True)
    expected = np.linalg.eigvalsh(M.toarray())[::-1][:6]
    np.testing.assert_allclose(values, expected, atol=1e-10)
    assert vectors.shape == (len(X), 6)


def test_a_graph_in_pieces_keeps_every_zero(monkeypatch):
    # A graph in components has eigenvalue 0 once per component, which
    # ARPACK can miss: up to PIECES_DENSE_MAX_SAMPLES it goes to LAPACK.
    X, _ = make_blobs([150] * 6, n_features=10, center_box=(-100, 100), random_state=0)
    assert len(X) > autok.DENSE_EIGEN_MAX_SAMPLES
    solvers = []
    monkeypatch.setattr(autok, "eigsh", lambda *a, **k: solvers.append("arpack"))
    eigenvalues = laplacian_eigenvalues(X, 8, random_state=0)
    assert solvers == []
    np.testing.assert_allclose(eigenvalues[:6], 0, atol=1e-8)
    assert eigenvalues[6] > 0.05


def test_modularity_sweep_stops_past_its_peak(monkeypatch):
    # The sweep over k ends MODULARITY_PATIENCE values after the best one.
    X = touching_blobs(3, 0)
    fitted = []
    real_kmeans = autok.KMeans

    def counting_kmeans(k, **kwargs):
        fitted.append(k)
        return real_kmeans(k, **kwargs)

    monkeypatch.setattr(autok, "KMeans", counting_kmeans)
    A, _, eigenvectors = autok._spectrum(X, 40, 15, 0, "cpu")
    k = autok._most_modular_k(A, eigenvectors, 40, np.random.RandomState(0))
    assert k == 3
    assert fitted[0] == 2
    assert k + autok.MODULARITY_PATIENCE <= fitted[-1] < 40
    assert fitted[-1] - fitted[0] + 1 == len(fitted)


def test_eigenvalues_count_components():
    X, _ = unequal_blobs(4, seed=5)
    eigenvalues = laplacian_eigenvalues(X, 6)
    assert eigenvalues.shape == (6,)
    assert np.all(np.diff(eigenvalues) >= -1e-9)
    np.testing.assert_allclose(eigenvalues[:4], 0, atol=1e-8)
    assert eigenvalues[4] > 0.1


def test_default_max_clusters_follows_n_samples():
    X, _ = unequal_blobs(3, seed=6)
    assert estimate_n_clusters(X[:20]) <= 20
    assert DEFAULT_MAX_CLUSTERS == 50


def test_two_samples():
    assert estimate_n_clusters(np.array([[0.0, 0.0], [1.0, 1.0]]), max_clusters=2) == 1


@pytest.mark.parametrize(
    "max_clusters, message",
    [(1, "max_clusters >= 2"), (0, "max_clusters >= 2"), (61, "max_clusters <= n_samples"),
     ("many", "must be an int"), (2.5, "must be an int")],
)
def test_bad_max_clusters(max_clusters, message):
    X, _ = unequal_blobs(3, seed=7)
    X = X[:60]
    with pytest.raises(ValueError, match=message):
        estimate_n_clusters(X, max_clusters=max_clusters)


def test_bad_rule():
    X, _ = unequal_blobs(3, seed=7)
    with pytest.raises(ValueError, match="rule must be one of"):
        estimate_n_clusters(X, rule="eigengap")


def test_bad_input():
    with pytest.raises(ValueError, match="at least 2 samples"):
        estimate_n_clusters(np.zeros((1, 3)))
    with pytest.raises(ValueError, match="2-D"):
        estimate_n_clusters(np.zeros(5))
    X = np.zeros((10, 2))
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        estimate_n_clusters(X)


def merged_view(X, y, n_groups):
    """An embedding of ``X`` that merges its blobs into ``n_groups`` groups
    (blob ``c`` goes to group ``c % n_groups``), as a learned embedding
    may."""
    rng = np.random.RandomState(0)
    centres = 20 * rng.normal(size=(n_groups, 5))
    return centres[y % n_groups] + rng.normal(size=(len(y), 5))


def test_separated_input_decides():
    # The input falls apart into 12 pieces: its k wins over an embedding
    # that merged them into 7.
    X, y = unequal_blobs(12, seed=12)
    Z = merged_view(X, y, 7)
    assert estimate_n_clusters(Z, max_clusters=20, random_state=0) == 7
    assert estimate_n_clusters(Z, max_clusters=20, X_input=X, random_state=0) == 12


def test_silent_input_leaves_the_embedding():
    # One Gaussian as input says nothing (no step in its spectrum): the
    # embedding's 4 blobs decide.
    X = np.random.RandomState(0).normal(size=(400, 10))
    Z, _ = make_blobs([80, 100, 120, 100], n_features=5, random_state=0)
    assert estimate_n_clusters(Z, max_clusters=10, X_input=X, random_state=0) == 4
    # and one cluster stays one cluster
    assert estimate_n_clusters(X[:, :5], max_clusters=10, X_input=X, random_state=0) == 1


def test_input_step_is_a_lower_bound(monkeypatch):
    # A clear step at k in a graph that does not fall apart: at least k,
    # more if the embedding sees more.
    import skdeepcluster.autok as autok

    monkeypatch.setattr(autok, "_input_evidence", lambda *args: (3, False))
    Z, _ = make_blobs([80, 100, 120, 100, 90], n_features=5, random_state=0)
    one = np.random.RandomState(0).normal(size=(490, 5))
    assert estimate_n_clusters(one, max_clusters=10, X_input=one, random_state=0) == 3
    assert estimate_n_clusters(Z, max_clusters=10, X_input=one, random_state=0) == 5


def test_a_step_whose_pieces_cut_cheaply_looks_further(monkeypatch):
    # A clear step at k stands only where the pieces past it are about as
    # hard to cut as one Gaussian (lambda_{k+1} >= half the reference's
    # lambda_2); else it is the top of a hierarchy (Fashion-MNIST: footwear
    # and the rest, 0.12-0.21) and the modularity sweep looks further.
    import skdeepcluster.autok as autok

    X = touching_blobs(10, 0)
    cheap = np.array([0.0, 1e3, 1e3])  # a reference lambda_2 that no piece reaches
    whole = np.array([0.0, 1e-9, 1e-9])
    monkeypatch.setattr(autok, "_clear_step", lambda *args: (2, cheap))
    assert estimate_n_clusters(X, max_clusters=20, random_state=0) >= 8  # the sweep: 9-10
    monkeypatch.setattr(autok, "_clear_step", lambda *args: (2, whole))
    assert estimate_n_clusters(X, max_clusters=20, random_state=0) == 2
    # The input's own clear step at the same k, with whole pieces, confirms
    # the embedding's (DiscriminativeLatentClustering's codes of breast
    # cancer: pieces at 0.10, the input's at 2.0).
    monkeypatch.setattr(autok, "_clear_step", lambda *args: (2, cheap))
    monkeypatch.setattr(autok, "_input_evidence", lambda *args: (2, False))
    assert estimate_n_clusters(X, max_clusters=20, X_input=X, random_state=0) == 2


def test_input_step_with_cheap_pieces_says_nothing(monkeypatch):
    import skdeepcluster.autok as autok

    one = np.random.RandomState(0).normal(size=(400, 10))  # the ratio rule answers 1
    monkeypatch.setattr(autok, "_clear_step", lambda *args: (2, np.array([0.0, 1e3, 1e3])))
    assert autok._input_evidence(one, 20, 15, 0, "cpu") == (1, False)
    monkeypatch.setattr(autok, "_clear_step", lambda *args: (2, np.array([0.0, 1e-9, 1e-9])))
    assert autok._input_evidence(one, 20, 15, 0, "cpu") == (2, False)


def test_input_evidence_kinds():
    from skdeepcluster.autok import _input_evidence

    X, _ = unequal_blobs(5, seed=5)
    assert _input_evidence(X, 20, 15, 0, "cpu") == (5, True)
    one = np.random.RandomState(0).normal(size=(400, 10))
    assert _input_evidence(one, 20, 15, 0, "cpu") == (1, False)


def test_input_components_counted_one_by_one():
    # The suite's 20 blobs of unequal sizes and spreads in 30 dimensions,
    # standardised: the input's graph falls apart into 20 components, but
    # the ratio rule on its whole spectrum stops at a larger step before
    # the last zeros (17); each component is read on its own instead.
    from scipy.sparse.csgraph import connected_components
    from sklearn.preprocessing import StandardScaler

    from skdeepcluster.autok import _input_evidence, _largest_ratio
    from skdeepcluster.graph import connectivity_graph

    rng = np.random.RandomState(20)
    X, _ = make_blobs(rng.randint(30, 300, size=20), n_features=30,
                      cluster_std=rng.uniform(0.5, 2.0, 20), center_box=(-10, 10), random_state=20)
    X = StandardScaler().fit_transform(X)
    assert connected_components(connectivity_graph(X, 15), directed=False)[0] == 20
    assert _largest_ratio(laplacian_eigenvalues(X, 51, random_state=0), 1)[0] < 20
    assert _input_evidence(X, 50, 15, 0, "cpu") == (20, True)
    embedding = np.random.RandomState(0).normal(size=(len(X), 10))
    assert estimate_n_clusters(embedding, X_input=X, random_state=0) == 20
    # A component that nearly falls apart in turn counts its pieces: four
    # blobs in the plane, two of them touching, three components.
    rng = np.random.RandomState(11)
    X, _ = make_blobs(rng.randint(40, 250, size=4), n_features=2, center_box=(-15, 15),
                      random_state=11)
    assert connected_components(connectivity_graph(X, 15), directed=False)[0] == 3
    assert _input_evidence(X, 50, 15, 0, "cpu") == (4, True)


def test_curves_apart_count_once():
    # Two interlocked noisy rings in 3-D (FCPS Chainlink's shape): two
    # components, each a curve whose spectrum steps by about 4 (its
    # eigenvalues grow like j**2), which the ratio rule read as 3 pieces
    # each (6 for 2); a curve's step is not a split.
    from skdeepcluster.autok import CURVE_STEP, NULL_STEP_FACTOR, _input_evidence, _largest_ratio

    rng = np.random.RandomState(0)
    t = rng.uniform(0, 2 * np.pi, 1000)
    X = np.r_[np.c_[np.cos(t[:500]), np.sin(t[:500]), np.zeros(500)],
              np.c_[1 + np.cos(t[500:]), np.zeros(500), np.sin(t[500:])]]
    X += 0.05 * rng.normal(size=X.shape)
    ring = laplacian_eigenvalues(X[:500], 20, random_state=0)
    pieces, step = _largest_ratio(ring, 1)
    assert pieces >= 2 and step < NULL_STEP_FACTOR * CURVE_STEP
    assert _input_evidence(X, 50, 15, 0, "cpu") == (2, True)


def test_bad_X_input():
    X, _ = unequal_blobs(3, seed=7)
    with pytest.raises(ValueError, match="same order"):
        estimate_n_clusters(X, X_input=X[:-1])
    with pytest.raises(ValueError, match="X_input must be 2-D"):
        estimate_n_clusters(X, X_input=X[:, 0])


def test_input_neighbors_size_the_input_graph_only(monkeypatch):
    # n_neighbors sizes the embedding's graph, input_neighbors the input's
    # (None: n_neighbors). The input here is connected with no step, so
    # both graphs are built.
    import skdeepcluster.autok as autok

    built = []
    graph = autok.connectivity_graph

    def spy(X, n_neighbors, **kwargs):
        built.append((X.shape[1], n_neighbors))
        return graph(X, n_neighbors, **kwargs)

    monkeypatch.setattr(autok, "connectivity_graph", spy)
    X = np.random.RandomState(0).normal(size=(300, 6))
    Z, _ = make_blobs(300, n_features=4, centers=3, random_state=1)
    estimate_n_clusters(Z, max_clusters=10, X_input=X, n_neighbors=40, input_neighbors=12,
                        random_state=0)
    assert built[0] == (6, 12)
    assert (4, 40) in built and (6, 40) not in built and (4, 12) not in built
    built.clear()
    estimate_n_clusters(Z, max_clusters=10, X_input=X, n_neighbors=40, random_state=0)
    assert built[0] == (6, 40)


@pytest.mark.parametrize("n_eigenvalues", [2, 3, 21])
def test_spectrum_of_a_complete_graph(n_eigenvalues):
    # Every sample linked to every other: the normalised Laplacian has 0 and
    # n / (n - 1) repeated n - 1 times, on which LAPACK's subset solver
    # fails ("Internal Error"); the full solver then answers.
    X = np.random.RandomState(0).normal(size=(21, 3))
    eigenvalues = laplacian_eigenvalues(X, n_eigenvalues, n_neighbors=20)
    expected = np.r_[0.0, np.full(n_eigenvalues - 1, 21 / 20)]
    np.testing.assert_allclose(eigenvalues, expected, atol=1e-10)
    assert estimate_n_clusters(X, max_clusters=20, n_neighbors=20, random_state=0) == 1


def _nested(n_samples, n_features, spreads, seed):
    """Gaussians around one centre that differ in spread only (Breiman's
    ringnorm-like): classes that no neighbour graph separates."""
    rng = np.random.RandomState(seed)
    y = np.arange(n_samples) % len(spreads)
    return rng.normal(size=(n_samples, n_features)) * np.asarray(spreads)[y][:, None], y


@pytest.mark.parametrize("k", [2, 3])
@pytest.mark.parametrize("seed", [0, 1])
def test_graph_shows_clusters_apart_not_nested(k, seed):
    apart, _ = make_blobs(300, n_features=8, centers=k, random_state=seed)
    assert graph_shows_clusters(apart, k, random_state=seed)
    nested, _ = _nested(300, 8, [1, 2, 4][:k], seed)
    assert not graph_shows_clusters(nested, k, random_state=seed)


def test_graph_shows_clusters_reads_a_subsample(monkeypatch):
    # Evenly spaced rows, as many for the reference: the same verdicts.
    apart, _ = make_blobs(900, n_features=8, centers=3, random_state=0)
    nested, _ = _nested(900, 8, [1, 2, 4], 0)
    monkeypatch.setattr(autok, "GRAPH_CLUSTERS_MAX_SAMPLES", 300)
    spy = []
    real = autok.laplacian_eigenvalues
    monkeypatch.setattr(autok, "laplacian_eigenvalues",
                        lambda X, *a, **kw: spy.append(len(X)) or real(X, *a, **kw))
    assert graph_shows_clusters(apart, 3, random_state=0)
    assert not graph_shows_clusters(nested, 3, random_state=0)
    assert spy == [300, 300]
