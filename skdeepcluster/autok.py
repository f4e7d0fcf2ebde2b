"""Estimating the number of clusters of an embedding: :func:`estimate_n_clusters`.

The estimate reads the spectrum of the normalised Laplacian of the same
symmetric k-nearest-neighbour graph that
:func:`~skdeepcluster.graph.spectral_clustering` cuts, and, where the spectrum
shows no clear step, the modularity of spectral clusterings of that graph.
The estimators call it on their pretrained embedding when
``n_clusters="auto"``; users can call it on any embedding. The same
spectrum against the same Gaussian reference tells, in
:func:`graph_shows_clusters`, whether the graph shows a given number of
clusters at all: the estimators read it to choose their start on
decorrelated narrow inputs.
"""

from numbers import Integral

import numpy as np
import scipy.linalg
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import ArpackNoConvergence, eigsh
from sklearn.cluster import KMeans
from sklearn.utils import check_random_state

from .data import evenly_spaced_rows
from .graph import SPECTRAL_NEIGHBORS, _cluster_volumes, connectivity_graph

__all__ = ["estimate_n_clusters", "laplacian_eigenvalues", "graph_shows_clusters",
           "DEFAULT_MAX_CLUSTERS", "EIGENVALUE_FLOOR", "STEP_RATIO", "NULL_STEP_FACTOR", "CURVE_STEP",
           "ONE_CLUSTER_FRACTION", "MODULARITY_TOLERANCE", "MODULARITY_PATIENCE",
           "GRAPH_CLUSTERS_FRACTION",
           "GRAPH_CLUSTERS_MAX_SAMPLES"]

#: ``max_clusters=None`` means this many clusters at most (fewer for fewer
#: samples).
DEFAULT_MAX_CLUSTERS = 50

#: Eigenvalues below this count as this value in the ratio rule: a cluster's
#: own smallest non-zero eigenvalue is rarely below it, and the ratio of two
#: eigenvalues that are both zero up to rounding means nothing. Chosen on the
#: suite of ``benchmarks/bench_auto_k.py`` (3e-4: 10 of 25 sets exact,
#: 1e-3: 13, 2e-3: 12, 5e-3: 9, 1e-2: 8).
EIGENVALUE_FLOOR = 1e-3

#: A step in the spectrum is clear when an eigenvalue (floored) is at least
#: this many times the one before it: where the ratio rule answers 1, the
#: rule ``"step-modularity"`` then answers the step's ``k`` (chosen by measurement, see the User Guide:
#: 1.5 and 2.5 lost).
STEP_RATIO = 2.0

#: A step is clear only if it is also at least this many times the step
#: at the same ``k`` of the spectrum of a Gaussian with the data's mean and
#: covariance: one isotropic Gaussian or ball in ``d`` dimensions has ``d``
#: equal small eigenvalues (its linear eigenfunctions) and a step after
#: them (about 2.2 for ``d`` = 2 or 3), which alone answered ``d + 1``.
NULL_STEP_FACTOR = 1.2

#: The largest step of the spectrum of a thin curve (a path or a ring,
#: whose eigenvalues grow like ``j**2``: 1 to 4 from its first level to
#: its second). Where the input's graph falls apart, a component counts as
#: more than one cluster only at a step of its own spectrum at least
#: :data:`NULL_STEP_FACTOR` times this: FCPS Chainlink's rings and the two
#: moons' arcs step by 3.1-4.2 at ``k`` = 3 and 2, components made of
#: blobs that nearly split by 7.2-208 (``auto_k_rules.py``'s sets).
CURVE_STEP = 4.0

#: With no clear step, one cluster when the first non-zero eigenvalue is at
#: least this fraction of that of a single Gaussian with the data's mean and
#: covariance (the null hypothesis of SigClust): the graph is then about as
#: hard to cut as one cluster's. 0.33 and 0.7 gave the same estimates on the
#: suite.
ONE_CLUSTER_FRACTION = 0.5

#: With no clear step and more than one cluster: the smallest ``k`` whose
#: spectral clustering's modularity is within this of the best over
#: ``2 .. max_clusters`` (modularity is flat near its maximum).
MODULARITY_TOLERANCE = 0.01

#: The sweep of modularity over ``k`` stops once this many ``k`` in a row
#: have not raised the best: modularity rises to a peak and falls after
#: it. On the 15 sweeps of the suite's ``n_clusters="auto"`` fits (digits,
#: FCPS GolfBall, digits 3, 5, 8, 9) the answers were those of the whole
#: sweep to ``max_clusters`` with a patience of 5, 8 or 10, in a fifth to a
#: seventh of its CPU time (JULE on the digits: 0.2 s instead of 1.1 s).
MODULARITY_PATIENCE = 10

#: :func:`graph_shows_clusters`: the graph shows ``k`` clusters where its
#: ``k``-th eigenvalue is below this fraction of the ``k``-th of a Gaussian
#: with the data's covariance, i.e. where it cuts into ``k`` parts more
#: cheaply than that one Gaussian does. Of 36 decorrelated inputs as the
#: estimators scale them (principal components of images and of tables;
#: mlbench's and Breiman's twonorm, threenorm and ringnorm at 500-5,000
#: rows in 10-40 dimensions), on the mean of three reference draws 6 stood
#: at or above 1: every ringnorm (1.06-1.21), started far better by the
#: Gaussian mixture (0.50-0.60 -> 0.92-1.00 ACC), and MASS's crabs rotated
#: (1.09; 0.41 -> 0.34); the fixed seed's draw puts crabs below 1 and Zoo
#: rotated (0.96 on the mean; 0.64 -> 0.82) above. Every threenorm among
#: them (0.74-0.91) was started far better by spectral clustering, and the
#: images' components stood at 0.12-0.17. Against the Gaussian's second
#: eigenvalue instead, Fashion-MNIST's components stood at 0.82-0.97 and 4
#: of the 8 rotated tables it sent to the mixture lost there
#: (doc/results.rst, ``results_graph_evidence``).
GRAPH_CLUSTERS_FRACTION = 1.0

#: :func:`graph_shows_clusters` reads at most this many evenly spaced rows
#: (the reference has as many): 1.4 s of CPU for both spectra on 10,000
#: principal components (50) of Fashion-MNIST, 0.5 s on the 1,797 digits'.
GRAPH_CLUSTERS_MAX_SAMPLES = 10_000

#: Estimation rules of :func:`estimate_n_clusters`; the first is the default.
RULES = ("step-modularity", "ratio")
DEFAULT_RULE = RULES[0]

#: Up to this many samples the eigenvalues come from a dense solver
#: (exact, no start vector); beyond it from ARPACK on the sparse matrix,
#: which reads the few that are asked for far sooner from a connected graph:
#: on the 1,797 digits, 0.04 s of CPU instead of 0.35 s for 51 eigenpairs,
#: the same to 1e-14 (and to 2e-15 where a grid's or a circle's symmetries
#: repeat eigenvalues).
DENSE_EIGEN_MAX_SAMPLES = 300

#: A graph in several connected components has its top eigenvalue (1)
#: once per component, which ARPACK can miss: up to this many samples such
#: a graph goes to the dense solver.
PIECES_DENSE_MAX_SAMPLES = 2000


def _check_max_clusters(max_clusters, n_samples):
    """``max_clusters`` as an int, or a ValueError that says what to pass."""
    if max_clusters is None:
        return max(1, min(DEFAULT_MAX_CLUSTERS, n_samples))
    if isinstance(max_clusters, (bool, np.bool_)) or not isinstance(max_clusters, Integral):
        raise ValueError(f"max_clusters must be an int >= 2 or None; got {max_clusters!r}.")
    if max_clusters < 2:
        raise ValueError(
            f"max_clusters={max_clusters} leaves nothing to estimate: pass max_clusters >= 2 "
            "(or n_clusters=1 if you know there is one cluster)."
        )
    if max_clusters > n_samples:
        raise ValueError(
            f"max_clusters={max_clusters} is more than the n_samples={n_samples} samples: "
            "pass max_clusters <= n_samples."
        )
    return int(max_clusters)


def _normalized_adjacency(X, n_neighbors, device):
    """The kNN graph ``A`` and ``D^{-1/2} A D^{-1/2}``."""
    A = connectivity_graph(X, n_neighbors, device=device)
    return A, _normalize(A)


def _normalize(A):
    """``D^{-1/2} A D^{-1/2}`` of a graph with no isolated vertex."""
    scale = 1.0 / np.sqrt(np.asarray(A.sum(axis=1)).ravel())
    return sp.csr_matrix(sp.diags(scale) @ A @ sp.diags(scale))


def _top_eigenpairs(M, n_eigenvalues, random_state, vectors):
    """The largest ``n_eigenvalues`` eigenvalues of the symmetric ``M``
    (descending), and their eigenvectors (columns) or None; a dense solver
    up to :data:`DENSE_EIGEN_MAX_SAMPLES` rows, or
    :data:`PIECES_DENSE_MAX_SAMPLES` for a graph in pieces."""
    n_samples = M.shape[0]
    n_eigenvalues = min(int(n_eigenvalues), n_samples)
    if (n_samples <= DENSE_EIGEN_MAX_SAMPLES or n_eigenvalues >= n_samples - 1
            or (n_samples <= PIECES_DENSE_MAX_SAMPLES
                and connected_components(M, directed=False, return_labels=False) > 1)):
        return _dense_top_eigenpairs(M, n_eigenvalues, vectors)
    v0 = check_random_state(random_state).uniform(0.5, 1.5, size=n_samples)
    try:
        result = eigsh(M, k=n_eigenvalues, which="LA", v0=v0, tol=1e-8,
                       return_eigenvectors=vectors)
    except ArpackNoConvergence as exc:
        if len(exc.eigenvalues) < n_eigenvalues:
            if n_samples > PIECES_DENSE_MAX_SAMPLES:
                raise
            return _dense_top_eigenpairs(M, n_eigenvalues, vectors)  # in reasonable time
        result = (exc.eigenvalues, exc.eigenvectors) if vectors else exc.eigenvalues
    values, V = result if vectors else (result, None)
    order = np.argsort(values)[::-1]
    return values[order], (V[:, order] if vectors else None)


def _dense_top_eigenpairs(M, n_eigenvalues, vectors):
    """:func:`_top_eigenpairs` by LAPACK on ``M`` made dense."""
    n_samples = M.shape[0]
    # Only the top ones: their eigenvectors cost about what the eigenvalues
    # do (0.33 s against 0.91 s for all 1,797 of the digits). LAPACK's subset
    # solvers fail on massively repeated eigenvalues (a complete graph: all
    # but one equal); then all of them. Eigenvectors by bisection and inverse
    # iteration ("evx"): the default relatively robust representations
    # ("evr") crashed SciPy 1.9's LAPACK on a complete graph
    # (tests/test_autok.py's, in the lowest supported versions), where "evx"
    # answers.
    matrix = M.toarray()
    try:
        result = scipy.linalg.eigh(matrix, eigvals_only=not vectors,
                                   subset_by_index=[n_samples - n_eigenvalues, n_samples - 1],
                                   driver="evx" if vectors else None)
    except np.linalg.LinAlgError:
        result = np.linalg.eigh(matrix) if vectors else np.linalg.eigvalsh(matrix)
    values, V = result if vectors else (result, None)
    return values[::-1][:n_eigenvalues], (V[:, ::-1][:, :n_eigenvalues] if vectors else None)


def laplacian_eigenvalues(X, n_eigenvalues, *, n_neighbors=SPECTRAL_NEIGHBORS, random_state=None,
                          device="cpu"):
    """The smallest eigenvalues of the normalised Laplacian of a kNN graph.

    The graph is :func:`~skdeepcluster.graph.connectivity_graph`, the one
    :func:`~skdeepcluster.graph.spectral_clustering` cuts; its normalised Laplacian is ``I - D^{-1/2} A D^{-1/2}``. As many
    eigenvalues are zero as the graph has connected components.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    n_eigenvalues : int
        Capped at ``n_samples``.
    n_neighbors : int, default=15
        Capped at ``n_samples - 1``.
    random_state : int, RandomState instance or None, default=None
        The start vector of the sparse eigensolver (used beyond 300
        samples, or 2,000 for a graph in pieces; below, a dense solver needs
        none).
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    eigenvalues : ndarray of shape (min(n_eigenvalues, n_samples),)
        Ascending, in [0, 2].
    """
    _, M = _normalized_adjacency(X, n_neighbors, device)
    return _laplacian_spectrum(M, n_eigenvalues, random_state)


def _laplacian_spectrum(M, n_eigenvalues, random_state):
    """The smallest ``n_eigenvalues`` eigenvalues (ascending, in [0, 2]) of
    ``I - M`` for the normalised adjacency ``M``."""
    top, _ = _top_eigenpairs(M, n_eigenvalues, random_state, vectors=False)
    return np.clip(1.0 - top, 0.0, 2.0)


def _largest_ratio(eigenvalues, smallest_k):
    """The ``k >= smallest_k`` where the floored spectrum grows by the
    largest factor, and that factor."""
    floored = np.maximum(eigenvalues, EIGENVALUE_FLOOR)
    ratios = floored[1:] / floored[:-1]
    k = int(np.argmax(ratios[smallest_k - 1:])) + smallest_k
    return k, ratios[k - 1]


def _gaussian_reference(X, random_state):
    """As many samples of a Gaussian with the covariance of ``X``, in the
    frame of its principal axes (centred): the distances between the
    samples, all that the reference's neighbour graph reads, are those of
    the Gaussian with the mean and covariance of ``X`` itself, without
    rotating the samples back (on 10,000 x 784 pixels: 0.7 s of CPU
    instead of 3.7 s with the singular vectors and the rotation)."""
    scales = np.linalg.svd(X - X.mean(axis=0), full_matrices=False, compute_uv=False)
    scales = scales / np.sqrt(max(len(X) - 1, 1))
    noise = check_random_state(random_state).standard_normal((len(X), len(scales)))
    return noise * scales


def _reference_spectrum(X, n_eigenvalues, n_neighbors, random_state, seed, device):
    """The smallest ``n_eigenvalues`` eigenvalues of the normalised
    Laplacian of the kNN graph of :func:`_gaussian_reference` of ``X``."""
    _, M = _normalized_adjacency(_gaussian_reference(X, random_state), n_neighbors, device)
    return _laplacian_spectrum(M, n_eigenvalues, seed)


def graph_shows_clusters(X, n_clusters, *, n_neighbors=SPECTRAL_NEIGHBORS, random_state=None,
                         device="cpu"):
    """Whether the kNN graph of ``X`` shows ``n_clusters`` clusters.

    True where the ``n_clusters``-th smallest eigenvalue of the normalised
    Laplacian of the graph (:func:`laplacian_eigenvalues`) is below
    :data:`GRAPH_CLUSTERS_FRACTION` times the same eigenvalue of the same
    graph of one Gaussian with the covariance of ``X`` (the null model of
    :func:`estimate_n_clusters`): the graph then cuts into ``n_clusters``
    parts more cheaply than that Gaussian does, and spectral clustering
    follows real clusters. Where it does not, the clusters are
    not told apart by who neighbours whom (classes that differ in spread
    rather than place, such as one Gaussian inside a wider one), and
    spectral clustering of the graph cuts at random.
    At most :data:`GRAPH_CLUSTERS_MAX_SAMPLES` evenly spaced rows are read.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Dense, sliced by rows only.
    n_clusters : int
        At least 2.
    n_neighbors : int, default=15
    random_state : int, RandomState instance or None, default=None
        Draws the Gaussian's samples and seeds the eigensolvers.
    device : str or torch.device, default="cpu"
        Where the neighbour searches run.

    Returns
    -------
    shows : bool

    Examples
    --------
    >>> import numpy as np
    >>> from skdeepcluster.autok import graph_shows_clusters
    >>> rng = np.random.RandomState(0)
    >>> apart = np.vstack([rng.randn(200, 5), rng.randn(200, 5) + 6])
    >>> nested = np.vstack([rng.randn(200, 5), 3 * rng.randn(200, 5)])
    >>> graph_shows_clusters(apart, 2, random_state=0), graph_shows_clusters(nested, 2, random_state=0)
    (True, False)
    """
    rows = evenly_spaced_rows(X, GRAPH_CLUSTERS_MAX_SAMPLES)
    random_state = check_random_state(random_state)
    seed = random_state.randint(np.iinfo(np.int32).max)
    eigenvalues = laplacian_eigenvalues(rows, n_clusters, n_neighbors=n_neighbors, random_state=seed,
                                        device=device)
    reference = _reference_spectrum(rows, n_clusters, n_neighbors, random_state, seed, device)
    return bool(eigenvalues[n_clusters - 1] < GRAPH_CLUSTERS_FRACTION * reference[n_clusters - 1])


def _modularity(A, labels):
    """Newman's modularity of a partition of the weighted graph ``A``."""
    volumes, inside = _cluster_volumes(A, labels)
    total = volumes.sum()
    return inside.sum() / total - np.sum((volumes / total) ** 2)


def _spectral_modularity(A, eigenvectors, k, random_state, n_init=3):
    """The modularity of the spectral clustering (Ng, Jordan and Weiss) of
    the graph ``A`` into ``k`` clusters: k-means (``n_init`` starts, seeded
    by one draw from the RandomState ``random_state``) of the rows of its
    first ``k`` eigenvectors, normalised."""
    rows = eigenvectors[:, :k]
    rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
    labels = KMeans(k, n_init=n_init, random_state=random_state.randint(np.iinfo(np.int32).max)
                    ).fit_predict(rows)
    return _modularity(A, labels)


def _most_modular_k(A, eigenvectors, largest, random_state):
    """Spectral clustering (Ng, Jordan and Weiss) of the graph for each
    ``k`` in ``2 .. largest`` from the leading eigenvectors, until
    :data:`MODULARITY_PATIENCE` ``k`` in a row have not raised the best: the
    smallest ``k`` whose partition's modularity is within
    :data:`MODULARITY_TOLERANCE` of the best."""
    random_state = check_random_state(random_state)
    modularity = {}
    best, since_best = -np.inf, 0
    for k in range(2, largest + 1):
        modularity[k] = _spectral_modularity(A, eigenvectors, k, random_state)
        best, since_best = (modularity[k], 0) if modularity[k] > best else (best, since_best + 1)
        if since_best >= MODULARITY_PATIENCE:
            break
    return min(k for k, q in modularity.items() if q >= best - MODULARITY_TOLERANCE)


def estimate_n_clusters(X_embedded, max_clusters=None, *, X_input=None,
                        n_neighbors=SPECTRAL_NEIGHBORS, input_neighbors=None,
                        rule=DEFAULT_RULE, random_state=None, device="cpu"):
    """Estimate the number of clusters of an embedding.

    Both rules read the spectrum of the normalised Laplacian of the
    symmetric ``n_neighbors``-nearest-neighbour graph of the rows
    (:func:`laplacian_eigenvalues`), ``0 = lambda_1 <= lambda_2 <= ...``,
    floored at ``f = 1e-3`` (:data:`EIGENVALUE_FLOOR`): ``k`` clusters that
    the graph separates give ``k`` eigenvalues near zero and a jump after
    them, measured by the ratio ``r_k = max(lambda_{k+1}, f) /
    max(lambda_k, f)``.

    ``rule="ratio"`` (the default before 0.3.0's change) returns the ``k``
    in ``1 .. max_clusters`` with the largest ``r_k``. Where that is 1,
    ``lambda_2`` is well above the floor and no later step is as large as
    the first: one cluster, but also, on embeddings whose classes touch, a
    spectrum that rises smoothly with no step at the true ``k``.
    ``rule="step-modularity"`` (the default) keeps the ratio rule's answer
    when it is 2 or more, and replaces an answer of 1 by

    1. *a clear step*: if the ``k >= 2`` with the largest ``r_k`` has
       ``r_k >= 2`` (:data:`STEP_RATIO`), that ``k`` if ``r_k`` is also at
       least 1.2 times (:data:`NULL_STEP_FACTOR`) the same ratio in the
       spectrum of as many samples of a Gaussian with the data's mean and
       covariance, else 1: one Gaussian or ball in ``d`` dimensions has a
       step after its ``d`` linear eigenfunctions, and a step that such a
       Gaussian shows too is the shape of one cluster. The step's ``k``
       stands only where the pieces past it are whole: ``lambda_{k+1}`` at
       least half (:data:`ONE_CLUSTER_FRACTION`) of that Gaussian's
       ``lambda_2``, each piece about as hard to cut as one cluster (the
       test of step 2, past the step). Where they cut more cheaply, the
       step is the top of a hierarchy (Fashion-MNIST: footwear and the
       rest, 0.12-0.21 of the Gaussian's), and step 3 looks for the finer
       level, unless the input's graph (``X_input``) has a clear step at
       the same ``k`` whose pieces are whole;
    2. *one cluster*: otherwise, if ``lambda_2`` is at least half
       (:data:`ONE_CLUSTER_FRACTION`) of that of the same Gaussian
       (SigClust's null hypothesis of one cluster), 1: the graph is about
       as hard to cut as a single Gaussian's;
    3. *touching clusters*: otherwise the graph has cheap cuts but no
       step, as where classes touch: the spectral clustering (Ng, Jordan
       and Weiss) of the graph with the most modular partition over ``k``
       in ``2 .. max_clusters``, taking the smallest ``k`` within 0.01 of
       the best modularity (:data:`MODULARITY_TOLERANCE`); the sweep stops
       once :data:`MODULARITY_PATIENCE` ``k`` in a row have not raised the
       best.

    With ``X_input``, the rows the embedding was learned from, the input's
    own graph is read first (:ref:`auto_k`): where that graph falls apart
    into connected components, the answer is the sum over the components
    of the ratio rule's answer on each one's own graph (1, or the pieces
    a component nearly falls apart into, where that step is at least 1.2
    times 4, the largest step of a thin curve's spectrum,
    :data:`CURVE_STEP`); where it is connected but its
    ratio rule answers ``k >= 2`` (it nearly falls apart into ``k``
    pieces), that ``k``; either answer stands whatever the embedding
    says. Where its
    spectrum has a clear step at ``k >= 2`` whose pieces are whole (step 1
    above), the answer is at least that ``k``; otherwise the input is
    silent and the rule on the embedding decides. A learned embedding can
    merge groups that the input separates (Gaussian blobs in 30 dimensions: 7-9 for 12 from the
    embeddings, 12 from the input as generated), and split ones that it
    joins; the input cannot show groups that only the learning reveals (the
    digits' pixels show no step, the embeddings 10 classes), where the
    embedding decides.

    Parameters
    ----------
    X_embedded : array-like of shape (n_samples, n_features)
        An embedding (or any features) with at least two samples.
    max_clusters : int or None, default=None
        The largest number of clusters considered, at least 2 and at most
        ``n_samples``; None means ``min(50, n_samples)``. When it equals
        ``n_samples`` the largest estimate is ``n_samples - 1``.
    X_input : array-like of shape (n_samples, n_input_features), default=None
        The (scaled) rows the embedding was computed from, in the same
        order; None reads the embedding alone. The estimators pass their
        training input (dense, in memory) as their network sees it, or, where
        they standardised features that all share one unit, in that unit
        (less its mean: standardising stretches shapes drawn in one unit).
    n_neighbors : int, default=15
        Neighbours per sample in the embedding's graph (that of
        :func:`~skdeepcluster.graph.spectral_clustering`).
    input_neighbors : int or None, default=None
        Neighbours per sample in the input's graph (with ``X_input``); None
        means ``n_neighbors``. :class:`~skdeepcluster.JULEClustering` reads
        its first embedding with more neighbours than its input.
    rule : {"step-modularity", "ratio"}, default="step-modularity"
        The rule described above.
    random_state : int, RandomState instance or None, default=None
        The sparse eigensolver's start vectors (beyond 300 samples), the
        Gaussian reference and the k-means of step 3.
    device : str or torch.device, default="cpu"
        Where the neighbour searches run.

    Returns
    -------
    n_clusters : int
        Between 1 and ``max_clusters``.

    See Also
    --------
    skdeepcluster.graph.spectral_clustering : Clusters the same graph.

    Notes
    -----
    The rule was chosen on the suite of ``benchmarks/bench_auto_k.py`` (the
    raw sets and the embeddings the estimators learn on them) and checked
    on 22 labelled sets not in it (see the User Guide) against the ratio
    rule alone, the eigengap, the ratio rule never answering 1 (or only
    when no step reaches 2), a vote of the ratio rule over 10, 15 and 30
    neighbours, modularity alone and the silhouette of the spectral
    clusterings. Its cost beyond the ratio rule's is paid only where that
    answers 1: one more graph and its first eigenvalues (the reference),
    then, with no step, ``max_clusters - 1`` k-means runs in the
    eigenvectors (found with the eigenvalues; 1.6-2.2 s of CPU for the
    whole estimate on DEPICT's embeddings of the 1,797 digits, 2.7-3.1 s
    before 0.3.0's eigenvectors with the eigenvalues and sparse
    reference). ``X_input``
    adds the input's graph and eigenvalues (and, where its spectrum has a
    step, a reference for it). The input's evidence and the null-model
    check of a step were chosen the same way (``benchmarks/auto_k_rules.py
    --inputs`` and ``--null``); the input's components and the curve's
    step on the same sets and on curves and blobs of several sizes
    (``benchmarks/results/auto_k/components/``). Without ``X_input``, or
    where the input's graph is connected, the rule does not find clusters
    that are thin curves (FCPS Chainlink's rings, 6 for 2, found where the
    input's graph holds them apart) or small groups around larger ones
    (FCPS Target, 2 for 6), and can
    split one cluster on a low-dimensional curved surface (FCPS GolfBall,
    4 for 1: the spherical harmonics' step of a sphere is 1.4 times a
    Gaussian's).

    References
    ----------
    U. von Luxburg, "A Tutorial on Spectral Clustering", Statistics and
    Computing 17(4), 2007 (section 8.3, the eigengap heuristic).
    M. E. J. Newman, "Modularity and community structure in networks",
    PNAS 103(23), 2006.
    A. Y. Ng, M. I. Jordan and Y. Weiss, "On Spectral Clustering: Analysis
    and an algorithm", NIPS 2002.
    Y. Liu, D. N. Hayes, A. Nobel and J. S. Marron, "Statistical
    Significance of Clustering for High-Dimension, Low-Sample Size Data",
    JASA 103(483), 2008 (SigClust: one Gaussian as one cluster).

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> from skdeepcluster import estimate_n_clusters
    >>> X, _ = make_blobs(300, centers=4, cluster_std=0.5, random_state=0)
    >>> estimate_n_clusters(X, max_clusters=10)
    4
    """
    return _estimate(X_embedded, max_clusters, X_input, n_neighbors, input_neighbors, rule,
                     random_state, device)


def _estimate(X_embedded, max_clusters, X_input, n_neighbors, input_neighbors, rule, random_state,
              device, input_memo=None):
    """:func:`estimate_n_clusters`. ``input_memo``, a dict or None, keeps
    what the input's graph says for a later call on the same ``X_input``
    with the same bound: a fit that estimates twice
    (:class:`~skdeepcluster.JULEClustering`) reads its input once (0.4 s of
    CPU on the digits)."""
    X = _check_rows(X_embedded, "X_embedded")
    n_samples = X.shape[0]
    if rule not in RULES:
        raise ValueError(f"rule must be one of {RULES}; got {rule!r}.")
    largest = _largest_k(max_clusters, n_samples)
    random_state = check_random_state(random_state)
    seed = random_state.randint(np.iinfo(np.int32).max)
    at_least = 1
    if X_input is not None:
        k, separated = _memo_evidence(X_input, n_samples, largest, input_neighbors or n_neighbors,
                                      seed, device, input_memo)
        if separated:
            return k
        at_least = k
    A, eigenvalues, eigenvectors = _spectrum(X, largest, n_neighbors, seed, device)
    return max(at_least, _rule_on_spectrum(X, A, eigenvalues, eigenvectors, largest, n_neighbors,
                                           rule, seed, random_state, device, confirmed=at_least))


def _largest_k(max_clusters, n_samples):
    """The largest number of clusters an estimate considers: ``max_clusters``
    checked (:func:`_check_max_clusters`), below ``n_samples``."""
    return min(_check_max_clusters(max_clusters, n_samples), n_samples - 1)


def _memo_evidence(X_input, n_samples, largest, n_neighbors, seed, device, input_memo):
    """:func:`_input_evidence` of ``X_input``, kept in ``input_memo`` (a
    dict or None) under ``(largest, n_neighbors)``, or read from it."""
    key = (largest, n_neighbors)
    evidence = None if input_memo is None else input_memo.get(key)
    if evidence is None:
        X_input = _check_rows(X_input, "X_input")
        if X_input.shape[0] != n_samples:
            raise ValueError(
                f"X_input has {X_input.shape[0]} rows and X_embedded {n_samples}: pass the "
                "input rows the embedding was computed from, in the same order."
            )
        evidence = _input_evidence(X_input, largest, n_neighbors, seed, device)
        if input_memo is not None:
            input_memo[key] = evidence
    return evidence


def _input_decides(X_input, max_clusters, n_neighbors, random_state, device, input_memo=None):
    """The number of clusters where the input's own graph decides it (it
    falls apart, or nearly: :func:`_input_evidence`), which
    :func:`_estimate` with this ``X_input`` answers whatever the embedding;
    else None. ``random_state`` as :func:`_estimate`'s, ``input_memo`` kept
    for its later calls on the same input."""
    n_samples = len(X_input)  # X_input is checked where it is read
    largest = _largest_k(max_clusters, n_samples)
    seed = check_random_state(random_state).randint(np.iinfo(np.int32).max)
    k, separated = _memo_evidence(X_input, n_samples, largest, n_neighbors, seed, device,
                                  input_memo)
    return k if separated else None


def _check_rows(X, name):
    """``X`` as a finite 2-D float64 array of at least two rows, or a
    ValueError that says what is wrong."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"{name} must be 2-D (n_samples, n_features); got shape {X.shape}.")
    if X.shape[0] < 2:
        raise ValueError(
            f"Estimating the number of clusters needs at least 2 samples; got n_samples={X.shape[0]}."
        )
    if not np.isfinite(X).all():
        raise ValueError(f"{name} holds NaN or infinite values.")
    return X


def _spectrum(X, largest, n_neighbors, seed, device):
    """The kNN graph ``A``, the smallest ``largest + 1`` eigenvalues of its
    normalised Laplacian (ascending) and their eigenvectors (columns): the
    dense solver finds them at no more cost than the eigenvalues alone
    (0.41 s against 0.54 s for 51 of the digits' 1,797), and the sweep of
    modularity clusters them."""
    A, M = _normalized_adjacency(X, n_neighbors, device)
    top, eigenvectors = _top_eigenpairs(M, largest + 1, seed, vectors=True)
    return A, np.clip(1.0 - top, 0.0, 2.0), eigenvectors


def _input_evidence(X_input, largest, n_neighbors, seed, device):
    """What the input's own graph says of the number of clusters:
    ``(k, True)`` when the graph falls apart into connected components (the
    sum over them of the ratio rule's answer on each one's graph, kept
    where its step is more than a curve's: a component can nearly fall
    apart in turn) or, connected, when the ratio
    rule answers ``k >= 2`` (it nearly falls apart into ``k`` pieces);
    ``(k, False)`` when the spectrum has a clear step at ``k >= 2``
    (:func:`_clear_step`) whose pieces are whole (:func:`_pieces_whole`;
    at least ``k`` groups), else ``(1, False)``."""
    A = connectivity_graph(X_input, n_neighbors, device=device)
    n_components, component = connected_components(A, directed=False)
    if n_components >= 2:
        # Counted one by one: the spectrum of the whole graph has as many
        # zeros as components, but the floor and the ratio rule read them
        # only up to the largest step, which a component that nearly falls
        # apart in turn can hide (the suite's 20 blobs: 17 by the ratio
        # rule, 20 components). The components are read as contiguous
        # blocks of one permuted graph: one pass over the edges, however
        # many components.
        order = np.argsort(component, kind="stable")
        ends = np.cumsum(np.bincount(component))
        A = A[order][:, order]
        k = 0
        for start, stop in zip(np.r_[0, ends[:-1]], ends):
            sub = A[start:stop, start:stop]
            spectrum = _laplacian_spectrum(_normalize(sub), min(largest, stop - start - 1) + 1, seed)
            pieces, step = _largest_ratio(spectrum, 1)
            k += pieces if pieces >= 2 and step >= NULL_STEP_FACTOR * CURVE_STEP else 1
            if k >= largest:
                break
        return min(k, largest), True
    eigenvalues = _laplacian_spectrum(_normalize(A), largest + 1, seed)
    k, _ = _largest_ratio(eigenvalues, 1)
    if k >= 2 or largest < 2:
        return k, k >= 2
    k, reference = _clear_step(X_input, eigenvalues, n_neighbors, check_random_state(seed), seed,
                               device)
    if k is not None and not _pieces_whole(eigenvalues, k, reference):
        k = None
    return k or 1, False


def _clear_step(X, eigenvalues, n_neighbors, random_state, seed, device):
    """The ``k >= 2`` where the spectrum grows by the largest factor, if
    that factor is at least :data:`STEP_RATIO` and :data:`NULL_STEP_FACTOR`
    times the growth at the same ``k`` of the spectrum of a Gaussian with
    the data's mean and covariance; else None. Also the Gaussian's
    eigenvalues (ascending, at least two), or None when not drawn."""
    k, ratio = _largest_ratio(eigenvalues, 2)
    if ratio < STEP_RATIO:
        return None, None
    reference = _reference_spectrum(X, k + 1, n_neighbors, random_state, seed, device)
    floored = np.maximum(reference[k - 1:k + 1], EIGENVALUE_FLOOR)
    return (k if ratio >= NULL_STEP_FACTOR * floored[1] / floored[0] else None), reference


def _pieces_whole(eigenvalues, k, reference):
    """Whether the ``k`` pieces past a clear step at ``k`` are each about as
    hard to cut as one Gaussian: the ``(k + 1)``-th eigenvalue at least
    :data:`ONE_CLUSTER_FRACTION` of the Gaussian reference's second (the
    one-cluster test of :func:`estimate_n_clusters`, applied past the
    step). Otherwise the step is the top of a hierarchy of clusters."""
    return eigenvalues[k] >= ONE_CLUSTER_FRACTION * reference[1]


def _rule_on_spectrum(X, A, eigenvalues, eigenvectors, largest, n_neighbors, rule, seed,
                      random_state, device, confirmed=1):
    """The answer of ``rule`` for the graph ``A`` of ``X`` and its spectrum
    (see :func:`estimate_n_clusters`); ``confirmed``, the ``k`` of a clear
    step of the input's graph whose pieces are whole (1: none)."""
    k, _ = _largest_ratio(eigenvalues, 1)
    if rule == "ratio" or k >= 2 or largest < 2:
        return k
    k, reference = _clear_step(X, eigenvalues, n_neighbors, random_state, seed, device)
    if k is not None:
        if k == confirmed or _pieces_whole(eigenvalues, k, reference):
            return k
        return _most_modular_k(A, eigenvectors, largest, random_state)
    if reference is not None:  # a step, but no larger than one Gaussian's
        return 1
    reference = _reference_spectrum(X, 2, n_neighbors, random_state, seed, device)
    if eigenvalues[1] >= ONE_CLUSTER_FRACTION * reference[1]:
        return 1
    return _most_modular_k(A, eigenvectors, largest, random_state)
