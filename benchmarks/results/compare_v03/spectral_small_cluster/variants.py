"""Exploratory: which eigenvectors spectral_clustering rounds.

``current``: the package's, eigenvectors 2..k+1 of the random-walk form (the
first, constant, dropped; k vectors for k clusters). ``njw``: Ng, Jordan and
Weiss's, the first k eigenvectors of the symmetric normalised Laplacian (the
first, sqrt of the degrees, kept). ``rw``: the first k of the random-walk
form (the constant kept). ``kminus1``: eigenvectors 2..k (k-1 vectors).
Rows are L2-normalised and rounded by the package's code in every case.
SPECTRAL_VARIANT selects one (patch of graph._spectral_embedding)."""
import os, warnings
import numpy as np
from skdeepcluster import graph
from sklearn.manifold import spectral_embedding

_original = graph._spectral_embedding


def _variant(neighbors, n_components, random_state):
    variant = os.environ.get("SPECTRAL_VARIANT", "current")
    if variant == "current":
        return _original(neighbors, n_components, random_state)
    if variant == "kminus1":
        return _original(neighbors, n_components, random_state)[:, :max(1, n_components - 1)]
    A = graph._graph_of(neighbors)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vectors = spectral_embedding(A, n_components=n_components, drop_first=False,
                                     eigen_solver="lobpcg", random_state=random_state)
    if variant == "rw":
        return vectors
    if variant == "njw":
        degree = np.asarray(A.sum(axis=1)).ravel() - A.diagonal()
        return vectors * np.sqrt(degree)[:, None]
    raise ValueError(variant)


graph._spectral_embedding = _variant


# ---------------------------------------------------------------- pick
# SPECTRAL_PICK=1: spectral_clustering as the package's, plus one more
# candidate rounding: k-means of the row-normalised [constant, v2..vk]
# (the first k eigenvectors of the random-walk form, Ng-Jordan-Weiss's
# span), which replaces the best of the others where its normalised cut
# is below (1 - NCUT_MARGIN) times that one's.
from sklearn.cluster import KMeans  # noqa: E402
import skdeepcluster.base as _base  # noqa: E402

_original_spectral = graph.spectral_clustering


def spectral_pick(X, n_clusters, *, n_neighbors=graph.SPECTRAL_NEIGHBORS,
                  oversegment=graph.SPECTRAL_OVERSEGMENT, random_state=None, device="cpu"):
    mode = os.environ.get("SPECTRAL_PICK", "0")
    if mode == "0" or n_clusters < 2:
        return _original_spectral(X, n_clusters, n_neighbors=n_neighbors, oversegment=oversegment,
                                  random_state=random_state, device=device)
    factors = tuple(oversegment)
    n_samples = len(X)
    neighbors = graph._connectivity_neighbors(X, graph._capped_neighbors(n_neighbors, n_samples, n_clusters), device)
    n_components = min(n_clusters, n_samples - 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vectors = _original(neighbors, n_components, random_state)
    A = graph._graph_of(neighbors)
    pieces = graph._joined_pieces(A, n_clusters)
    if pieces is not None:
        return pieces
    # the NJW-span candidate: constant column + the first k-1 nontrivial vectors
    kind = os.environ.get("SPAN_KIND", "njw_n")
    if kind == "sm":  # Shi and Malik: the k - 1 vectors after the constant, rows as they are
        span = vectors[:, :n_clusters - 1].copy()
    else:
        c = 1.0 / np.sqrt(n_samples) if kind == "njw_n" else 1.0 / np.sqrt(graph._graph_of(neighbors).sum())
        span = np.hstack([np.full((n_samples, 1), c), vectors[:, :n_clusters - 1]])
        span /= np.maximum(np.linalg.norm(span, axis=1, keepdims=True), 1e-12)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    best = KMeans(n_clusters, n_init=10, random_state=random_state).fit_predict(vectors)
    best_cut = (1.0 - graph.NCUT_MARGIN) * graph.normalized_cut(A, best)
    for n_groups in sorted({min(int(round(f * n_clusters)), n_samples // 2) for f in factors}):
        if n_groups <= n_clusters:
            continue
        groups = KMeans(n_groups, n_init=10, random_state=random_state).fit_predict(vectors)
        labels = graph.modularity_merge(A, groups, n_clusters)
        cut = graph.normalized_cut(A, labels)
        if cut < best_cut:
            best, best_cut = labels, cut
    # best_cut is (1 - margin) x the chosen one's cut unless a merge won
    chosen_cut = graph.normalized_cut(A, best)
    labels = KMeans(n_clusters, n_init=10, random_state=random_state).fit_predict(span)
    cut = graph.normalized_cut(A, labels)
    if os.environ.get("PICK_VERBOSE"):
        print(f"      [pick] n={n_samples} k={n_clusters} chosen ncut {chosen_cut:.4f}  njw-span ncut {cut:.4f}  ratio {cut / max(chosen_cut, 1e-300):.3f}", flush=True)
    factor = (1.0 - graph.NCUT_MARGIN) if mode in ("1", "scaled") else float(mode)
    if cut < factor * chosen_cut:
        best = labels
    return best


graph.spectral_clustering = spectral_pick
_base.spectral_clustering = spectral_pick
import skdeepcluster.jule as _jule  # noqa: E402
_jule.spectral_clustering = spectral_pick
