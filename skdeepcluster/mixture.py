"""A Gaussian mixture start for narrow tables.

Where DEPICT and DAMIC make their start on a narrow input itself (at most
62 features, ``init_on_ == "input"``), tables of measured variables are the
usual case: their clusters overlap as ellipsoids, where a nearest-neighbour
graph links across the boundaries and spectral clustering of it cuts
elsewhere. :func:`mixture_clustering` fits Gaussians with full covariances
instead (affine-invariant, so the features' scaling does not move it),
started from the best of several k-means runs; DiscriminativeLatentClustering
starts such a table from it too. :func:`columns_decorrelated` tells the
other narrow inputs, principal components, truncated SVD coordinates and
the like, from those tables: their clusters are curved sheets that the
graph follows.
"""

import warnings

import numpy as np
from scipy.linalg import solve_triangular
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.mixture import GaussianMixture
from sklearn.utils import check_random_state

from .data import evenly_spaced_rows
from .graph import SPECTRAL_NEIGHBORS, nearest_neighbors, separated_pieces

__all__ = ["columns_decorrelated", "kmeans_restarts", "mixture_clustering", "resolution_floors"]

#: At most this many rows (drawn at random) fit the mixture, and their
#: neighbour graph is the one searched for separated pieces; every row is
#: then assigned to its most probable component (or to the piece of its
#: nearest drawn row). EM with full covariances costs ``n_samples *
#: n_clusters * n_features**2`` an iteration; the exact neighbour search of
#: all rows took 226 s of CPU on 200,000 rows of 20 features, against 4.6 s
#: on 20,000 of them (doc/results.rst, ``results_mixture_sample_pieces``).
MIXTURE_MAX_FIT_SAMPLES = 20_000

#: k-means runs whose best (lowest inertia) starts EM: at least
#: ``MIXTURE_KMEANS_MIN_INITS``, and up to ``MIXTURE_KMEANS_MAX_INITS`` as
#: far as ``MIXTURE_KMEANS_WORK`` allows (:func:`kmeans_restarts`).
#: scikit-learn's own start is one run: on 10 overlapping blobs in 10
#: dimensions and on 6 blobs of 50-1,600 samples in 3 it ended at ACC 0.898
#: and 0.761, against 0.984 and 0.924 from the best of 10 (seeds 0-2,
#: doc/results.rst, ``results_mixture_start``).
MIXTURE_KMEANS_MIN_INITS = 10

#: More runs where they are cheap: the best of 10 still varied with the seed
#: on small tables of many clusters (mlbench's Zoo, 101 x 16, 7 classes: ACC
#: 0.794 +- 0.052 over six seeds, 0.823 +- 0.004 from the best of 100;
#: over 25 tables the mean ACC 0.738 -> 0.740 and the spread over seeds
#: 0.006 -> 0.003; doc/results.rst, ``results_kmeans_restarts``).
MIXTURE_KMEANS_MAX_INITS = 100

#: The runs' budget in products ``rows * features * clusters`` (one Lloyd
#: iteration's multiply-adds, summed over the runs): 100 runs up to 2e5
#: such products (mlbench's waveform, 3,000 x 21 x 3), the minimum from 2e6
#: (10,000 x 20 x 10). A budget of 1e8 (83 runs on 10,000 x 20 x 6) added
#: 8-12% to the CPU time of DEPICT's and JULE's fits of such tables, with
#: the same labels (doc/results.rst, ``results_kmeans_restarts``).
MIXTURE_KMEANS_WORK = 2e7

#: Columns whose correlations, or whose cosines, are all within this (in
#: absolute value) are "decorrelated": principal components, SVD or
#: whitened coordinates, the output of a linear reduction of wider data such
#: as images or text (a truncated SVD is not centred: its columns are
#: orthogonal, while its first correlates with the others by up to 0.47 on
#: Fashion-MNIST, ``results_truncated_svd``). On such
#: inputs the clusters are curved sheets that a neighbour graph follows and
#: the mixture loses (the digits and Fashion-MNIST reduced to 10-40
#: components: 0.03-0.07 of ACC). Measured, largest absolute correlation
#: between two columns: principal components 0.000 on the rows they were
#: fitted on and at most 0.058 on other rows; the 13 labelled tables at hand
#: (iris, wine, breast cancer, the ten mlbench sets) 0.535-0.998; Gaussian
#: blobs and ``make_classification`` in 10-30 dimensions 0.589-0.951
#: (doc/results.rst, ``results_decorrelated``).
DECORRELATED_MAX_CORRELATION = 0.25

#: Fewer columns than this are never called decorrelated: in two or three
#: dimensions symmetric shapes are decorrelated too (concentric circles, the
#: FCPS sets Hepta, Tetra, GolfBall), and there the mixture is as good.
DECORRELATED_MIN_FEATURES = 4

#: Added to each covariance's diagonal (scikit-learn's ``reg_covar``), on the
#: scaled input; columns recorded on a coarser grid get more
#: (``RESOLUTION_VARIANCE``).
MIXTURE_REG_COVAR = 1e-6

#: Each column's variance within a component is at least this times the
#: square of its resolution (its smallest gap between two distinct values):
#: Sheppard's variance of rounding to a grid, 1/12. Tables often record
#: values on a grid (integer scores, counts, two decimals), and a cluster
#: whose rows share a column's value (MASS's biopsy: scores 1-10, benign
#: cells mostly 1) otherwise shrinks to a spike along it, while a broad
#: component takes its rows that differ by one step. Measured from the same
#: k-means partitions (35 standardised tables, seeds 0-2): biopsy 0.876 ->
#: 0.914 (k-means 0.957), LetterRecognition (3,000 rows) 0.332 -> 0.357,
#: Glass 0.458 -> 0.469, Zoo 0.822 -> 0.812, MASS's cats 0.799 -> 0.792;
#: mean ACC of the 25 tables of the earlier probes 0.7398 -> 0.7422, of ten
#: held-out tables 0.8707 -> 0.8711. 1/4 (the largest variance of an error
#: within half a step) gave 0.7459 on the 25 and lost on the held-out ten
#: (0.8670; cats 0.750) (doc/results.rst, ``results_resolution_floor``).
RESOLUTION_VARIANCE = 1 / 12

#: EM runs until an iteration raises the mean log-likelihood of a row by
#: less than this (scikit-learn's ``tol``), or for ``MIXTURE_MAX_ITER``
#: iterations: to convergence. scikit-learn's defaults (1e-3, 100) stopped
#: EM from k-means early where it climbs slowly to a better optimum:
#: mlbench's waveform (3,000 x 21) after 5 iterations at ACC 0.513 (k-means
#: 0.502) against 0.838 after 87; on nine draws of the same generator (the
#: tests' waveforms) the mixture reached 0.78-0.85 on one draw before and on
#: eight after. Over 25 tables
#: (seeds 0-2) the mean ACC rose from 0.728 to 0.740: higher on 5 (also
#: wine 0.966 -> 0.983, 3-D blobs 0.924 -> 0.943, ``make_classification``
#: 0.743 -> 0.799), lower on 4 (mlbench's threenorm 0.597 -> 0.511, whose
#: classes are not Gaussian; MASS's crabs 0.360 -> 0.335; Satellite and
#: Glass by 0.006-0.009) (doc/results.rst, ``results_mixture_tol``).
MIXTURE_TOL = 1e-6

#: At most this many EM iterations (the 25 tables: at most 279, 5 s of CPU,
#: on 10,000 x 20).
MIXTURE_MAX_ITER = 1000


def mixture_clustering(X, n_clusters, *, random_state=None, n_neighbors=SPECTRAL_NEIGHBORS,
                       device="cpu"):
    """Clusters of a Gaussian mixture with full covariances.

    At most ``MIXTURE_MAX_FIT_SAMPLES`` rows (drawn at random from larger
    inputs) are read. Where their nearest-neighbour graph falls apart into
    at least ``n_clusters`` pieces, those pieces are the answer, as for
    :func:`~skdeepcluster.graph.spectral_clustering`
    (:func:`~skdeepcluster.graph.separated_pieces`: clusters far apart,
    of any shape), each other row taking the piece of its nearest drawn
    row. Otherwise k-means (:func:`kmeans_restarts` runs, the best kept) of
    those rows starts the EM of a :class:`~sklearn.mixture.GaussianMixture`
    with one full covariance per cluster, run to convergence
    (``MIXTURE_TOL``, ``MIXTURE_MAX_ITER``), and each row goes to its most
    probable component. Each column's variance within a component is at least
    :func:`resolution_floors` (the grid its values are recorded on). Where
    EM cannot proceed (a covariance that is not positive definite even with
    those floors added) the k-means labels are returned.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_clusters : int
    random_state : int, RandomState or None, default=None
    n_neighbors : int, default=15
        Of the graph whose pieces are looked for.
    device : str or torch.device, default="cpu"
        Where that graph's neighbour search runs.

    Returns
    -------
    labels : ndarray of shape (n_samples,), ints in ``range(n_clusters)``
    """
    X = np.asarray(X, dtype=np.float64)
    random_state = check_random_state(random_state)
    seed = random_state.randint(np.iinfo(np.int32).max)
    rows = X
    if len(X) > MIXTURE_MAX_FIT_SAMPLES:
        rows = X[np.sort(random_state.choice(len(X), MIXTURE_MAX_FIT_SAMPLES, replace=False))]
    pieces = separated_pieces(rows, n_clusters, n_neighbors=n_neighbors, device=device)
    if pieces is not None:
        if rows is X:
            return pieces
        nearest = nearest_neighbors(rows, 1, queries=X, device=device)[1][:, 0]
        return np.unique(pieces[nearest], return_inverse=True)[1]
    kmeans = KMeans(n_clusters, n_init=kmeans_restarts(*rows.shape, n_clusters),
                    random_state=seed).fit(rows)
    try:
        mixture, scale = _em_on_grid(rows, kmeans.labels_, n_clusters, seed)
        labels = mixture.predict(X * scale)
    except (ValueError, np.linalg.LinAlgError):  # an ill-defined covariance
        labels = kmeans.predict(X)
    return np.unique(labels, return_inverse=True)[1]


def kmeans_restarts(n_samples, n_features, n_clusters):
    """How many k-means runs start :func:`mixture_clustering`.

    ``MIXTURE_KMEANS_WORK`` divided by ``n_samples * n_features *
    n_clusters`` (one Lloyd iteration's multiply-adds), within
    ``MIXTURE_KMEANS_MIN_INITS`` (10) and ``MIXTURE_KMEANS_MAX_INITS``
    (100): more runs where they are cheap.

    Parameters
    ----------
    n_samples, n_features : int
        The shape of the rows the mixture is fitted on.
    n_clusters : int

    Returns
    -------
    n_init : int

    Examples
    --------
    >>> from skdeepcluster.mixture import kmeans_restarts
    >>> kmeans_restarts(150, 4, 3), kmeans_restarts(20_000, 62, 50)
    (100, 10)
    """
    runs = MIXTURE_KMEANS_WORK // max(1, n_samples * n_features * n_clusters)
    return int(min(max(runs, MIXTURE_KMEANS_MIN_INITS), MIXTURE_KMEANS_MAX_INITS))


def resolution_floors(X):
    """The least variance of each column of ``X`` within a component of
    :func:`mixture_clustering`: ``RESOLUTION_VARIANCE`` (1/12) times the
    square of the column's resolution, its smallest gap between two distinct
    values, and at least ``MIXTURE_REG_COVAR``. A column recorded on a grid
    (integer scores, counts, values to two decimals) cannot tell the rows of
    a cluster apart more finely than the grid.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)

    Returns
    -------
    floors : ndarray of shape (n_features,)

    Examples
    --------
    >>> import numpy as np
    >>> from skdeepcluster.mixture import resolution_floors
    >>> resolution_floors(np.array([[1.0, 0.25], [3.0, 0.5], [2.0, 0.5]]))
    array([0.08333333, 0.00520833])
    """
    gaps = np.array([np.diff(np.unique(column)).min(initial=np.inf) for column in X.T])
    gaps[np.isinf(gaps)] = 0.0  # a constant column
    return np.maximum(RESOLUTION_VARIANCE * gaps ** 2, MIXTURE_REG_COVAR)


def columns_decorrelated(X):
    """Whether the columns of ``X`` are decorrelated, as principal
    components are, or orthogonal, as the coordinates of a truncated SVD
    are (:class:`~sklearn.decomposition.TruncatedSVD`, latent semantic
    analysis of text: not centred, so its first column, the rows' mean
    direction, correlates with the others): at least
    ``DECORRELATED_MIN_FEATURES`` columns, and every two of them (that
    vary) correlated within ``DECORRELATED_MAX_CORRELATION`` in absolute
    value, or all at a cosine within it of each other, over at most
    ``MIXTURE_MAX_FIT_SAMPLES`` evenly spaced rows. Neither depends on the
    columns' scaling, so raw and scaled ``X`` agree. Tables of measured
    variables have columns neither uncorrelated nor orthogonal (31 tables,
    standardised or as shipped, Breiman's generators aside: largest cosine
    0.54-1.00, doc/results.rst, ``results_truncated_svd``).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Dense, with at least two rows; sliced by rows only.

    Returns
    -------
    decorrelated : bool
    """
    n_features = X.shape[1]
    if n_features < DECORRELATED_MIN_FEATURES:
        return False
    rows = evenly_spaced_rows(X, MIXTURE_MAX_FIT_SAMPLES)
    rows = rows[:, rows.std(axis=0) > 0]
    if rows.shape[1] < DECORRELATED_MIN_FEATURES:
        return False
    norms = np.linalg.norm(rows, axis=0)
    for similarity in (np.corrcoef(rows, rowvar=False), rows.T @ rows / np.outer(norms, norms)):
        off_diagonal = similarity[~np.eye(len(similarity), dtype=bool)]
        if np.all(np.abs(off_diagonal) <= DECORRELATED_MAX_CORRELATION):
            return True
    return False


def _em_on_grid(X, labels, n_clusters, seed):
    """:func:`_em_from_partition` with each column's variance floored at
    :func:`resolution_floors`: ``(mixture, scale)``, the mixture fitted to
    ``X * scale``, the columns in units of their own floor so that one floor
    (1) is each column's (EM with full covariances is affine equivariant
    but for it); predict with ``mixture.predict(X * scale)``."""
    scale = 1 / np.sqrt(resolution_floors(X))
    return _em_from_partition(X * scale, labels, n_clusters, seed, floor=1.0), scale


def _em_from_partition(X, labels, n_clusters, seed, floor=None):
    """A full-covariance :class:`~sklearn.mixture.GaussianMixture` fitted
    to ``X`` by EM started from the clusters ``labels`` (ints in
    ``range(n_clusters)``; see :func:`_gaussians_of`), ``floor`` (default
    ``MIXTURE_REG_COVAR``) added to each covariance's diagonal. Raises
    ``ValueError`` or ``LinAlgError`` where a covariance is ill-defined."""
    floor = MIXTURE_REG_COVAR if floor is None else floor
    weights, means, precisions = _gaussians_of(X, labels, n_clusters, floor)
    mixture = GaussianMixture(n_clusters, covariance_type="full", reg_covar=floor,
                              tol=MIXTURE_TOL, max_iter=MIXTURE_MAX_ITER, weights_init=weights,
                              means_init=means, precisions_init=precisions, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return mixture.fit(X)


def _gaussians_of(X, labels, n_clusters, floor=None):
    """Weights, means and (full) precisions of the clusters ``labels`` of
    ``X``, each covariance with ``floor`` (default ``MIXTURE_REG_COVAR``) on
    its diagonal; an empty cluster gets the whole data's mean and covariance
    and a tiny weight."""
    floor = MIXTURE_REG_COVAR if floor is None else floor
    n_samples, n_features = X.shape
    counts = np.bincount(labels, minlength=n_clusters).astype(np.float64)
    eye = floor * np.eye(n_features)
    overall_mean, overall_cov = X.mean(axis=0), np.cov(X, rowvar=False, bias=True).reshape(
        n_features, n_features)
    means = np.empty((n_clusters, n_features))
    precisions = np.empty((n_clusters, n_features, n_features))
    for j in range(n_clusters):
        members = X[labels == j]
        if len(members):
            means[j] = members.mean(axis=0)
            centred = members - means[j]
            cov = centred.T @ centred / len(members)
        else:
            means[j], cov = overall_mean, overall_cov
        # The precision from the Cholesky factor, made exactly symmetric.
        factor = np.linalg.cholesky(cov + eye)
        inverse = solve_triangular(factor, np.eye(n_features), lower=True)
        precision = inverse.T @ inverse
        precisions[j] = (precision + precision.T) / 2
    weights = np.maximum(counts, 1e-3)
    return weights / weights.sum(), means, precisions
