"""The Gaussian mixture start of narrow tables (skdeepcluster.mixture)."""

import warnings

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, make_blobs, make_circles, make_classification, make_moons
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from skdeepcluster import mixture
from skdeepcluster.graph import separated_pieces, spectral_clustering
from skdeepcluster.mixture import (_gaussians_of, columns_decorrelated, kmeans_restarts,
                                   mixture_clustering, resolution_floors)


def _elongated_classes():
    # 6 classes of correlated features (make_classification, class_sep=1):
    # their nearest neighbours cross the class boundaries.
    X, y = make_classification(600, n_features=10, n_informative=6, n_redundant=2,
                               n_classes=4, n_clusters_per_class=1, class_sep=1.0,
                               random_state=0)
    return StandardScaler().fit_transform(X), y


def test_mixture_finds_overlapping_elongated_clusters_that_the_graph_misses():
    X, y = _elongated_classes()
    mixture_ari = adjusted_rand_score(y, mixture_clustering(X, 4, random_state=0))
    spectral_ari = adjusted_rand_score(y, spectral_clustering(X, 4, random_state=0))
    assert mixture_ari >= 0.8 and mixture_ari > spectral_ari + 0.2, (mixture_ari, spectral_ari)


def _waveforms(n_samples, seed):
    # Breiman's waveform classes (as mlbench.waveform draws them): each row is
    # a random mix of two of three shifted triangles over 21 points, plus
    # unit noise; the classes are the three pairs.
    rng = np.random.RandomState(seed)
    points = np.arange(1, 22)
    h1, h2, h3 = (np.maximum(6 - np.abs(points - centre), 0) for centre in (11, 15, 7))
    pairs = np.array([(h1, h2), (h1, h3), (h2, h3)], dtype=np.float64)
    y = rng.randint(3, size=n_samples)
    u = rng.uniform(size=(n_samples, 1))
    X = u * pairs[y, 0] + (1 - u) * pairs[y, 1] + rng.normal(size=(n_samples, 21))
    return X, y


def test_mixture_runs_em_to_convergence():
    # EM from k-means climbs slowly here: stopped by scikit-learn's default
    # tolerance (1e-3) after about 10 iterations, the labels stayed near
    # k-means' (ACC 0.51); run to convergence they reach 0.83.
    X, y = _waveforms(1500, seed=1)
    kmeans_ari = adjusted_rand_score(y, KMeans(3, n_init=10, random_state=0).fit_predict(X))
    mixture_ari = adjusted_rand_score(y, mixture_clustering(X, 3, random_state=0))
    assert mixture_ari >= 0.5 and mixture_ari > kmeans_ari + 0.3, (mixture_ari, kmeans_ari)


def test_mixture_returns_the_pieces_of_a_graph_that_falls_apart():
    X, y = make_moons(300, noise=0.03, random_state=0)
    X[y == 1] += [3.0, 0.0]  # two crescents far apart, neither Gaussian
    labels = mixture_clustering(X, 2, random_state=0)
    np.testing.assert_array_equal(labels, separated_pieces(X, 2))
    assert adjusted_rand_score(y, labels) == 1.0


def test_mixture_is_deterministic_and_labels_every_row():
    X, _ = _elongated_classes()
    first = mixture_clustering(X, 4, random_state=3)
    np.testing.assert_array_equal(first, mixture_clustering(X, 4, random_state=3))
    assert first.shape == (len(X),) and set(np.unique(first)) <= set(range(4))


def test_mixture_fits_a_sample_of_large_inputs_and_labels_all(monkeypatch):
    X, y = make_blobs([300, 500, 700], n_features=3, cluster_std=[0.5, 1.0, 1.5],
                      center_box=(-20, 20), random_state=1)
    X = np.vstack([X, X + 0.01])  # no piece stands apart twice over: 3,000 rows
    y = np.concatenate([y, y])
    monkeypatch.setattr(mixture, "MIXTURE_MAX_FIT_SAMPLES", 200)
    monkeypatch.setattr(mixture, "separated_pieces", lambda *a, **k: None)
    fitted = []
    real_fit = mixture.GaussianMixture.fit

    def recording_fit(self, rows, y=None):
        fitted.append(len(rows))
        return real_fit(self, rows)

    monkeypatch.setattr(mixture.GaussianMixture, "fit", recording_fit)
    labels = mixture_clustering(X, 3, random_state=0)
    assert fitted == [200] and labels.shape == (len(X),)
    assert adjusted_rand_score(y, labels) > 0.95


def test_mixture_looks_for_separated_pieces_in_the_sample_of_large_inputs(monkeypatch):
    X, y = make_moons(3000, noise=0.03, random_state=0)
    X[y == 1] += [3.0, 0.0]  # two crescents far apart, neither Gaussian
    monkeypatch.setattr(mixture, "MIXTURE_MAX_FIT_SAMPLES", 400)
    searched = []
    real_pieces = mixture.separated_pieces

    def recording_pieces(rows, *args, **kwargs):
        searched.append(len(rows))
        return real_pieces(rows, *args, **kwargs)

    monkeypatch.setattr(mixture, "separated_pieces", recording_pieces)
    labels = mixture_clustering(X, 2, random_state=0)
    assert searched == [400] and labels.shape == (len(X),)
    assert adjusted_rand_score(y, labels) == 1.0
    # Not separated: the sample's graph holds one piece and EM decides.
    X, y = make_blobs(3000, n_features=2, centers=[[0, 0], [4, 0]], random_state=0)
    labels = mixture_clustering(X, 2, random_state=0)
    assert searched == [400, 400] and adjusted_rand_score(y, labels) > 0.8


def test_mixture_falls_back_to_kmeans_where_em_fails(monkeypatch):
    X, _ = _elongated_classes()
    monkeypatch.setattr(mixture, "separated_pieces", lambda *a, **k: None)

    def failing_fit(self, rows, y=None):
        raise ValueError("Fitting the mixture model failed because some components have "
                         "ill-defined empirical covariance")

    monkeypatch.setattr(mixture.GaussianMixture, "fit", failing_fit)
    labels = mixture_clustering(X, 4, random_state=0)
    seed = np.random.RandomState(0).randint(np.iinfo(np.int32).max)
    kmeans = KMeans(4, n_init=kmeans_restarts(*X.shape, 4), random_state=seed).fit_predict(X)
    assert adjusted_rand_score(kmeans, labels) == 1.0


def test_mixture_of_binary_rows_with_duplicates_and_a_constant_column():
    # A table of yes/no answers (as the Zoo data): many identical rows, a
    # column that never varies, so covariances are singular.
    rng = np.random.RandomState(0)
    prototypes = rng.rand(4, 12) < 0.5
    X = prototypes[rng.randint(4, size=80)] ^ (rng.rand(80, 12) < 0.05)
    X = X.astype(np.float64)
    X[:, 0] = 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning leaks either
        labels = mixture_clustering(X, 4, random_state=0)
    assert labels.shape == (80,) and labels.max() < 4


def _zoo_like(seed, n_features=16, flip=0.1):
    """Standardised yes/no answers of animals of 7 kinds of unequal sizes
    (41 to 4, as mlbench's Zoo): each kind's prototype with 10% of its
    answers flipped."""
    rng = np.random.RandomState(seed)
    y = np.repeat(np.arange(7), [41, 20, 13, 10, 8, 5, 4])
    X = (rng.rand(7, n_features) < 0.4)[y] ^ (rng.rand(len(y), n_features) < flip)
    return StandardScaler().fit_transform(X.astype(np.float64)), y


def test_more_kmeans_restarts_where_they_are_cheap():
    assert kmeans_restarts(101, 16, 7) == mixture.MIXTURE_KMEANS_MAX_INITS
    assert kmeans_restarts(20_000, 62, 50) == mixture.MIXTURE_KMEANS_MIN_INITS
    assert (mixture.MIXTURE_KMEANS_MIN_INITS < kmeans_restarts(6435, 36, 6)
            < mixture.MIXTURE_KMEANS_MAX_INITS)
    # On a small table of many unequal clusters the best of 10 runs still
    # depends on the seed (pairwise ARI of ten random states 0.85, ARI to the
    # kinds 0.855 +- 0.078); the best of 100 hardly does (0.99, 0.890 +- 0.009).
    X, y = _zoo_like(0)
    labels = [mixture_clustering(X, 7, random_state=seed) for seed in range(10)]
    agreement = np.mean([adjusted_rand_score(labels[i], labels[j])
                         for i in range(10) for j in range(i)])
    assert agreement > 0.95
    assert np.mean([adjusted_rand_score(y, found) for found in labels]) > 0.875


def _scores(seed):
    """Standardised integer scores 1-10 of two kinds of cells, as MASS's
    biopsy records them: 450 benign rows mostly 1 (each column's share of
    other values from 3% to 55%), 240 malignant rows spread over the scale."""
    rng = np.random.RandomState(seed)
    benign = np.minimum(1 + rng.poisson(np.linspace(0.03, 0.8, 9), size=(450, 9)), 10)
    severity = rng.uniform(3, 10, size=(240, 1))
    malignant = np.clip(np.rint(severity + rng.normal(0, 2.5, size=(240, 9))), 1, 10)
    X = StandardScaler().fit_transform(np.vstack([benign, malignant]).astype(np.float64))
    return X, np.repeat([0, 1], [450, 240])


def test_resolution_floors_follow_the_grid_of_each_column():
    rng = np.random.RandomState(0)
    X = np.column_stack([rng.randint(1, 11, 200) * 0.5,  # steps of 0.5
                         np.round(rng.normal(size=200), 2),  # two decimals
                         rng.normal(size=200),  # no grid
                         np.full(200, 3.0)])  # constant
    floors = resolution_floors(X)
    np.testing.assert_allclose(floors[:2], [0.25 / 12, 1e-4 / 12])
    assert floors[2] == floors[3] == mixture.MIXTURE_REG_COVAR
    # In any unit: the floor scales with the column's variance.
    np.testing.assert_allclose(resolution_floors(X[:, :1] * 10), 100 * floors[:1])


def test_mixture_of_scores_on_a_grid_keeps_the_tight_cluster():
    # Without a floor at the grid, the benign component shrinks to a spike
    # along its columns of 1s and the broad one takes the benign rows one
    # step off it (ARI 0.909-0.925 for these seeds, 0.983-1.0 with it);
    # k-means 0.778-0.831.
    for seed in range(3):
        X, y = _scores(seed)
        kmeans_ari = adjusted_rand_score(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
        ari = adjusted_rand_score(y, mixture_clustering(X, 2, random_state=0))
        assert ari > 0.97 and ari > kmeans_ari + 0.1, (seed, ari, kmeans_ari)


def test_gaussians_of_a_partition():
    rng = np.random.RandomState(0)
    X = rng.normal(size=(50, 3))
    labels = np.repeat([0, 2], 25)  # cluster 1 is empty
    weights, means, precisions = _gaussians_of(X, labels, 3)
    np.testing.assert_allclose(means[0], X[:25].mean(axis=0))
    np.testing.assert_allclose(means[1], X.mean(axis=0))
    cov0 = np.cov(X[:25], rowvar=False, bias=True) + mixture.MIXTURE_REG_COVAR * np.eye(3)
    np.testing.assert_allclose(precisions[0], np.linalg.inv(cov0), rtol=1e-8)
    assert (precisions == precisions.transpose(0, 2, 1)).all()
    assert weights.sum() == pytest.approx(1.0) and weights[1] < 1e-3


def test_mixture_falls_back_to_kmeans_where_a_start_covariance_fails(monkeypatch):
    X, _ = _elongated_classes()
    monkeypatch.setattr(mixture, "separated_pieces", lambda *a, **k: None)

    def not_positive_definite(*args):
        raise np.linalg.LinAlgError("Matrix is not positive definite")

    monkeypatch.setattr(mixture, "_gaussians_of", not_positive_definite)
    labels = mixture_clustering(X, 4, random_state=0)
    seed = np.random.RandomState(0).randint(np.iinfo(np.int32).max)
    kmeans = KMeans(4, n_init=kmeans_restarts(*X.shape, 4), random_state=seed).fit_predict(X)
    assert adjusted_rand_score(kmeans, labels) == 1.0


def test_principal_components_are_decorrelated_and_measured_tables_are_not():
    X, _ = _elongated_classes()  # correlated features, as measured variables are
    iris = load_iris().data
    assert not columns_decorrelated(X) and not columns_decorrelated(iris)
    # principal components: on the rows PCA was fitted on, and on other rows
    assert columns_decorrelated(PCA(6, random_state=0).fit_transform(X))
    assert columns_decorrelated(PCA(4).fit(X[:300]).transform(X[300:]))
    assert columns_decorrelated(PCA(4, whiten=True).fit_transform(iris))
    # scaling the columns changes nothing
    assert columns_decorrelated(PCA(6).fit_transform(X) * np.logspace(0, 4, 6))


def test_truncated_svd_coordinates_count_as_decorrelated():
    # Latent semantic analysis of word counts (TruncatedSVD, not centred):
    # the first column, the rows' mean direction, correlates with the
    # others, but the columns are orthogonal; the counts themselves are not.
    rng = np.random.RandomState(0)
    topics = rng.dirichlet(np.full(40, 0.3), size=3)
    counts = rng.poisson(topics[np.arange(300) % 3] * rng.uniform(20, 200, size=(300, 1))).astype(float)
    counts /= np.linalg.norm(counts, axis=1, keepdims=True)
    coordinates = TruncatedSVD(8, random_state=0).fit_transform(counts)
    correlations = np.corrcoef(coordinates, rowvar=False)
    assert np.abs(correlations[~np.eye(8, dtype=bool)]).max() > 0.5
    assert columns_decorrelated(coordinates)
    assert columns_decorrelated(coordinates * np.logspace(0, 3, 8))  # scaling changes nothing
    assert not columns_decorrelated(counts)


def test_few_columns_are_never_called_decorrelated():
    # in 2 or 3 dimensions symmetric shapes are decorrelated too
    circles, _ = make_circles(500, factor=0.5, noise=0.05, random_state=0)
    assert np.abs(np.corrcoef(circles, rowvar=False)[0, 1]) < 0.1
    assert not columns_decorrelated(circles)
    assert not columns_decorrelated(PCA(3).fit_transform(load_iris().data))
    # constant columns do not count, nor does a single row
    components = PCA(4).fit_transform(load_iris().data)
    assert not columns_decorrelated(np.hstack([components[:, :3], np.ones((150, 5))]))
    assert not columns_decorrelated(components[:1])


def test_decorrelation_reads_evenly_spaced_rows_of_large_inputs(monkeypatch):
    monkeypatch.setattr(mixture, "MIXTURE_MAX_FIT_SAMPLES", 100)
    X, _ = _elongated_classes()  # 600 rows: every sixth is read
    components = PCA(6).fit_transform(X)
    read = []

    class Rows:
        shape = components.shape

        def __getitem__(self, rows):
            read.append(rows)
            return components[rows]

    assert columns_decorrelated(Rows())
    assert read == [slice(None, None, 6)]
