"""Sparse k-nearest-neighbour graphs and agglomerative clustering by graph
degree linkage (GDL).

Graphs stay sparse (``n_samples * n_neighbors`` entries), so memory grows
linearly with the number of samples.
"""

from numbers import Integral, Real

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClusterMixin, _fit_context
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import normalize
from sklearn.utils._param_validation import Interval
from sklearn.utils.validation import validate_data

__all__ = ["knn_graph", "gdl_agglomerative", "GDLClustering"]


def knn_graph(X, n_neighbors=20, *, a=1.0, l2_normalize=True):
    """Gaussian-weighted k-nearest-neighbour graph, as a sparse matrix.

    ``W_ij = exp(-d_ij^2 / sigma^2)`` for ``j`` among the ``n_neighbors``
    nearest neighbours of ``i`` (itself excluded), else 0, with ``d`` the
    Euclidean distance (of L2-normalised rows by default) and
    ``sigma^2 = a * mean_ij d_ij^2`` over the graph's edges (JULE's rule). When
    all neighbours coincide, ``sigma^2`` falls back to 1 so weights stay finite.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_neighbors : int, default=20
        Capped at ``n_samples - 1``.
    a : float, default=1.0
    l2_normalize : bool, default=True

    Returns
    -------
    W : csr_matrix of shape (n_samples, n_samples)
        Not symmetric: row ``i`` holds the out-edges of sample ``i``.
    neighbors : ndarray of shape (n_samples, n_neighbors)
        Neighbour indices, nearest first.
    """
    X = np.asarray(X, dtype=np.float64)
    n_samples = X.shape[0]
    k = min(n_neighbors, n_samples - 1)
    if k < 1:
        raise ValueError("A neighbour graph needs at least two samples.")
    if l2_normalize:
        X = normalize(X)
    distances, neighbors = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X)
    # Drop each sample's own entry; with duplicates it need not come first.
    own = neighbors == np.arange(n_samples)[:, None]
    drop = np.where(own.any(1), own.argmax(1), k)
    keep = np.ones_like(own)
    keep[np.arange(n_samples), drop] = False
    neighbors = neighbors[keep].reshape(n_samples, k)
    squared = np.maximum(distances[keep].reshape(n_samples, k), 0.0) ** 2
    sigma2 = a * squared.mean()
    if not sigma2 > 0:
        sigma2 = 1.0
    weights = np.exp(-squared / sigma2)
    rows = np.repeat(np.arange(n_samples), k)
    W = sp.csr_matrix((weights.ravel(), (rows, neighbors.ravel())), shape=(n_samples, n_samples))
    return W, neighbors


def _initial_clusters(neighbors):
    """Each sample joins the cluster of its nearest neighbour: the connected
    components of the 1-NN graph (JULE's and AGDL's over-clustering)."""
    n_samples = neighbors.shape[0]
    graph = sp.csr_matrix(
        (np.ones(n_samples), (np.arange(n_samples), neighbors[:, 0])), shape=(n_samples, n_samples)
    )
    return sp.csgraph.connected_components(graph, directed=True, connection="weak")[1]


def gdl_agglomerative(W, n_clusters, labels):
    """Merge clusters by graph degree linkage until ``n_clusters`` remain.

    The affinity of clusters ``Ci`` and ``Cj`` is (Zhang et al., 2012)
    ``A(Ci, Cj) = 1/|Ci|^2 1'W[Ci,Cj]W[Cj,Ci]1 + 1/|Cj|^2 1'W[Cj,Ci]W[Ci,Cj]1``.
    With one-hot assignments ``Y``, ``S = Y'[(W'Y) * (WY)]`` gives
    ``S[j, i] = 1'W[Ci,Cj]W[Cj,Ci]1`` for all pairs at once; after a merge
    only the merged cluster's row and column are recomputed, from sparse
    column and row sums of ``W``. Each step merges the pair of highest
    affinity.

    Parameters
    ----------
    W : sparse matrix of shape (n_samples, n_samples)
    n_clusters : int
    labels : ndarray of shape (n_samples,)
        Initial clusters (ints from 0), at least ``n_clusters`` of them.

    Returns
    -------
    labels : ndarray of shape (n_samples,)
        Ints in ``range(n_clusters)``.
    """
    W = sp.csr_matrix(W)
    Wc = W.tocsc()
    labels = np.unique(labels, return_inverse=True)[1]
    n_init = int(labels.max()) + 1
    if n_init <= n_clusters:
        return labels
    n_samples = W.shape[0]
    Y = sp.csr_matrix((np.ones(n_samples), (np.arange(n_samples), labels)), shape=(n_samples, n_init))
    S = np.asarray((Y.T @ (W.T @ Y).multiply(W @ Y)).todense())
    size = np.bincount(labels, minlength=n_init).astype(np.float64)
    with np.errstate(divide="ignore"):
        A = S / size[None, :] ** 2 + S.T / size[:, None] ** 2
    np.fill_diagonal(A, -np.inf)
    best_idx = A.argmax(1)
    best = A[np.arange(n_init), best_idx]
    alive = np.ones(n_init, dtype=bool)
    for _ in range(n_init - n_clusters):
        i = int(np.argmax(best))
        j = int(best_idx[i])
        labels[labels == j] = i
        members = np.flatnonzero(labels == i)
        out_i = np.asarray(Wc[:, members].sum(axis=1)).ravel()  # sum_{a in Ci} W[b, a]
        in_i = np.asarray(W[members].sum(axis=0)).ravel()  # sum_{a in Ci} W[a, b]
        s_col = np.bincount(labels, weights=in_i * out_i, minlength=n_init)  # S[c, i]
        s_row = S[i] + S[j]  # S[i, c]
        S[:, i], S[i] = s_col, s_row
        size[i] += size[j]
        size[j] = 0
        alive[j] = False
        with np.errstate(divide="ignore", invalid="ignore"):
            a_i = s_col / size[i] ** 2 + s_row / size ** 2
        a_i[~alive] = -np.inf
        a_i[i] = -np.inf
        A[:, i] = A[i] = a_i
        A[:, j] = A[j] = -np.inf
        best[j] = -np.inf
        # Rows whose best partner was i or j look again; others may now prefer i.
        stale = np.flatnonzero(alive & ((best_idx == i) | (best_idx == j)))
        best_idx[stale] = A[stale].argmax(1)
        best[stale] = A[stale, best_idx[stale]]
        better = alive & (a_i > best)
        best[better], best_idx[better] = a_i[better], i
        best_idx[i] = a_i.argmax()
        best[i] = a_i[best_idx[i]]
    return np.unique(labels, return_inverse=True)[1]


class GDLClustering(ClusterMixin, BaseEstimator):
    """Agglomerative clustering by graph degree linkage (AGDL).

    Builds a Gaussian k-nearest-neighbour graph (:func:`knn_graph`), starts
    from the clusters of nearest-neighbour chains, and merges the pair of
    clusters of highest GDL affinity until ``n_clusters`` remain
    (:func:`gdl_agglomerative`). It follows thin, curved clusters (digit
    manifolds) that k-means cuts, and serves as the initial clustering of the
    deep methods on small data.

    Memory is ``O(n_samples * n_neighbors + m^2)`` with ``m`` the number of
    initial chains (about a quarter of ``n_samples``); beyond some 20,000
    samples prefer k-means.

    Parameters
    ----------
    n_clusters : int, default=10
    n_neighbors : int, default=20
        Neighbours per sample in the graph.
    a : float, default=1.0
        Scale of the Gaussian kernel width: ``sigma^2 = a * mean d^2``.
    l2_normalize : bool, default=False
        Measure distances between L2-normalised rows (cosine geometry), as
        JULE does on its features.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
    n_features_in_ : int

    References
    ----------
    W. Zhang, X. Wang, D. Zhao and X. Tang, "Graph Degree Linkage:
    Agglomerative Clustering on a Directed Graph", ECCV 2012.

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> from skdeepcluster.graph import GDLClustering
    >>> X, _ = make_blobs(200, centers=3, random_state=0)
    >>> GDLClustering(n_clusters=3).fit_predict(X).shape
    (200,)
    """

    _parameter_constraints: dict = {
        "n_clusters": [Interval(Integral, 1, None, closed="left")],
        "n_neighbors": [Interval(Integral, 1, None, closed="left")],
        "a": [Interval(Real, 0, None, closed="neither")],
        "l2_normalize": ["boolean"],
    }

    def __init__(self, n_clusters=10, *, n_neighbors=20, a=1.0, l2_normalize=False):
        self.n_clusters = n_clusters
        self.n_neighbors = n_neighbors
        self.a = a
        self.l2_normalize = l2_normalize

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Cluster ``X``; see the class docstring."""
        X = validate_data(self, X, dtype=np.float64, ensure_min_samples=2)
        if X.shape[0] < self.n_clusters:
            raise ValueError(
                f"n_samples={X.shape[0]} should be >= n_clusters={self.n_clusters}."
            )
        W, neighbors = knn_graph(
            X, self.n_neighbors, a=self.a, l2_normalize=self.l2_normalize
        )
        self.labels_ = gdl_agglomerative(W, self.n_clusters, _initial_clusters(neighbors))
        return self
