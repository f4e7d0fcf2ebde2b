"""Estimating the number of clusters of an embedding: :func:`estimate_n_clusters`.

The estimate reads the spectrum of the normalised Laplacian of the same
symmetric k-nearest-neighbour graph that
:func:`~skdeepcluster.graph.spectral_clustering` cuts. The estimators call it
on their pretrained embedding when ``n_clusters="auto"``; users can call it on
any embedding.
"""

from numbers import Integral

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import ArpackNoConvergence, eigsh
from sklearn.utils import check_random_state

from .graph import SPECTRAL_NEIGHBORS, connectivity_graph

__all__ = ["estimate_n_clusters", "laplacian_eigenvalues", "DEFAULT_MAX_CLUSTERS", "EIGENVALUE_FLOOR"]

#: ``max_clusters=None`` means this many clusters at most (fewer for fewer
#: samples).
DEFAULT_MAX_CLUSTERS = 50

#: Eigenvalues below this count as this value in the ratio rule: a cluster's
#: own smallest non-zero eigenvalue is rarely below it, and the ratio of two
#: eigenvalues that are both zero up to rounding means nothing. Chosen on the
#: suite of ``benchmarks/bench_auto_k.py`` (3e-4: 10 of 25 sets exact,
#: 1e-3: 13, 2e-3: 12, 5e-3: 9, 1e-2: 8).
EIGENVALUE_FLOOR = 1e-3

#: Up to this many samples the eigenvalues come from a dense solver
#: (exact, no start vector); beyond it from ARPACK on the sparse matrix.
DENSE_EIGEN_MAX_SAMPLES = 2000


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
        The start vector of the sparse eigensolver (used beyond 2,000
        samples; below, a dense solver needs none).
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    eigenvalues : ndarray of shape (min(n_eigenvalues, n_samples),)
        Ascending, in [0, 2].
    """
    A = connectivity_graph(X, n_neighbors, device=device)
    n_samples = A.shape[0]
    scale = 1.0 / np.sqrt(np.asarray(A.sum(axis=1)).ravel())
    M = sp.csr_matrix(sp.diags(scale) @ A @ sp.diags(scale))
    n_eigenvalues = min(int(n_eigenvalues), n_samples)
    if n_samples <= DENSE_EIGEN_MAX_SAMPLES or n_eigenvalues >= n_samples - 1:
        top = np.linalg.eigvalsh(M.toarray())[::-1][:n_eigenvalues]
    else:
        v0 = check_random_state(random_state).uniform(0.5, 1.5, size=n_samples)
        try:
            top = eigsh(M, k=n_eigenvalues, which="LA", v0=v0, tol=1e-8,
                        return_eigenvectors=False)
        except ArpackNoConvergence as exc:
            if len(exc.eigenvalues) < n_eigenvalues:
                raise
            top = exc.eigenvalues
        top = np.sort(top)[::-1]
    return np.clip(1.0 - top, 0.0, 2.0)


def estimate_n_clusters(X_embedded, max_clusters=None, *, n_neighbors=SPECTRAL_NEIGHBORS,
                        random_state=None, device="cpu"):
    """Estimate the number of clusters of an embedding.

    The rule reads the spectrum of the normalised Laplacian of the symmetric
    ``n_neighbors``-nearest-neighbour graph of the rows
    (:func:`laplacian_eigenvalues`), ``0 = lambda_1 <= lambda_2 <= ...``:
    the estimate is the ``k`` in ``1 .. max_clusters`` where the next
    eigenvalue grows by the largest *factor*,

    ``k = argmax_k  max(lambda_{k+1}, f) / max(lambda_k, f)``,

    with the floor ``f = 1e-3`` (:data:`EIGENVALUE_FLOOR`). ``k`` clusters
    that the graph separates give ``k`` eigenvalues near zero and a jump
    after them; one cluster gives a first non-zero eigenvalue ``lambda_2``
    well above the floor and a slowly rising spectrum after it. A ratio,
    unlike the classical eigengap ``lambda_{k+1} - lambda_k``, does not
    favour the large ``k`` where a smooth spectrum's steps grow.

    Parameters
    ----------
    X_embedded : array-like of shape (n_samples, n_features)
        An embedding (or any features) with at least two samples.
    max_clusters : int or None, default=None
        The largest number of clusters considered, at least 2 and at most
        ``n_samples``; None means ``min(50, n_samples)``. When it equals
        ``n_samples`` the largest estimate is ``n_samples - 1``.
    n_neighbors : int, default=15
        Neighbours per sample in the graph (that of
        :func:`~skdeepcluster.graph.spectral_clustering`).
    random_state : int, RandomState instance or None, default=None
        The sparse eigensolver's start vector (beyond 2,000 samples).
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    n_clusters : int
        Between 1 and ``max_clusters``.

    See Also
    --------
    skdeepcluster.graph.spectral_clustering : Clusters the same graph.

    Notes
    -----
    The rule was chosen on the pretrained embeddings of DEPICT, DAMIC and
    DiscriminativeLatentClustering (digits, Fashion-MNIST), the tabular
    sets, the FCPS suite and Gaussian blobs against the eigengap, the
    silhouette of spectral and of k-means clusterings, and a Dirichlet-process
    Gaussian mixture (``benchmarks/bench_auto_k.py``, see the User Guide). It
    finds well separated clusters (the graph's components) exactly; on
    embeddings whose classes touch (the digits and Fashion-MNIST embeddings
    of DEPICT and DAMIC) the spectrum rises smoothly and it returns far too
    few clusters, as every rule tried did in its own way.

    References
    ----------
    U. von Luxburg, "A Tutorial on Spectral Clustering", Statistics and
    Computing 17(4), 2007 (section 8.3, the eigengap heuristic).

    Examples
    --------
    >>> from sklearn.datasets import make_blobs
    >>> from skdeepcluster import estimate_n_clusters
    >>> X, _ = make_blobs(300, centers=4, cluster_std=0.5, random_state=0)
    >>> estimate_n_clusters(X, max_clusters=10)
    4
    """
    X = np.asarray(X_embedded, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X_embedded must be 2-D (n_samples, n_features); got shape {X.shape}.")
    n_samples = X.shape[0]
    if n_samples < 2:
        raise ValueError(
            f"Estimating the number of clusters needs at least 2 samples; got n_samples={n_samples}."
        )
    if not np.isfinite(X).all():
        raise ValueError("X_embedded holds NaN or infinite values.")
    max_clusters = _check_max_clusters(max_clusters, n_samples)
    largest = min(max_clusters, n_samples - 1)
    eigenvalues = laplacian_eigenvalues(
        X, largest + 1, n_neighbors=n_neighbors, random_state=random_state, device=device
    )
    floored = np.maximum(eigenvalues, EIGENVALUE_FLOOR)
    return int(np.argmax(floored[1:] / floored[:-1])) + 1
