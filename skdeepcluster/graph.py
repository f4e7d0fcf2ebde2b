"""Sparse k-nearest-neighbour graphs and agglomerative clustering by graph
degree linkage (GDL).

Graphs stay sparse (``n_samples * n_neighbors`` entries), so memory grows
linearly with the number of samples. The scikit-learn estimator over these
algorithms is :class:`~skdeepcluster.gdl.GDLClustering`.
"""

import ctypes
import functools
import heapq
import math
import warnings

import numpy as np
import scipy.sparse as sp
import torch
from scipy.sparse.csgraph import laplacian as csgraph_laplacian
from scipy.sparse.linalg import lobpcg
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from sklearn.neighbors import KDTree
from sklearn.utils import check_random_state

from . import distributed
from .data import ArrayRows, read_ahead

__all__ = [
    "nearest_neighbors",
    "knn_graph",
    "nearest_neighbor_chains",
    "gdl_affinity",
    "merge_criterion",
    "gdl_agglomerative",
    "neighbor_vote",
    "connectivity_graph",
    "spectral_clustering",
    "separated_pieces",
    "modularity_merge",
    "normalized_cut",
]

#: The largest initial cluster of :func:`nearest_neighbor_chains` (the
#: authors' code caps nearest-neighbour chains at 50 samples).
MAX_CHAIN_SIZE = 50


#: Squared distance under which a query is the same point as a reference one.
SAME_POINT_SQ_DISTANCE = 1e-12

#: Rows of queries whose distances to all references are computed at once
#: are limited so that one block holds about this many float32 values, or
#: half as many float64 ones (128 MiB either way).
_KNN_BLOCK_FLOATS = 2**25

#: On the CPU, rows of at most this many features are searched with a k-d
#: tree (:class:`sklearn.neighbors.KDTree`, exact) instead of the blocked
#: distances once there are ``KDTREE_MIN_SAMPLES`` references: the
#: blocked search is bound by memory there, writing and reading ``n**2``
#: distances whatever the width. All 70,000 Fashion-MNIST images reduced by
#: PCA to 10, 16, 20 and 32 features, 5 neighbours each, 1 thread on the
#: idle machine: 3.1, 7.1, 7.8 and 26.4 s of CPU with the tree against 23.5,
#: 24.1, 23.5 and 23.0 s (``benchmarks/bench_knn.py``; beside another job
#: 4.9, 14.8, 21.5 and 47.0 s against 26.4 to 31.8). DEPICT's embedding and
#: DAMIC's code have ``n_clusters`` dimensions.
KDTREE_MAX_FEATURES = 20

#: The k-d tree is used from this many references on. Below, the blocked
#: search takes under two seconds (10-d rows: 0.5 s for 10,000) and stays
#: the one path, so that fits on fewer samples are those before the tree,
#: to the bit.
KDTREE_MIN_SAMPLES = 20_000


@functools.cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        return None


def _release_free_heap():
    """Give the pages of freed heap memory back to the system (glibc's
    ``malloc_trim(0)``; nothing elsewhere).

    Called before a neighbour search maps its blocks of distances: those
    are too large for the heap and mapped afresh, so the free heap memory
    that earlier steps leave behind (glibc keeps it for later
    allocations) would otherwise sit under every block. And after it: the
    threads that read a streamed search's blocks ahead each free their
    rows into their own heap (arena), which glibc keeps up to 64 MiB of
    once large blocks have been freed (150 MiB after a search of 20,000
    rows of 784 features, 20 MiB once given back), and which would
    otherwise sit under the merges and graphs that follow."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


#: Rows of a block of distances that :func:`_sq_distances` completes at
#: once hold about this many values (4 MiB in float32): the one temporary
#: besides the block.
_SQ_CHUNK_FLOATS = 2**20


def _sq_distances(q_sq, r_sq, q, r):
    """The block of squared distances ``(q_sq + r_sq') - 2 q r'`` between
    the rows of ``q`` and those of ``r`` (``q_sq`` of shape (n_q, 1),
    ``r_sq`` of shape (n_r,): their squared norms).

    Computed in place in the block of products: ``-2 q r'``, to which each
    chunk of rows adds its ``q_sq + r_sq'`` (a temporary of at most
    ``_SQ_CHUNK_FLOATS`` values), where the expression written out takes
    three blocks (the sum, the product, and twice the product). The values
    are the same, bit for bit: ``-(2p)`` is exact, and ``s + (-2p)`` is
    ``s - 2p``."""
    d2 = q @ r.T
    d2.mul_(-2.0)
    rows = max(1, _SQ_CHUNK_FLOATS // max(d2.shape[1], 1))
    for start in range(0, d2.shape[0], rows):
        d2[start : start + rows].add_(q_sq[start : start + rows] + r_sq[None, :])
    return d2


def nearest_neighbors(X, n_neighbors, *, queries=None, device="cpu", dtype=torch.float32):
    """Exact k nearest neighbours by squared Euclidean distance, in blocks.

    Distances are computed with :mod:`torch` on ``device`` a block of query
    rows at a time (at most 128 MiB of distances per block: ``2**25`` in
    float32), so memory grows linearly with the number of samples and a GPU
    is used when given. On the CPU, from ``KDTREE_MIN_SAMPLES``
    references of at most ``KDTREE_MAX_FEATURES`` features, where those
    blocks make the search bound by memory, a k-d tree answers instead (in
    float64, ``dtype`` aside; the same neighbours up to ties and rounding).

    In a distributed fit (:mod:`skdeepcluster.distributed`) every process
    searches its contiguous block of the queries and receives all of them
    (:func:`~skdeepcluster.distributed.shard_rows`), so every process must
    call it, with the same arrays.

    Parameters
    ----------
    X : ndarray or Tensor of shape (n_samples, n_features)
        The reference points.
    n_neighbors : int
    queries : ndarray or Tensor of shape (n_queries, n_features), default=None
        ``None`` searches the neighbours of ``X`` among ``X`` itself, each
        sample's own entry excluded (even when duplicates of it exist).
        ``X`` itself (the same object) is converted once and shares that copy.
    device : str or torch.device, default="cpu"
    dtype : torch.dtype, default=torch.float32
        Precision of the distance computation.

    Returns
    -------
    sq_distances : ndarray of shape (n_queries, n_neighbors)
        Squared distances (float64, clamped at 0), nearest first.
    indices : ndarray of shape (n_queries, n_neighbors)
        int32 where ``X`` has fewer than ``2**31`` rows, else int64.
    """
    reference = torch.as_tensor(X, dtype=dtype, device=device)
    self_search = queries is None
    same = self_search or queries is X
    query = reference if same else torch.as_tensor(queries, dtype=dtype, device=device)
    n_ref = reference.shape[0]
    k = n_neighbors + 1 if self_search else n_neighbors
    if not 0 < k <= n_ref:
        raise ValueError(f"Cannot find {n_neighbors} neighbours among {n_ref} samples.")
    tree = (reference.device.type == "cpu" and reference.shape[1] <= KDTREE_MAX_FEATURES
            and n_ref >= KDTREE_MIN_SAMPLES)

    def search(start, stop):
        part = query if (start, stop) == (0, query.shape[0]) else query[start:stop]
        if tree:
            return _tree_nearest_neighbors(reference, part, n_neighbors, self_search, start)
        return _blocked_nearest_neighbors(reference, part, n_neighbors, self_search, start)

    return distributed.shard_rows(search, query.shape[0])


def _blocked_nearest_neighbors(reference, query, n_neighbors, self_search, offset):
    """:func:`nearest_neighbors` in blocks of distances; with
    ``self_search``, ``query`` is ``reference[offset:]`` (its first rows)."""
    n_ref, device = reference.shape[0], reference.device
    k = n_neighbors + 1 if self_search else n_neighbors
    ref_sq = (reference * reference).sum(1)
    _release_free_heap()
    block = max(1, _KNN_BLOCK_FLOATS * 4 // (reference.element_size() * max(n_ref, 1)))
    found = _Neighbors(query.shape[0], n_neighbors, n_ref, reference.dtype)
    for start in range(0, query.shape[0], block):
        q = query[start : start + block]
        d2 = _sq_distances((q * q).sum(1, keepdim=True), ref_sq, q, reference)
        if self_search:  # the sample itself first, whatever rounding says
            rows = torch.arange(q.shape[0], device=device)
            d2[rows, rows + offset + start] = -1.0
        dist, idx = torch.topk(d2, k, dim=1, largest=False, sorted=True)
        del d2  # not alive while the next block is computed
        if self_search:
            dist, idx = dist[:, 1:], idx[:, 1:]
        found.put(start, dist, idx)
    _release_free_heap()
    return found.result()


def _tree_nearest_neighbors(reference, query, n_neighbors, self_search, offset=0):
    """:func:`nearest_neighbors` by a k-d tree (exact, in float64, leaves of
    scikit-learn's default size): the
    same answer as the blocked search up to the order of ties and the
    rounding of the distances (on 70,000 rows of 10 features, 0.9999 of
    the neighbours the same). A self-search drops each sample's own entry
    wherever the tree ranks it, else its farthest neighbour, as the blocked
    search does. Its worst case is many identical rows (a collapsed
    embedding): 30,000 copies of one point took 7.2 s of CPU against 4.1 s
    in blocks; 10 points repeated 3,000 times 0.7 s. With ``self_search``,
    ``query`` is ``reference[offset:]`` (its first rows)."""
    if not len(query):  # a process's empty block of a distributed search
        return np.empty((0, n_neighbors)), np.empty((0, n_neighbors), _index_type(len(reference)))
    same = query is reference
    reference = reference.numpy().astype(np.float64, copy=False)
    query = reference if same else query.numpy().astype(np.float64, copy=False)
    k = n_neighbors + 1 if self_search else n_neighbors
    distances, indices = KDTree(reference).query(query, k=k)
    if self_search:
        own = indices == offset + np.arange(len(indices))[:, None]
        # Stable: the others keep their order, the sample itself goes last.
        order = np.argsort(own, axis=1, kind="stable")[:, :n_neighbors]
        distances = np.take_along_axis(distances, order, 1)
        indices = np.take_along_axis(indices, order, 1)
    return np.square(distances), indices.astype(_index_type(len(reference)))


def _index_type(n_references):
    """The type of neighbour indices: int32 where ``n_references`` allows
    (4 bytes a neighbour instead of 8), else int64."""
    return np.int32 if n_references <= np.iinfo(np.int32).max else np.int64


class _Neighbors:
    """The neighbour lists of a blocked search, filled block by block into
    two arrays allocated once (no per-block list and final concatenation,
    which held them twice): the squared distances in the precision of the
    search (float32 or float64), the indices in int32 where ``n_references``
    allows, 8 bytes a neighbour in float32 instead of 16 while the blocks of
    distances are alive. :meth:`result` then gives them as float64, the
    same values."""

    def __init__(self, n_queries, n_neighbors, n_references, dtype):
        self.sq_distances = np.empty((n_queries, n_neighbors), dtype=_NUMPY_FLOATS[dtype])
        self.indices = np.empty((n_queries, n_neighbors), dtype=_index_type(n_references))

    def put(self, start, sq_distances, indices):
        """Rows ``start:`` get the block's (squared distances clamped at 0)."""
        stop = start + sq_distances.shape[0]
        self.sq_distances[start:stop] = sq_distances.clamp_min(0).cpu().numpy()
        self.indices[start:stop] = indices.cpu().numpy()

    def result(self):
        """``(sq_distances as float64, indices)``."""
        sq_distances, self.sq_distances = self.sq_distances, None
        return sq_distances.astype(np.float64, copy=False), self.indices


#: The numpy type of each precision a neighbour search runs in.
_NUMPY_FLOATS = {torch.float32: np.float32, torch.float64: np.float64}


#: Query rows of :func:`_streamed_nearest_neighbors` per block: about this
#: many floats (32 MiB); each block reads the whole reference once.
_STREAM_QUERY_FLOATS = 2**23


def _streamed_nearest_neighbors(rows, n_neighbors, *, l2_normalize, device):
    """:func:`nearest_neighbors` of the rows of an
    :class:`~skdeepcluster.data.ArrayRows` among themselves, holding a block
    of queries and a block of references at a time.

    Each block of queries (about ``_STREAM_QUERY_FLOATS`` values) is
    compared with the reference rows a block at a time (about
    ``_KNN_BLOCK_FLOATS`` distances, the next block read in the background)
    and keeps a running top ``n_neighbors + 1``; the sample itself is put
    first and dropped, as in :func:`nearest_neighbors`. Memory holds two
    blocks and the neighbours found, never the data; the data are read
    ``n_samples / query rows`` times (from the page cache for a memmap).
    In a distributed fit each process searches for its contiguous block of
    the rows (:func:`~skdeepcluster.distributed.shard_rows`).
    """
    n_samples, n_features = rows.shape
    k = n_neighbors + 1
    query_rows = max(1, min(n_samples, _STREAM_QUERY_FLOATS // max(n_features, 1)))
    reference_rows = max(k, _KNN_BLOCK_FLOATS // query_rows)

    def block(batch):
        x = rows[batch].to(device)
        return torch.nn.functional.normalize(x, dim=1) if l2_normalize else x

    references = [slice(start, start + reference_rows) for start in range(0, n_samples, reference_rows)]

    def search(first, stop):  # the query rows first:stop
        found = _Neighbors(stop - first, n_neighbors, n_samples, torch.float32)
        for start in range(first, stop, query_rows):
            _release_free_heap()
            q = block(slice(start, min(start + query_rows, stop)))
            q_sq = (q * q).sum(1, keepdim=True)
            diagonal = torch.arange(q.shape[0], device=device)
            best_d = torch.empty((q.shape[0], 0), device=device)
            best_i = torch.empty((q.shape[0], 0), dtype=torch.long, device=device)
            with read_ahead(rows, references) as batches:
                for batch in batches:
                    r = block(batch)
                    d2 = _sq_distances(q_sq, (r * r).sum(1), q, r)
                    own = diagonal + start - batch.start
                    inside = (own >= 0) & (own < r.shape[0])
                    d2[diagonal[inside], own[inside]] = -1.0
                    dist, idx = torch.topk(d2, min(k, r.shape[0]), dim=1, largest=False,
                                           sorted=True)
                    del d2  # not alive while the next block is computed
                    merged_d = torch.cat([best_d, dist], 1)
                    merged_i = torch.cat([best_i, idx + batch.start], 1)
                    best_d, pick = torch.topk(merged_d, min(k, merged_d.shape[1]), dim=1,
                                              largest=False, sorted=True)
                    best_i = merged_i.gather(1, pick)
            found.put(start - first, best_d[:, 1:], best_i[:, 1:])
        _release_free_heap()
        return found.result()

    return distributed.shard_rows(search, n_samples)


def knn_graph(X, n_neighbors=20, *, a=1.0, l2_normalize=True, device="cpu"):
    """Gaussian-weighted k-nearest-neighbour graph, as a sparse matrix.

    ``W_ij = exp(-d_ij^2 / sigma^2)`` for ``j`` among the ``n_neighbors``
    nearest neighbours of ``i`` (itself excluded), else 0, with ``d`` the
    Euclidean distance (of L2-normalised rows by default) and
    ``sigma^2 = a * mean_ij d_ij^2`` over the graph's edges (JULE's rule). When
    all neighbours coincide, ``sigma^2`` falls back to 1 so weights stay finite.
    Memory is ``O(n_samples * n_neighbors)``; no dense distance matrix is
    formed (see :func:`nearest_neighbors`).

    Parameters
    ----------
    X : ndarray, Tensor or ArrayRows of shape (n_samples, n_features)
        The rows of an out-of-core :class:`~skdeepcluster.data.ArrayRows`
        are read block by block, never whole (see
        :func:`_streamed_nearest_neighbors`).
    n_neighbors : int, default=20
        Capped at ``n_samples - 1``.
    a : float, default=1.0
    l2_normalize : bool, default=True
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    W : csr_matrix of shape (n_samples, n_samples)
        Not symmetric: row ``i`` holds the out-edges of sample ``i``.
    neighbors : ndarray of shape (n_samples, n_neighbors)
        Neighbour indices, nearest first.
    sq_distances : ndarray of shape (n_samples, n_neighbors)
        Their squared distances.
    sigma2 : float
        The kernel width used.
    """
    if not isinstance(X, ArrayRows):
        X = torch.as_tensor(X, dtype=torch.float32)
    n_samples = X.shape[0]
    k = min(n_neighbors, n_samples - 1)
    if k < 1:
        raise ValueError("A neighbour graph needs at least two samples.")
    if isinstance(X, ArrayRows):
        squared, neighbors = _streamed_nearest_neighbors(X, k, l2_normalize=l2_normalize,
                                                         device=device)
    else:
        if l2_normalize:
            X = torch.nn.functional.normalize(X, dim=1)
        squared, neighbors = nearest_neighbors(X, k, device=device)
    del X  # the normalised copy is not alive beside the weights
    sigma2 = float(a * squared.mean())
    if not sigma2 > 0:
        sigma2 = 1.0
    weights = np.divide(squared, -sigma2)  # exp(-squared / sigma2), one n x k temporary
    np.exp(weights, out=weights)
    indptr = np.arange(0, n_samples * k + 1, k)
    # W's own indices (sum_duplicates sorts them in place, and int32
    # neighbours would be shared, not copied).
    W = sp.csr_matrix((weights.ravel(), neighbors.ravel().copy(), indptr),
                      shape=(n_samples, n_samples))
    W.sum_duplicates()
    return W, neighbors, squared, sigma2


def nearest_neighbor_chains(neighbors, sq_distances=None, *, max_size=MAX_CHAIN_SIZE):
    """Initial over-clustering: each sample joins its nearest neighbour.

    The clusters are the connected components of the graph linking every
    sample to its first neighbour (chains ending in a mutual pair; about four
    samples each on image data). A component larger than ``max_size`` is cut
    at its longest links (those of largest ``sq_distances``) until no part
    exceeds it, as the authors' code caps chains at 50 samples.

    Parameters
    ----------
    neighbors : ndarray of shape (n_samples, n_neighbors)
        Nearest first; only the first column is used.
    sq_distances : ndarray of shape (n_samples, n_neighbors), default=None
        Needed only to cut components larger than ``max_size``.
    max_size : int, default=50

    Returns
    -------
    labels : ndarray of shape (n_samples,)
        Ints from 0.
    """
    n_samples = neighbors.shape[0]
    heads = np.arange(n_samples)
    tails = np.asarray(neighbors[:, 0])
    length = np.zeros(n_samples) if sq_distances is None else np.asarray(sq_distances[:, 0], float)
    keep = np.ones(n_samples, dtype=bool)
    while True:
        graph = sp.csr_matrix(
            (np.ones(int(keep.sum())), (heads[keep], tails[keep])), shape=(n_samples, n_samples)
        )
        labels = sp.csgraph.connected_components(graph, directed=True, connection="weak")[1]
        sizes = np.bincount(labels)
        big = sizes[labels] > max_size
        if not big.any() or sq_distances is None:
            return labels
        # Cut the longest remaining link of every oversized component at once.
        candidates = np.flatnonzero(big & keep)
        order = np.lexsort((-length[candidates], labels[candidates]))
        ordered = candidates[order]
        first = np.r_[True, labels[ordered][1:] != labels[ordered][:-1]]
        keep[ordered[first]] = False


def gdl_affinity(W, labels):
    """Graph degree linkage affinities between all clusters, kept sparse.

    ``A(Ci, Cj) = 1/|Ci|^2 1'W[Ci,Cj]W[Cj,Ci]1 + 1/|Cj|^2 1'W[Cj,Ci]W[Ci,Cj]1``
    (Zhang et al., 2012). With one-hot assignments ``Y``,
    ``S = Y'[(W'Y) * (WY)]`` gives ``S[i, j] = sum_{m in Ci} in_j(m) out_j(m)``
    (weights from ``Cj`` into ``m`` times weights from ``m`` to ``Cj``), which
    equals ``1'W[Cj,Ci]W[Ci,Cj]1``; then
    ``A(i, j) = S[i, j] / |Cj|^2 + S[j, i] / |Ci|^2``. Only pairs of clusters
    linked in both directions through some sample have a non-zero entry.

    Parameters
    ----------
    W : sparse matrix of shape (n_samples, n_samples)
    labels : ndarray of shape (n_samples,)
        Ints in ``range(n_clusters)``.

    Returns
    -------
    S : csr_matrix of shape (n_clusters, n_clusters)
        Zero diagonal.
    A : csr_matrix of shape (n_clusters, n_clusters)
        Symmetric, zero diagonal.
    """
    W = sp.csr_matrix(W, dtype=np.float64)
    labels = np.asarray(labels)
    n_samples, n_clusters = W.shape[0], int(labels.max()) + 1
    Y = sp.csr_matrix(
        (np.ones(n_samples), (np.arange(n_samples), labels)), shape=(n_samples, n_clusters)
    )
    S = sp.csr_matrix(Y.T @ (W.T @ Y).multiply(W @ Y))
    S.setdiag(0)
    S.eliminate_zeros()
    inv_sq = 1.0 / np.bincount(labels, minlength=n_clusters).astype(np.float64) ** 2
    A = sp.csr_matrix(S @ sp.diags(inv_sq))
    A = A + A.T
    return S, sp.csr_matrix(A)


def merge_criterion(top_affinities, n_cluster_neighbors=5, lambda_=1.0):
    """JULE's merge score of a cluster from its highest affinities.

    ``A(Ci, NN1) + lambda / (K_c - 1) * sum_{k=2..K_c} (A(Ci, NN1) - A(Ci, NNk))``
    (eq. 7 of the paper, negated): the affinity to the nearest neighbour
    cluster plus how much it stands out from the next ``K_c - 1``. Missing
    neighbours count as affinity 0. With ``K_c = 1`` or ``lambda = 0`` it is
    plain graph degree linkage (the highest affinity).

    Parameters
    ----------
    top_affinities : ndarray of shape (..., m)
        Each row sorted in descending order; only the first ``K_c`` are used.
    n_cluster_neighbors : int, default=5
        ``K_c``.
    lambda_ : float, default=1.0

    Returns
    -------
    score : ndarray of shape (...)
    """
    top = np.asarray(top_affinities, dtype=np.float64)
    best = top[..., 0]
    if n_cluster_neighbors <= 1 or lambda_ == 0:
        return best
    return _criterion(best, top[..., 1:n_cluster_neighbors].sum(-1), n_cluster_neighbors, lambda_)


def _criterion(best, others, n_cluster_neighbors, lambda_):
    """:func:`merge_criterion` from the highest affinity and the sum of the
    next ``K_c - 1`` (arrays, or the floats of one cluster in the merge loop)."""
    return best * (1.0 + lambda_) - lambda_ / (n_cluster_neighbors - 1) * others


def gdl_agglomerative(
    W, n_clusters, labels, *, n_cluster_neighbors=1, lambda_=0.0, features=None, max_size=None,
    min_size=None,
):
    """Merge clusters by graph degree linkage until ``n_clusters`` remain.

    Each step merges the cluster of highest :func:`merge_criterion` with its
    nearest neighbour cluster (``K_c = 1`` is plain AGDL: the pair of highest
    affinity). Affinities (:func:`gdl_affinity`) are held sparse, one small
    dictionary per cluster; after a merge only the merged cluster's entries
    are recomputed exactly, from the sparse rows and columns of ``W`` of its
    members, and only its neighbours' scores are refreshed in a heap. Memory
    and time per merge therefore follow the merged clusters' sizes and
    degrees, never the number of clusters.

    With ``max_size``, a cluster's partner is its nearest neighbour cluster
    among those it can merge with without exceeding ``max_size`` samples.
    If clusters remain that no allowed pair links in both directions (the
    graph is disconnected, or every linked merge would exceed ``max_size``),
    the smallest of them joins the cluster with the nearest mean of
    ``features`` (or, without ``features``, the smallest other cluster),
    whatever the sizes, until ``n_clusters`` remain.

    With ``min_size``, no cluster smaller than it is left over while larger
    ones still merge: one whose linked neighbours would all exceed
    ``max_size`` joins the one of highest affinity anyway, before any other
    merge, and those linked to no cluster at all (samples that no neighbour
    of theirs links back to, such as outliers) do not count towards
    ``n_clusters`` while the graph merges, and join the nearest mean at the
    end, as above.

    Parameters
    ----------
    W : sparse matrix of shape (n_samples, n_samples)
    n_clusters : int
    labels : ndarray of shape (n_samples,)
        Initial clusters (ints), at least ``n_clusters`` of them.
    n_cluster_neighbors : int, default=1
        ``K_c`` of :func:`merge_criterion`.
    lambda_ : float, default=0.0
    features : ndarray, Tensor or ArrayRows of shape (n_samples, n_features), default=None
        Used only in the disconnected case above (the rows of an
        :class:`~skdeepcluster.data.ArrayRows` are then read in one pass).
    max_size : int, default=None
        Largest cluster a graph-linked merge may create; None for no limit
        (plain GDL, which on overlapping classes tends to grow one giant
        cluster: see :class:`~skdeepcluster.JULEClustering`'s ``size_cap``).
    min_size : int, default=None
        Clusters smaller than this are merged first where ``max_size``
        blocks them, and when unlinked are left to the nearest-mean rule
        (see above); None for neither.

    Returns
    -------
    labels : ndarray of shape (n_samples,)
        Ints in ``range(max(n_clusters, n_initial))``, relabelled in order
        of first appearance of the surviving clusters.
    """
    W = sp.csr_matrix(W, dtype=np.float64)
    labels = np.unique(labels, return_inverse=True)[1].astype(np.intp)
    n_init = int(labels.max()) + 1
    if n_init <= n_clusters:
        return labels
    S, A = gdl_affinity(W, labels)
    s_rows = _sparse_rows(S)
    affinity = _sparse_rows(A)
    del S, A  # held as dicts from here; not alive beside W's column copy
    Wc = W.tocsc()
    size = np.bincount(labels, minlength=n_init).astype(np.float64)
    order = np.argsort(labels, kind="stable")
    members = [[m] for m in np.split(order, np.cumsum(size[:-1].astype(np.intp)))]
    # Python numbers from here: the loop reads them one at a time.
    size = size.tolist()
    alive = [True] * n_init
    version = [0] * n_init
    k_c = max(int(n_cluster_neighbors), 1)
    plain = k_c == 1 or lambda_ == 0  # the score is the highest affinity

    cap = np.inf if max_size is None else max_size
    small = 0 if min_size is None else min_size
    # Clusters small enough to be left over, linked to none: they join the
    # nearest mean after the graph merges (their affinities stay empty, as
    # merges of other clusters only add to linked pairs).
    n_unlinked = sum(1 for c in range(n_init) if not affinity[c] and size[c] < small)

    def strongest(pairs):
        """The (cluster, affinity) of highest affinity; ties to the lower id."""
        return max(pairs, key=lambda kv: (kv[1], -kv[0]))

    def entry(c):
        row = affinity[c]
        room = cap - size[c]
        allowed = [kv for kv in row.items() if size[kv[0]] <= room]
        if not allowed:
            if size[c] < small and row:
                return (-math.inf, c, version[c], strongest(row.items())[0])
            return None
        partner, best = strongest(allowed)
        if not plain:
            # Missing neighbours count as 0, so they add nothing to the sum.
            others = heapq.nlargest(k_c - 1, (v for key, v in row.items() if key != partner))
            best = _criterion(best, sum(others), k_c, lambda_)
        return (-best, c, version[c], partner)

    heap = [e for e in map(entry, range(n_init)) if e is not None]
    heapq.heapify(heap)
    n_alive = n_init
    while n_alive - n_unlinked > n_clusters and heap:
        _, i, ver, j = heapq.heappop(heap)
        if not alive[i] or ver != version[i]:
            continue
        keep, drop = (i, j) if size[i] >= size[j] else (j, i)
        moved = np.concatenate(members[drop])
        # S[c, new] = S[c, keep] + S[c, drop] + cross terms through the
        # samples next to the smaller cluster; S[new, c] = S[keep, c] + S[drop, c].
        col = _cross_terms(W, Wc, labels, keep, drop, moved)
        labels[moved] = keep
        members[keep].append(moved)
        members[drop] = None
        size[keep] += size[drop]
        size[drop] = 0
        alive[drop] = False
        n_alive -= 1
        row = s_rows[keep]
        for c, v in s_rows[drop].items():
            row[c] = row.get(c, 0.0) + v
        row.pop(keep, None)
        row.pop(drop, None)
        old = set(affinity[keep]) | set(affinity[drop])
        old.discard(keep)
        old.discard(drop)
        for c in old:
            s_c = s_rows[c]
            through = s_c.pop(keep, 0.0) + s_c.pop(drop, 0.0)
            if through:
                col[c] = col.get(c, 0.0) + through
            affinity[c].pop(keep, None)
            affinity[c].pop(drop, None)
        s_rows[drop] = affinity[drop] = None
        new_row = {}
        inv_new = 1.0 / size[keep] ** 2
        for c in set(row) | set(col):
            value = row.get(c, 0.0) / size[c] ** 2 + col.get(c, 0.0) * inv_new
            if value > 0:
                new_row[c] = value
                affinity[c][keep] = value
        for c, v in col.items():
            s_rows[c][keep] = v
        affinity[keep] = new_row
        for c in old | set(new_row) | {keep}:
            version[c] += 1
            e = entry(c)
            if e is not None:
                heapq.heappush(heap, e)
    if n_alive > n_clusters:
        _merge_unlinked(labels, members, np.array(size), np.array(alive), n_alive - n_clusters,
                        features)
    return np.unique(labels, return_inverse=True)[1]


def _sparse_rows(M):
    """The rows of a csr matrix as one ``{column: value}`` dict each (a
    row's Python numbers made as its dict is, never all of them in lists)."""
    M = sp.csr_matrix(M)
    indptr, indices, data = M.indptr.tolist(), M.indices, M.data
    return [dict(zip(indices[a:b].tolist(), data[a:b].tolist()))
            for a, b in zip(indptr[:-1], indptr[1:])]


def _cross_terms(W, Wc, labels, keep, drop, moved):
    """``{c: sum_{m in Cc} in_keep(m) out_drop(m) + in_drop(m) out_keep(m)}``:
    what merging cluster ``drop`` (samples ``moved``) into ``keep`` adds to
    ``S[c, keep] + S[c, drop]``. ``in_x(m)`` is the weight of the edges from
    cluster ``x`` into sample ``m``, ``out_x(m)`` that of the edges from ``m``
    into ``x``. Only samples linked to ``drop`` contribute, so the cost follows
    the smaller cluster's edges, never the size of ``keep``. ``W`` (csr) and
    ``Wc`` (its csc copy) are read through their arrays (:func:`_major_slice`):
    scipy's fancy indexing built a matrix per call and took most of a merge's
    time."""
    _, into_idx, into_data = _major_slice(W, moved)  # edges a -> m, a in drop: in_drop(m)
    _, out_idx, out_data = _major_slice(Wc, moved)  # edges m -> a, a in drop: out_drop(m)
    in_u, in_inv = np.unique(into_idx, return_inverse=True)
    out_u, out_inv = np.unique(out_idx, return_inverse=True)
    near = np.union1d(in_u, out_u)
    near = near[(labels[near] != keep) & (labels[near] != drop)]
    if near.size == 0:
        return {}
    in_drop = np.zeros(near.size)
    out_drop = np.zeros(near.size)
    pos = np.searchsorted(near, in_u)
    hit = (pos < near.size) & (near[np.minimum(pos, near.size - 1)] == in_u)
    in_drop[pos[hit]] = np.bincount(in_inv, weights=into_data)[hit]
    pos = np.searchsorted(near, out_u)
    hit = (pos < near.size) & (near[np.minimum(pos, near.size - 1)] == out_u)
    out_drop[pos[hit]] = np.bincount(out_inv, weights=out_data)[hit]
    in_keep = _sum_from(Wc, near, labels, keep)  # edges a -> m, a in keep
    out_keep = _sum_from(W, near, labels, keep)  # edges m -> a, a in keep
    cross = in_keep * out_drop + in_drop * out_keep
    linked = cross > 0
    if not linked.any():
        return {}
    clusters, inverse = np.unique(labels[near[linked]], return_inverse=True)
    return dict(zip(clusters.tolist(), np.bincount(inverse, weights=cross[linked]).tolist()))


def _major_slice(M, rows):
    """The entries of rows ``rows`` of a csr matrix (columns of a csc one),
    in the order ``M[rows]`` (``M[:, rows]``) would hold them: each entry's
    position in ``rows``, its minor index and its value."""
    starts = M.indptr[rows]
    lengths = M.indptr[np.asarray(rows) + 1] - starts
    owner = np.repeat(np.arange(len(starts)), lengths)
    offsets = np.arange(owner.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    at = np.repeat(starts, lengths) + offsets
    return owner, M.indices[at], M.data[at]


def _sum_from(M, rows, labels, cluster):
    """Per row of ``rows`` of a csr matrix (column of a csc one), the sum of
    its entries whose minor index belongs to ``cluster``."""
    owner, indices, data = _major_slice(M, rows)
    weights = np.where(labels[indices] == cluster, data, 0.0)
    return np.bincount(owner, weights=weights, minlength=len(rows))


def _merge_unlinked(labels, members, size, alive, n_merges, features):
    """Merge clusters that the graph leaves unlinked: the smallest joins the
    one with the nearest mean feature vector (or the next smallest)."""
    ids = np.flatnonzero(alive)
    if isinstance(features, ArrayRows):
        means = _streamed_means(features, [np.concatenate(members[c]) for c in ids])
    elif features is not None:
        # Each cluster's rows in float64, not a float64 copy of all of them.
        means = np.stack([np.asarray(features[np.concatenate(members[c])], dtype=np.float64).mean(0)
                          for c in ids])
    if features is not None:
        sq_norms = np.einsum("ij,ij->i", means, means)
    weights = size[ids].copy()
    live = np.ones(len(ids), dtype=bool)
    for _ in range(n_merges):
        candidates = np.flatnonzero(live)
        small = candidates[np.argmin(weights[candidates])]
        others = candidates[candidates != small]
        if features is not None:
            target = _nearest_mean(means, sq_norms, others, small)
            means[target] = (weights[target] * means[target] + weights[small] * means[small]) / (
                weights[target] + weights[small]
            )
            sq_norms[target] = means[target] @ means[target]
        else:
            target = others[np.argmin(weights[others])]
        labels[np.concatenate(members[ids[small]])] = ids[target]
        members[ids[target]] += members[ids[small]]
        weights[target] += weights[small]
        live[small] = False


#: Rows of cluster means that :func:`_nearest_mean` compares at once: about
#: this many float64 values (8 MiB) per temporary.
_MEANS_BLOCK_VALUES = 2**20


def _nearest_mean(means, sq_norms, others, small):
    """``others[argmin(((means[others] - means[small]) ** 2).sum(1))]``,
    the same row, at the cost of one matrix-vector product.

    ``|x|^2 + |y|^2 - 2 x.y`` (with ``sq_norms``, the rows' squared norms)
    is each squared distance to within ``n_features`` roundings of
    ``(|x| + |y|)^2``; the rows it cannot rule out (usually one) are then
    compared as the expression above does, a block of rows at a time (the
    same values: each row's sum is the same), and the first smallest
    wins, as ``argmin`` does. Every row is compared so when that bound
    does not hold (values that are not finite)."""
    x = means[small]
    n_features = means.shape[1]
    tolerance = 8 * (n_features + 4) * np.finfo(np.float64).eps
    approx = sq_norms[others] + sq_norms[small] - 2.0 * (means @ x)[others]
    slack = tolerance * (np.sqrt(sq_norms[others]) + np.sqrt(sq_norms[small])) ** 2
    upper = np.min(approx + slack)
    if np.isfinite(upper) and np.isfinite(slack).all():
        others = others[approx - slack <= upper * (1 + tolerance)]
    rows = max(1, _MEANS_BLOCK_VALUES // max(n_features, 1))
    sq_distances = np.empty(len(others))
    for start in range(0, len(others), rows):
        block = others[start : start + rows]
        sq_distances[start : start + rows] = ((means[block] - x) ** 2).sum(1)
    return others[np.argmin(sq_distances)]


def _streamed_means(rows, groups):
    """The mean row of each group of row indices of an
    :class:`~skdeepcluster.data.ArrayRows`, read chunk by chunk in one pass."""
    owner = np.full(len(rows), -1)
    for g, members in enumerate(groups):
        owner[members] = g
    sums = np.zeros((len(groups), rows.shape[1]))
    for chunk in rows.chunks():
        group = owner[chunk]
        keep = np.flatnonzero(group >= 0)
        indicator = sp.csr_matrix((np.ones(keep.size), (group[keep], keep)),
                                  shape=(len(groups), len(group)))
        sums += indicator @ rows[chunk].double().numpy()
    return sums / np.array([len(members) for members in groups], dtype=np.float64)[:, None]


def neighbor_vote(queries, reference, reference_labels, n_clusters, *, n_neighbors, sigma2, device="cpu"):
    """Cluster probabilities of new points from their nearest labelled points.

    Each query's ``n_neighbors`` nearest ``reference`` points (squared
    Euclidean distance ``d^2``) vote for their label with the graph weight
    ``exp(-d^2 / sigma2)``; the votes per cluster are divided by their total.
    Weights are taken relative to the nearest neighbour's, so far-away
    queries still get a distribution. A query that coincides with a
    reference point (squared distance below ``1e-12``, computed in float64)
    takes that point's label with probability one, so the training samples
    themselves get back their own labels.

    Parameters
    ----------
    queries : ndarray of shape (n_queries, n_features)
    reference : ndarray of shape (n_reference, n_features)
    reference_labels : ndarray of shape (n_reference,)
        Ints in ``range(n_clusters)``.
    n_clusters : int
    n_neighbors : int
        Capped at ``n_reference``.
    sigma2 : float
    device : str or torch.device, default="cpu"

    Returns
    -------
    proba : ndarray of shape (n_queries, n_clusters)
    """
    k = min(int(n_neighbors), len(reference))
    sq, idx = nearest_neighbors(reference, k, queries=queries, device=device, dtype=torch.float64)
    # exp(-(sq - sq[:, :1]) / sigma2) and row * n_clusters + label, in place
    # (the same values, no n_queries x k temporaries).
    weights = sq - sq[:, :1]
    weights /= -sigma2
    np.exp(weights, out=weights)
    coincide = sq[:, 0] <= SAME_POINT_SQ_DISTANCE
    weights[coincide, 1:] = 0.0
    flat = np.asarray(reference_labels).astype(np.int64, copy=False)[idx].ravel()
    flat += np.repeat(np.arange(len(sq)) * n_clusters, k)
    del idx
    votes = np.bincount(flat, weights=weights.ravel(), minlength=len(sq) * n_clusters)
    votes = votes.reshape(len(sq), n_clusters)
    return votes / votes.sum(1, keepdims=True)


#: Neighbours per sample of the graph :func:`spectral_clustering` cuts. On the
#: pretrained embeddings of DEPICT, DAMIC and DiscriminativeLatentClustering
#: (digits and the Fashion-MNIST test split, seed 0) 10, 15, 20 and 40
#: neighbours gave mean ACC 0.728, 0.737, 0.742, 0.743 and NMI 0.763, 0.762,
#: 0.756, 0.747 on L2-normalised rows, and 15 neighbours on the rows as they
#: are 0.732 and 0.761 (``benchmarks/results/init/``).
SPECTRAL_NEIGHBORS = 15

#: Groups per cluster of the merged roundings of :func:`spectral_clustering`'s
#: eigenvectors, tried beside plain k-means (``benchmarks/results/init/``).
#: 3 rather than 2 (doc/results.rst, ``results_oversegment3``): on the
#: pretrained codes of the digits, seeds 0-9, DAMIC's start rose from ACC
#: 0.917 to 0.947 and DEPICT's from 0.928 to 0.939; of 39 labelled sets
#: clustered as they are, five gained (the digits' pixels and subsets, iris'
#: NMI, breast cancer 0.879 -> 0.929) and one lost (make_classification,
#: 0.555 -> 0.538); on Fashion-MNIST's embeddings the plain rounding is
#: kept either way. DEPICT's embedding of iris, seed 2, went from 0.85 to
#: 0.73 (the merged rounding cuts less where two classes overlap).
SPECTRAL_OVERSEGMENT = (3,)

#: Share by which a merged rounding's normalised cut must undercut plain
#: k-means' for :func:`spectral_clustering` to return it. Where the merges
#: mend a rounding (a cluster split in two, two joined) the cut falls by
#: 7-100% (the digits' embeddings 10-15%); on Fashion-MNIST's embeddings,
#: where the merges join overlapping classes, the cut moves by a few percent
#: either way (``benchmarks/results/init/``).
NCUT_MARGIN = 0.05

#: Into two clusters, :func:`spectral_clustering` rounds the rows of the two
#: eigenvectors after the constant one (L2-normalised, Ng, Jordan and
#: Weiss's recipe with one vector more, which keeps classes of several
#: modes whole where there are more clusters), and the second of them cuts
#: a large cluster beside a small one in two (two Gaussians of 900 and 100
#: rows in 10-D: ACC 0.571). Shi and Malik's bipartition, k-means of the
#: first of them (the Fiedler vector) alone as it is, replaces the chosen
#: partition where its normalised cut is at most this fraction of the
#: chosen one's: 0.003-0.45 on such sets (ACC 0.988 there), 0.84-0.98 on
#: the other two-cluster sets measured (breast cancer, Gaussians of 700 and
#: 300 rows), whose partitions stay. With more
#: clusters the same rounding (k - 1 vectors) was not kept: on manual pages
#: it cut off small tight groups of pages at 0.46-0.57 of the cut, one set
#: gaining and one losing (doc/results.rst,
#: ``results_spectral_small_cluster``).
SHI_MALIK_CUT_FRACTION = 0.6


def connectivity_graph(X, n_neighbors, *, device="cpu"):
    """The symmetric k-nearest-neighbour graph that spectral clustering cuts.

    Each row is linked to its ``n_neighbors`` nearest rows (Euclidean
    distance, exact search, weight 1); the graph is made symmetric as
    ``(A + A') / 2``, so a mutual pair weighs 1 and a one-way link 1/2.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
    n_neighbors : int
        Capped at ``n_samples - 1``.
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    A : csr_matrix of shape (n_samples, n_samples)
    """
    return _graph_of(_connectivity_neighbors(X, n_neighbors, device))


def _connectivity_neighbors(X, n_neighbors, device):
    """The neighbour lists that :func:`connectivity_graph` links, one row
    per sample (a few bytes per neighbour: kept in their place while a
    large graph would be)."""
    X = torch.as_tensor(np.asarray(X), dtype=torch.float32)
    n_samples = X.shape[0]
    if n_samples < 2:
        raise ValueError("A neighbour graph needs at least two samples.")
    k = max(1, min(int(n_neighbors), n_samples - 1))
    return nearest_neighbors(X, k, device=device)[1]


def _graph_of(neighbors):
    """The graph of :func:`connectivity_graph` from its neighbour lists."""
    n_samples, k = neighbors.shape
    indptr = np.arange(0, n_samples * k + 1, k)
    A = sp.csr_matrix((np.ones(neighbors.size), neighbors.ravel(), indptr),
                      shape=(n_samples, n_samples))
    return 0.5 * (A + A.T)


def _spectral_embedding(neighbors, n_components, random_state):
    """``sklearn.manifold.spectral_embedding(A, n_components=n_components,
    eigen_solver="lobpcg", random_state=random_state)`` of the graph ``A``
    of the neighbour lists ``neighbors``, the same values, in less memory.

    scikit-learn holds the graph while LOBPCG runs; here it is dropped once
    its normalised Laplacian is made, and the caller builds it again from
    the lists (a fifth of its size). LOBPCG itself holds about a dozen
    blocks of ``n_samples x (n_components + 2)`` float64 values, more than
    the graph (on 500,000 samples of 15 neighbours, the graph 144 MiB and
    LOBPCG's peak 557 MiB). The steps are scikit-learn's (1.9): the
    Laplacian of :func:`scipy.sparse.csgraph.laplacian` with the diagonal
    set to 1 in CSR (DIA where it has at most seven diagonals), a start of
    ``n_components + 2`` standard normal columns, the first replaced by the
    square root of the degrees, the eigenvectors divided by it and their
    signs fixed, the first dropped; ``tests/test_graph.py`` checks the
    result against scikit-learn's, bit for bit. The warning that the
    graph is not connected is not given (spectral clustering expects such
    graphs).
    """
    n_nodes = len(neighbors)
    n_vectors = n_components + 1  # the first (constant over a component) dropped
    if n_nodes < 5 * n_vectors + 1:  # scikit-learn's dense solver: small graphs
        return spectral_embedding(_graph_of(neighbors), n_components=n_components,
                                  eigen_solver="lobpcg", random_state=random_state)
    random_state = check_random_state(random_state)
    laplacian, dd = csgraph_laplacian(_graph_of(neighbors), normed=True, return_diag=True)
    laplacian = laplacian.tocoo()  # what SciPy returns differs between releases
    laplacian.data[laplacian.row == laplacian.col] = 1.0
    if np.unique(laplacian.row - laplacian.col).size <= 7:
        laplacian = laplacian.todia()
    else:
        laplacian = laplacian.tocsr()
    _release_free_heap()  # the Laplacian's COO arrays, before LOBPCG's blocks
    start = random_state.standard_normal(size=(n_nodes, n_vectors + 1))
    start[:, 0] = dd.ravel()
    _, vectors = lobpcg(laplacian, start, tol=None, largest=False, maxiter=2000)
    del laplacian, start
    embedding = vectors.T[:n_vectors] / dd
    largest = np.argmax(np.abs(embedding), axis=1)
    embedding *= np.sign(embedding[np.arange(n_vectors), largest])[:, None]
    return embedding[1:n_vectors].T


def spectral_clustering(X, n_clusters, *, n_neighbors=SPECTRAL_NEIGHBORS,
                        oversegment=SPECTRAL_OVERSEGMENT, random_state=None, device="cpu"):
    """Spectral clustering of a symmetric k-nearest-neighbour graph.

    The graph (:func:`connectivity_graph`) links each row to its
    ``n_neighbors`` nearest rows. Where it falls apart into at least
    ``n_clusters`` pieces (clusters far apart), its pieces are the answer,
    joined two at a time by :func:`modularity_merge` (the smallest first)
    down to ``n_clusters``: such a partition cuts no edge. Otherwise the
    ``n_clusters`` leading eigenvectors of
    its normalised Laplacian are computed with LOBPCG and each sample's row of
    them is L2-normalised (Ng, Jordan and Weiss, 2002). Those rows are then
    rounded to a partition in more than one way, and the partition with the
    smallest normalised cut of the graph (the objective whose relaxation the
    eigenvectors solve, Shi and Malik 2000) is returned:

    * k-means (10 initialisations) into ``n_clusters``, the plain algorithm;
    * for each factor ``f`` in ``oversegment``, k-means into
      ``round(f * n_clusters)`` groups, joined two at a time, always the pair
      whose union raises the graph's modularity most
      (:func:`modularity_merge`), until ``n_clusters`` remain.

    Into two clusters, Shi and Malik's bipartition, k-means of the first
    eigenvector after the constant one (the Fiedler vector) alone, not
    normalised, replaces the partition chosen where its normalised cut is
    at most ``SHI_MALIK_CUT_FRACTION`` (0.6) of that one's: a large cluster
    beside a small one, which the rounding of two vectors cuts in two.

    The graph is sparse and the eigensolver iterative, so time and memory
    grow about linearly with the number of samples beyond the exact
    neighbour search (70,000 samples: a few seconds for the eigenvectors).

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_clusters : int
    n_neighbors : int, default=15
        Capped at ``n_samples // (2 * n_clusters)`` (half an average
        cluster; at least 1).
    oversegment : tuple of float, default=(3,)
        Groups per final cluster of the merged roundings, each above 1 (at
        most ``n_samples // 2`` groups); ``()`` keeps the plain algorithm
        alone.
    random_state : int or None, default=None
        Seeds the eigensolver's start and k-means.
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    labels : ndarray of shape (n_samples,)

    Notes
    -----
    k-means of the eigenvectors' rows can split an elongated cluster in two
    where it leaves two nearby ones joined (on DAMIC's and DEPICT's digits
    embeddings, the 1s in two parts while the 3s and 8s share one; on
    Gaussian blobs of unequal sizes, a large blob in two: where they are far
    enough apart for the graph to fall apart, the pieces now settle it).
    Cutting into more groups separates the joined pairs, and the parts of
    one cluster, which share far more edges than two clusters do, are
    joined again. Where classes overlap, the graph's most modular merges can
    differ from them (the tops of Fashion-MNIST); the normalised cut, which
    keeps clusters balanced in edge volume, then keeps the plain rounding.
    Measured in
    ``benchmarks/bench_init.py`` (User Guide, results page).

    References
    ----------
    A. Y. Ng, M. I. Jordan and Y. Weiss, "On Spectral Clustering: Analysis
    and an algorithm", NIPS 2002.
    J. Shi and J. Malik, "Normalized Cuts and Image Segmentation", IEEE
    TPAMI 22(8), 2000.
    M. E. J. Newman, "Fast algorithm for detecting community structure in
    networks", Physical Review E 69, 066133, 2004.
    """
    factors = tuple(oversegment)
    if any(not f > 1 for f in factors):
        raise ValueError(f"oversegment must hold factors above 1; got {oversegment!r}.")
    n_samples = len(X)
    neighbors = _connectivity_neighbors(X, _capped_neighbors(n_neighbors, n_samples, n_clusters),
                                        device)
    n_components = min(n_clusters, n_samples - 1)
    with warnings.catch_warnings():
        # A graph in several pieces is expected when clusters are far apart:
        # its eigenvectors then indicate the pieces, which is what is wanted.
        warnings.filterwarnings("ignore", message="Graph is not fully connected")
        # LOBPCG reports when it stops short of its (float64-eps) tolerance,
        # e.g. on a collapsed embedding or 500,000 codes; the vectors it
        # returns are still used. Its message spans lines (hence "(?s)").
        warnings.filterwarnings("ignore", message="(?s).*not reaching the requested tolerance")
        # On a few dozen samples scikit-learn falls back to a dense solver.
        warnings.filterwarnings("ignore", message=".*too small relative to the block size")
        vectors = _spectral_embedding(neighbors, n_components, random_state)
    A = _graph_of(neighbors)
    del neighbors
    # Whole pieces joined down to n_clusters cut no edge: the smallest
    # normalised cut there is, which the eigenvectors' rounding can miss (of
    # the vectors constant on each piece the first is dropped, and the next
    # vector splits the largest piece: Gaussian blobs of 600, 300 and 100
    # samples came out as 383, 317 and 300). The graph is built once, after
    # LOBPCG (which must not hold it), so the vectors are then computed for
    # nothing: one solve lost where the graph falls apart, rather than a
    # second build of every connected one.
    pieces = _joined_pieces(A, n_clusters)
    if pieces is not None:
        return pieces
    # Shi and Malik's bipartition: the Fiedler vector (after the constant one).
    fiedler = vectors[:, :1].copy() if n_clusters == 2 else None
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    best = KMeans(n_clusters, n_init=10, random_state=random_state).fit_predict(vectors)
    # A merged rounding must cut clearly less than the plain one to replace it.
    best_cut = (1.0 - NCUT_MARGIN) * normalized_cut(A, best)
    for n_groups in sorted({min(int(round(f * n_clusters)), n_samples // 2) for f in factors}):
        if n_groups <= n_clusters:
            continue
        groups = KMeans(n_groups, n_init=10, random_state=random_state).fit_predict(vectors)
        labels = modularity_merge(A, groups, n_clusters)
        cut = normalized_cut(A, labels)
        if cut < best_cut:
            best, best_cut = labels, cut
    if fiedler is not None:
        labels = KMeans(2, n_init=10, random_state=random_state).fit_predict(fiedler)
        if normalized_cut(A, labels) <= SHI_MALIK_CUT_FRACTION * normalized_cut(A, best):
            best = labels
    return best


def _spectral_graph(X, n_clusters, *, n_neighbors=SPECTRAL_NEIGHBORS, device="cpu"):
    """The neighbour graph that :func:`spectral_clustering` cuts ``X`` into
    ``n_clusters`` on: :func:`connectivity_graph` with ``n_neighbors`` capped
    at half an average cluster."""
    return connectivity_graph(X, _capped_neighbors(n_neighbors, len(X), n_clusters), device=device)


def _capped_neighbors(n_neighbors, n_samples, n_clusters):
    """No more neighbours than half an average cluster, so that on small
    data sets the lists stay inside clusters (50 samples, 3 blobs: 8, not
    15); at least 1."""
    return max(1, min(int(n_neighbors), n_samples // (2 * n_clusters)))


def _joined_pieces(A, n_clusters):
    """The connected pieces of the graph ``A`` joined by
    :func:`modularity_merge` down to ``n_clusters``, or None where it holds
    fewer pieces."""
    n_pieces, pieces = sp.csgraph.connected_components(A, directed=False)
    if n_pieces < n_clusters:
        return None
    return modularity_merge(A, pieces, n_clusters)


def separated_pieces(X, n_clusters, *, n_neighbors=SPECTRAL_NEIGHBORS, distinct=False,
                     device="cpu"):
    """The partition of :func:`spectral_clustering` where the rows fall apart.

    Where the neighbour graph that :func:`spectral_clustering` cuts (the
    same ``n_neighbors``, capped the same way) falls apart into at least
    ``n_clusters`` pieces, those pieces joined by :func:`modularity_merge`
    down to ``n_clusters``, which is then what :func:`spectral_clustering`
    returns, without its eigenvectors; otherwise None. One exact neighbour
    search of ``X``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    n_clusters : int
    n_neighbors : int, default=15
    distinct : bool, default=False
        Build the graph on the distinct rows of ``X``, each copy taking its
        row's piece: a group of more than ``n_neighbors`` copies of one row
        has only copies for neighbours, and is otherwise a piece of its own
        wherever no other row counts a copy among its neighbours (the codes
        of manual pages, 399 of 1,825 rows copies: pieces of 133, 23, 20 and
        17 rows beside 1,632; doc/results.rst, ``results_text_order``).
    device : str or torch.device, default="cpu"
        Where the neighbour search runs.

    Returns
    -------
    labels : ndarray of shape (n_samples,) or None
    """
    copies = None
    if distinct:
        X, copies = np.unique(X, axis=0, return_inverse=True)
        copies = copies.ravel()
        if len(X) < max(n_clusters, 2):
            return None
    labels = _joined_pieces(_spectral_graph(X, n_clusters, n_neighbors=n_neighbors, device=device), n_clusters)
    return labels if labels is None or copies is None else labels[copies]


def normalized_cut(A, labels):
    """The normalised cut of a partition of a graph.

    ``sum_c cut(c) / vol(c)`` (Shi and Malik 2000), with ``cut(c)`` the edge
    weight from cluster ``c`` to the others and ``vol(c)`` the sum of its
    nodes' degrees.

    Parameters
    ----------
    A, labels
        The graph and the integer cluster of each node, as ``A`` and
        ``groups`` of :func:`modularity_merge`.

    Returns
    -------
    cut : float
        Between 0 (no edge between clusters) and the number of clusters.
    """
    volume, inside = _cluster_volumes(A, labels)
    return float(np.sum((volume - inside) / np.maximum(volume, np.finfo(float).tiny)))


def _cluster_volumes(A, labels):
    """``(volume, inside)``, one value per cluster of ``labels`` (integers):
    the sum of its nodes' degrees in the graph ``A``, and the part of it on
    edges inside the cluster; a partition's normalised cut and its
    modularity are made of these two sums."""
    A = sp.coo_matrix(A)
    labels = np.asarray(labels)
    n_labels = labels.max() + 1
    volume = np.bincount(labels[A.row], weights=A.data, minlength=n_labels)
    inside = np.bincount(labels[A.row], weights=A.data * (labels[A.row] == labels[A.col]),
                         minlength=n_labels)
    return volume, inside


def modularity_merge(A, groups, n_clusters):
    """Join groups of a graph's nodes, the most modular pair first.

    Each step merges the two groups whose union raises the modularity of
    ``A`` most, ``dQ = 2 (e_ab - a_a a_b)``, with ``e_ab`` the share of the
    graph's edge weight between groups ``a`` and ``b`` and ``a_a`` the share
    of ``a``'s degree (Newman 2004), until ``n_clusters`` groups remain.

    Parameters
    ----------
    A : sparse matrix of shape (n_samples, n_samples)
        Symmetric, non-negative edge weights.
    groups : ndarray of shape (n_samples,)
        Integer group of each node.
    n_clusters : int

    Returns
    -------
    labels : ndarray of shape (n_samples,), ints in ``range(n_groups)``
        where ``n_groups = min(n_clusters, number of groups given)``.
    """
    _, groups = np.unique(groups, return_inverse=True)
    n_groups = groups.max() + 1
    P = sp.csr_matrix((np.ones(len(groups)), (np.arange(len(groups)), groups)),
                      shape=(len(groups), n_groups))
    between = (P.T @ A @ P).toarray()
    between /= max(between.sum(), np.finfo(float).tiny)
    degree = between.sum(1)
    alive = np.ones(n_groups, dtype=bool)
    root = np.arange(n_groups)
    for _ in range(n_groups - n_clusters):
        gain = between - np.outer(degree, degree)
        gain[~alive] = -np.inf
        gain[:, ~alive] = -np.inf
        np.fill_diagonal(gain, -np.inf)
        a, b = np.unravel_index(np.argmax(gain), gain.shape)
        between[a] += between[b]
        between[:, a] += between[:, b]
        degree[a] += degree[b]
        alive[b] = False
        root[root == b] = a
    return np.unique(root[groups], return_inverse=True)[1]
