"""Loss functions and target distributions: tensors in, tensors out.

Shapes use ``N`` for samples, ``K`` for clusters and ``D`` for features.
"""

import math

import torch

from .geometry import cosine_similarities, normalise_rows

__all__ = [
    "balanced_targets",
    "neighbor_smoothed",
    "soft_cross_entropy",
    "depict_objective",
    "layerwise_reconstruction_loss",
    "weighted_triplet_loss",
    "reconstruction_distances",
    "damic_loss",
    "damic_responsibilities",
    "discriminative_loss",
    "between_cluster_similarity",
    "within_cluster_similarity",
    "centroid_similarity",
]

#: Exponents ``(a, b)`` of the target rule ``q_ik ∝ p_ik**a / f_k**b``.
TARGET_RULES = {
    # The authors' released code, used for all their datasets.
    "squared": (2.0, 1.0),
    # Eq. (7) of Ghasedi Dizaji et al. (2017).
    "sqrt": (1.0, 0.5),
}


def balanced_targets(log_p, rule="squared"):
    """DEPICT's auxiliary target distribution Q, in log space.

    ``q_ik ∝ p_ik**a / f_k**b`` with ``f_k = sum_i p_ik``; ``rule="squared"``
    uses ``(a, b) = (2, 1)`` (the authors' code), ``rule="sqrt"`` uses
    ``(1, 1/2)`` (eq. 7 of the paper). Computed stably as
    ``log q = a log p - b log f - logsumexp_k(a log p - b log f)``.

    Parameters
    ----------
    log_p : Tensor of shape (N, K)
        Log-probabilities of the cluster assignments of *all* samples
        (``f`` is a sum over samples).
    rule : {"squared", "sqrt"}, default="squared"

    Returns
    -------
    log_q : Tensor of shape (N, K)
        Rows are normalised: ``log_q.exp().sum(1) == 1``.

    References
    ----------
    K. Ghasedi Dizaji et al., "Deep Clustering via Joint Convolutional
    Autoencoder Embedding and Relative Entropy Minimization", ICCV 2017.
    """
    a, b = TARGET_RULES[rule]
    log_f = torch.logsumexp(log_p, dim=0, keepdim=True)
    scores = a * log_p - b * log_f
    return scores - torch.logsumexp(scores, dim=1, keepdim=True)


def neighbor_smoothed(log_p, neighbors, self_weight=0.5):
    """Log-probabilities averaged with those of each sample's neighbours.

    ``p'_i = self_weight * p_i + (1 - self_weight) * mean_{j in N(i)} p_j``,
    returned in log space (clamped at the smallest normal float32).

    Parameters
    ----------
    log_p : Tensor of shape (N, K)
        Log-probabilities of all samples.
    neighbors : Tensor of int of shape (N, k)
        Row ``i`` holds the indices of the ``k`` neighbours of sample ``i``.
    self_weight : float, default=0.5
        Weight of the sample's own probabilities.

    Returns
    -------
    log_p_smoothed : Tensor of shape (N, K)
        Rows are normalised.
    """
    p = log_p.exp()
    smoothed = self_weight * p + (1.0 - self_weight) * p[neighbors.long()].mean(1)
    return smoothed.clamp_min(torch.finfo(torch.float32).tiny).log()


def soft_cross_entropy(q, log_p):
    """Mean cross-entropy ``-1/N sum_ik q_ik log p_ik`` between targets and predictions.

    Parameters
    ----------
    q : Tensor of shape (N, K)
        Target probabilities (rows sum to one); no gradient flows into them.
    log_p : Tensor of shape (N, K)
        Predicted log-probabilities.

    Returns
    -------
    Tensor, scalar
    """
    return -(q.detach() * log_p).sum(dim=1).mean()


def depict_objective(log_p, log_q):
    """DEPICT's clustering objective, eq. (4): ``KL(Q||P) + KL(f||u)``.

    ``KL(Q||P) = 1/N sum_ik q_ik (log q_ik - log p_ik)``; ``f_k = 1/N sum_i q_ik``
    and ``u_k = 1/K``.

    Parameters
    ----------
    log_p, log_q : Tensor of shape (N, K)

    Returns
    -------
    Tensor, scalar (non-negative)
    """
    q = log_q.exp()
    kl_qp = (q * (log_q - log_p)).sum(dim=1).mean()
    f = q.mean(dim=0)
    n_clusters = log_p.shape[1]
    kl_fu = (f * (torch.log(f.clamp_min(1e-30)) + math.log(n_clusters))).sum()
    return kl_qp + kl_fu


def layerwise_reconstruction_loss(reconstructions, targets, hidden_weight=0.1):
    """DEPICT's reconstruction loss over the input and every hidden layer.

    ``MSE(x_hat, x) + hidden_weight * sum_l MSE(z_hat_l, z_l)``: each term is
    a mean over the elements of its layer, which is the paper's
    ``1/|z^l| ||z^l - z_hat^l||^2`` averaged over the batch (eq. 12); the hidden
    terms carry the weight 0.1 of the authors' code.

    Parameters
    ----------
    reconstructions : list of Tensor
        ``[x_hat, z_hat_1, ..., z_hat_{L-1}]`` from the decoder (noisy pathway).
    targets : list of Tensor
        ``[x, z_1, ..., z_{L-1}]`` from the clean encoder, same shapes; no
        gradient flows into them.
    hidden_weight : float, default=0.1

    Returns
    -------
    Tensor, scalar
    """
    if len(reconstructions) != len(targets):
        raise ValueError(
            f"Got {len(reconstructions)} reconstructions for {len(targets)} targets."
        )
    loss = torch.mean((reconstructions[0] - targets[0].detach()) ** 2)
    for rec, target in zip(reconstructions[1:], targets[1:]):
        loss = loss + hidden_weight * torch.mean((rec - target.detach()) ** 2)
    return loss


def weighted_triplet_loss(z, labels, *, gamma=1.0, margin=0.2, n_negatives=5):
    """JULE's weighted triplet loss over the triplets of one batch.

    Every ordered pair ``(a, p)`` of distinct batch samples with the same
    label is an anchor-positive pair; its negatives are the ``n_negatives``
    samples of other labels nearest to ``a`` in the batch (eq. 11 of Yang et
    al., 2016, with negatives searched among ``K_c`` neighbours). The loss
    is the mean over those triplets of
    ``max(0, gamma * ||a - p||^2 - ||a - n||^2 + margin)``.

    Parameters
    ----------
    z : Tensor of shape (N, D)
        Embeddings (JULE's are L2-normalised).
    labels : Tensor of shape (N,)
        Cluster labels.
    gamma : float, default=1.0
        Weight of the anchor-positive distance (the authors' code uses 1,
        the paper's Table 2 lists 2).
    margin : float, default=0.2
    n_negatives : int, default=5
        ``K_c``.

    Returns
    -------
    loss : Tensor, scalar
        Zero (with a gradient graph) when the batch holds no triplet.
    """
    sq_norm = (z * z).sum(1)
    d2 = (sq_norm[:, None] + sq_norm[None, :] - 2.0 * (z @ z.T)).clamp_min(0)
    same = labels[:, None] == labels[None, :]
    positive = same & ~torch.eye(len(z), dtype=torch.bool, device=z.device)
    k = min(int(n_negatives), len(z) - 1)
    if k < 1 or not positive.any():
        return z.sum() * 0.0
    negative_d2, _ = d2.masked_fill(same, math.inf).topk(k, dim=1, largest=False)
    valid = positive[:, :, None] & torch.isfinite(negative_d2)[:, None, :]
    if not valid.any():
        return z.sum() * 0.0
    finite_neg = torch.where(torch.isfinite(negative_d2), negative_d2, torch.zeros_like(negative_d2))
    terms = torch.relu(gamma * d2[:, :, None] - finite_neg[:, None, :] + margin)
    return terms[valid].mean()


def reconstruction_distances(x, reconstructions):
    """DAMIC's per-sample reconstruction error of every autoencoder,
    ``d_c(x) = 1/2 ||x - f_c(x)||^2`` (a sum over features, not a mean).

    Parameters
    ----------
    x : Tensor of shape (N, D)
    reconstructions : Tensor of shape (K, N, D)
        ``f_c(x)`` of each of the ``K`` autoencoders.

    Returns
    -------
    d : Tensor of shape (N, K)
    """
    return 0.5 * ((reconstructions - x.unsqueeze(0)) ** 2).sum(dim=2).T


def damic_loss(log_p, d):
    """DAMIC's loss, eq. (3): ``-1/N sum_t log sum_c p(c|x_t) exp(-d_c(x_t))``.

    Computed stably as ``-mean_t logsumexp_c(log p_tc - d_tc)``; the mean
    over the samples of a batch replaces the paper's sum (the same optimum).

    Parameters
    ----------
    log_p : Tensor of shape (N, K)
        ``log p(c | x)`` of the clustering network.
    d : Tensor of shape (N, K)
        Reconstruction errors (:func:`reconstruction_distances`).

    Returns
    -------
    Tensor, scalar

    References
    ----------
    S. E. Chazan, S. Gannot and J. Goldberger, "Deep clustering based on a
    mixture of autoencoders", IEEE MLSP 2019.
    """
    return -torch.logsumexp(log_p - d, dim=1).mean()


def damic_responsibilities(log_p, d):
    """DAMIC's soft assignments, eq. (5):
    ``w_tc = p(c|x_t) exp(-d_c(x_t)) / sum_j p(j|x_t) exp(-d_j(x_t))``.

    Parameters
    ----------
    log_p, d : Tensor of shape (N, K)

    Returns
    -------
    w : Tensor of shape (N, K)
        Rows sum to one; ``softmax(log_p - d)`` computed stably.
    """
    return torch.softmax(log_p - d, dim=1)


# ------------------------------------------------------------------ DDLSC
# Tzoreff, Kogan and Choukroun, "Deep Discriminative Latent Space for
# Clustering", arXiv:1805.10795 (2018). Every function takes the raw codes
# ``z`` and normalises them itself: ``z~_i = z_i / ||z_i||``.


def discriminative_loss(z, anchors, alpha=0.2):
    """DDLSC's pairwise discriminative loss with anchors, eq. (5).

    ``L_d = 1/(N(N-1) - |A|) sum_{i != j, (i,j) not in A} |C_ij|
    - (1 - alpha)/|A| sum_{(i,j) in A} C_ij`` with ``C`` the cosine
    similarities of the codes. The diagonal (constant 1) is left out of the
    first sum, so the first term is the mean ``|C_ij|`` over non-anchor
    pairs; the second term is 0 when there is no anchor.

    Parameters
    ----------
    z : Tensor of shape (N, D)
        Codes of the batch.
    anchors : bool Tensor of shape (N, N)
        Anchor pairs (see :func:`~skdeepcluster.geometry.select_anchors`);
        the diagonal is ignored.
    alpha : float, default=0.2
        Discount of the anchors' pull, ``alpha < 1``.

    Returns
    -------
    Tensor, scalar
    """
    # The sum of |C| over all pairs, less the diagonal and the anchors,
    # whose similarities are computed from their pairs of codes: the one
    # N x N matrix is C itself (half the time of masking it, fwd + bwd).
    n = z.shape[0]
    z = normalise_rows(z)
    C = z @ z.T
    rows, cols = anchors.nonzero(as_tuple=True)
    off_diagonal = rows != cols
    rows, cols = rows[off_diagonal], cols[off_diagonal]
    n_anchors = rows.numel()
    anchored = (z[rows] * z[cols]).sum(1)
    diagonal = (z * z).sum(1)  # 1, or 0 for a zero code
    others = C.abs().sum() - diagonal.sum() - anchored.abs().sum()
    loss = others / max(n * (n - 1) - n_anchors, 1)
    pull = anchored.sum() / max(n_anchors, 1)
    return loss - (1.0 - alpha) * pull


def _cluster_sizes_and_onehot(labels, n_clusters, dtype):
    onehot = torch.nn.functional.one_hot(labels, n_clusters).to(dtype)
    return onehot, onehot.sum(0)


def between_cluster_similarity(z, labels, n_clusters):
    """DDLSC's worst-case between-cluster similarity ``L_b``, eq. (9).

    ``L_b = max_{k != l} 1/(|C_k||C_l|) sum_{i in C_k, j in C_l} |C_ij|`` over
    the pairs of clusters present in the batch (0 when fewer than two are).

    Parameters
    ----------
    z : Tensor of shape (N, D)
    labels : int Tensor of shape (N,)
        Hard assignments, in ``range(n_clusters)``.
    n_clusters : int

    Returns
    -------
    Tensor, scalar
    """
    onehot, sizes = _cluster_sizes_and_onehot(labels, n_clusters, z.dtype)
    pair_sums = onehot.T @ cosine_similarities(z).abs() @ onehot  # (K, K)
    present = sizes > 0
    valid = present[:, None] & present[None, :]
    valid.fill_diagonal_(False)
    if not bool(valid.any()):
        return z.sum() * 0.0
    means = pair_sums / (sizes[:, None] * sizes[None, :]).clamp_min(1)
    return means[valid].max()


def within_cluster_similarity(z, labels, n_clusters):
    """DDLSC's within-cluster similarity ``L_w``, eq. (10).

    ``L_w = sum_k 1/|C_k|^2 sum_{i,j in C_k} C_ij = sum_k ||mean_{i in C_k}
    z~_i||^2`` over the clusters present in the batch (self-pairs included,
    as in the paper). It is maximised.

    Parameters
    ----------
    z : Tensor of shape (N, D)
    labels : int Tensor of shape (N,)
    n_clusters : int

    Returns
    -------
    Tensor, scalar in [0, n_clusters]
    """
    onehot, sizes = _cluster_sizes_and_onehot(labels, n_clusters, z.dtype)
    means = (onehot.T @ normalise_rows(z)) / sizes.clamp_min(1)[:, None]  # (K, D)
    return means.pow(2).sum()


def centroid_similarity(z, centroids, labels):
    """DDLSC's clustering objective ``L_c`` (eq. 7) as a mean over the batch.

    ``1/N sum_i mu_{s_i}' z~_i``: the mean cosine similarity of each code to
    the centroid of its cluster. It is maximised. (The paper sums over the
    batch; the mean keeps the weights of the regularisers independent of the
    batch size.)

    Parameters
    ----------
    z : Tensor of shape (N, D)
    centroids : Tensor of shape (K, D)
        Unit-norm centroids; no gradient flows into them.
    labels : int Tensor of shape (N,)
        Hard assignments ``s_i``.

    Returns
    -------
    Tensor, scalar in [-1, 1]
    """
    return (normalise_rows(z) * centroids.detach()[labels]).sum(1).mean()
