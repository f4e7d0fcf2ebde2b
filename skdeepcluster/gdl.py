"""The graph degree linkage estimator: :class:`GDLClustering`.

A scikit-learn clusterer over the algorithms of :mod:`skdeepcluster.graph`
(the kNN graph, nearest-neighbour chains and GDL agglomeration); the deep
methods use it as their initial clustering on small data.
"""

from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.utils.validation import validate_data

from ._compat import Interval, _fit_context
from .graph import gdl_agglomerative, knn_graph, nearest_neighbor_chains

__all__ = ["GDLClustering"]


class GDLClustering(ClusterMixin, BaseEstimator):
    """Agglomerative clustering by graph degree linkage (AGDL).

    Builds a Gaussian k-nearest-neighbour graph (:func:`~skdeepcluster.graph.knn_graph`), starts
    from the clusters of nearest-neighbour chains, and merges the pair of
    clusters of highest GDL affinity until ``n_clusters`` remain
    (:func:`~skdeepcluster.graph.gdl_agglomerative`). It follows thin, curved clusters (digit
    manifolds) that k-means cuts, and serves as the initial clustering of the
    deep methods on small data.

    Memory grows linearly with the number of samples: the graph has
    ``n_samples * n_neighbors`` edges and cluster affinities stay sparse.

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
    >>> from skdeepcluster.gdl import GDLClustering
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
        W, neighbors, squared, _ = knn_graph(
            X, self.n_neighbors, a=self.a, l2_normalize=self.l2_normalize
        )
        chains = nearest_neighbor_chains(neighbors, squared)
        self.labels_ = gdl_agglomerative(W, self.n_clusters, chains, features=X)
        return self
