"""The geometry of a batch of codes, for the methods that cluster by
cosine similarity: unit-norm rows, their cosine similarities, the closest
pairs of a batch (DDLSC's anchors) and spherical centroids (mean directions).

Tensors in, tensors out; ``N`` is the number of samples, ``K`` of clusters
and ``D`` of dimensions. The losses built on them are in
:mod:`skdeepcluster.losses`; "the paper" below is Tzoreff, Kogan and
Choukroun, "Deep Discriminative Latent Space for Clustering",
arXiv:1805.10795 (2018).
"""

import torch

__all__ = [
    "normalise_rows",
    "cosine_similarities",
    "select_anchors",
    "spherical_centroids",
]


def normalise_rows(z, eps=1e-12):
    """The rows of ``z`` scaled to unit L2 norm, ``z~_i = z_i / ||z_i||``.

    Parameters
    ----------
    z : Tensor of shape (N, D)
    eps : float, default=1e-12
        Floor of the norms: a zero row stays zero.

    Returns
    -------
    Tensor of shape (N, D)
    """
    return z / z.norm(dim=1, keepdim=True).clamp_min(eps)


def cosine_similarities(z):
    """The cosine similarity matrix ``C = Z~ Z~'`` of the rows of ``z``.

    Parameters
    ----------
    z : Tensor of shape (N, D)
        Raw codes; a zero row gets similarity 0 with every row.

    Returns
    -------
    C : Tensor of shape (N, N)
    """
    z = normalise_rows(z)
    return z @ z.T


@torch.no_grad()
def select_anchors(x, n_neighbors=5, fraction=0.1, skip_empty=False):
    """DDLSC's anchor pairs of a batch: the closest pairs of its k-NN graph.

    A k-nearest-neighbour graph is built on the rows of ``x`` (the batch's
    original, scaled inputs) with Euclidean distances; of its
    ``N * n_neighbors`` directed edges, the ``fraction`` with the smallest
    distances (the most confident, section 3.1 of the paper) become anchor
    pairs. The mask is made symmetric, since ``C`` is.

    Parameters
    ----------
    x : Tensor of shape (N, F)
    n_neighbors : int, default=5
        Neighbours per sample (capped at ``N - 1``); the paper takes
        ``k < K``.
    fraction : float in [0, 1], default=0.1
        Share of the graph's edges kept as anchors (at least one edge when
        positive).
    skip_empty : bool, default=False
        Leave the rows with no non-zero value out of the graph (for rows of
        the sparse kind: a text with no word left shares nothing with any
        other, yet it is at distance 1 from every unit-norm row, nearer than
        most rows' own neighbours; in a batch of 1,000 fortunes texts with 4
        such rows, 2,668 of the 2,837 anchor pairs held one of them).

    Returns
    -------
    anchors : bool Tensor of shape (N, N)
        Symmetric, with a False diagonal.
    """
    n = x.shape[0]
    anchors = torch.zeros(n, n, dtype=torch.bool, device=x.device)
    k = min(int(n_neighbors), n - 1)
    if k < 1 or fraction <= 0:
        return anchors
    x = x.reshape(n, -1).float()
    squared = x.pow(2).sum(1)
    # Row i's order of ||x_j||^2 - 2 x_i'x_j is that of its squared
    # distances (one fused N x N operation); ||x_i||^2 is added to the k kept.
    d2 = torch.addmm(squared[None, :], x, x.T, alpha=-2.0)
    d2.fill_diagonal_(float("inf"))
    if skip_empty:
        empty = squared == 0
        d2[empty] = float("inf")
        d2[:, empty] = float("inf")
    distances, neighbors = d2.topk(k, dim=1, largest=False)
    distances = (distances + squared[:, None]).clamp_min(0.0)
    n_edges = int(torch.isfinite(distances).sum())  # all but those of skipped rows
    if n_edges == 0:
        return anchors
    n_keep = min(n_edges, max(1, int(round(fraction * n_edges))))
    if n_keep < distances.numel():
        keep = distances.reshape(-1).topk(n_keep, largest=False).indices
    else:
        keep = torch.arange(n_keep, device=x.device)
    rows = torch.div(keep, k, rounding_mode="floor")
    cols = neighbors.reshape(-1)[keep]
    anchors[rows, cols] = True
    return anchors | anchors.T


@torch.no_grad()
def spherical_centroids(z, labels, n_clusters, previous=None):
    """Unit-norm centroids maximising ``L_c`` (eq. 7) for fixed assignments.

    ``mu_k = sum_{i in C_k} z~_i / ||sum_{i in C_k} z~_i||``: the normalised
    mean direction of each cluster (step 3 of the paper's Algorithm 2).

    Parameters
    ----------
    z : Tensor of shape (N, D)
    labels : int Tensor of shape (N,)
    n_clusters : int
    previous : Tensor of shape (K, D), optional
        Centroids kept for clusters with no member (or whose members cancel
        out); without it such a centroid is zero.

    Returns
    -------
    centroids : Tensor of shape (K, D)
    """
    onehot = torch.nn.functional.one_hot(labels, n_clusters).to(z.dtype)
    sums = onehot.T @ normalise_rows(z)
    norms = sums.norm(dim=1, keepdim=True)
    centroids = sums / norms.clamp_min(1e-12)
    if previous is not None:
        centroids = torch.where(norms > 1e-12, centroids, previous.to(centroids))
    return centroids
