"""DEPICT: deep clustering by a softmax head on a (convolutional) autoencoder
trained with balanced relative-entropy targets."""

from functools import partial
from numbers import Integral, Real

import numpy as np
import scipy.optimize
import scipy.special
import torch

from ._compat import Interval, StrOptions
from .base import (
    BaseDeepClustering,
    INIT_CONSTRAINT,
    INIT_SPACES,
    NARROW_MAX_FEATURES,
    check_positive_ints,
    cluster_means,
    embedding_collapsed,
    input_capped_sizes,
    warn_if_collapsed,
)
from .distributed import on_rank_zero
from .graph import nearest_neighbors
from .losses import (
    TARGET_RULES,
    balanced_targets,
    depict_objective,
    layerwise_reconstruction_loss,
    neighbor_smoothed,
    soft_cross_entropy,
)
from .nn import build_depict_conv, build_depict_mlp, glorot_init_
from .training import adam, set_learning_rate, train_epoch

__all__ = ["DEPICTClustering"]

#: The authors' fully connected autoencoder's hidden layers.
PAPER_HIDDEN_SIZES = (500, 500)

#: ``hidden_layer_sizes="auto"`` caps each of PAPER_HIDDEN_SIZES at this
#: multiple of the number of input features: inputs of 63 features or more
#: (the digits' 64 pixels, Fashion-MNIST's 784) keep the authors' layers,
#: tabular data gets narrower ones (iris 32, wine 104, breast cancer 240
#: units). The same inputs get an embedding as wide as these layers
#: (:func:`auto_embedding_dim`).
AUTO_WIDTH_RATIO = 8

#: The embedding of wide inputs (images, 63 features or more) has at least
#: this many units: the paper's one unit per cluster saturated its tanh units
#: with two or three clusters, which then ended in one cluster (the digits'
#: pixels, pairs 0/1, 1/7, 4/9 and triples 0-2, 3/5/8: ACC 0.34-0.51 with
#: one cluster used, against 0.91-1.00 with 10 units; two Fashion-MNIST
#: classes of 1,000 images 0.500 -> 0.970; 8x8 images of 0 and 1 through the
#: convolutional network 0.569 -> 1.000; doc/results.rst,
#: ``results_depict_few_clusters``). With 10 or more clusters (the digits,
#: Fashion-MNIST) the embedding is the paper's.
MIN_EMBEDDING_DIM = 10

#: Where the pretraining diverged (its last epoch's loss more than
#: DIVERGED_LOSS_RATIO times its first's) or the pretrained embedding
#: collapsed (every tanh unit at the same bound for every sample: a
#: clustering of it is meaningless), a new network is pretrained once more
#: at ``learning_rate`` times SATURATED_RETRY_RATE, the authors' 1e-4 with
#: the default. Diverged pretrainings measured ended at 7 to 290 times their
#: first loss, healthy ones (every named data set) at 0.02 to 0.82 of it;
#: doc/results.rst, ``results_depict_saturation``.
SATURATED_RETRY_RATE = 0.1
DIVERGED_LOSS_RATIO = 2.0

#: The softmax weights start as the L2-normalised cluster means times this
#: factor (the authors' initialisation), so that the first predictions follow
#: the initial clustering instead of being nearly uniform ...
HEAD_INIT_SCALE = 10.0

#: ... and are then fitted to the initial labels (:func:`fitted_head`):
#: multinomial logistic regression of the labels on the clean embedding, by
#: at most this many L-BFGS iterations, with this L2 penalty on the weights.
#: The cosine to the cluster means alone reproduced a graph start poorly
#: (ARI to the start labels 0.82-0.85 on the digits, 0.68-0.82 on iris,
#: 0.50 on one seed of the check_clustering blobs, whose clusters the joint
#: phase then lost; 0.93-0.95, 0.98 and 1.0 with the fit at 1e-4; 1e-2 kept
#: the weights too small to follow the start: 0.80-0.87 on the digits;
#: :ref:`results_depict_head_fit`).
HEAD_FIT_L2 = 1e-4
HEAD_FIT_ITERATIONS = 100

#: With ``target_neighbors``, each sample's clean probabilities keep this
#: weight and the mean of its neighbours' the rest before the targets.
TARGET_SELF_WEIGHT = 0.5

#: When the start is made on a narrow input (``init_on_ == "input"``, at most
#: ``base.NARROW_MAX_FEATURES`` features), the start's labels stay the
#: targets of the joint phase until the network's labels agree with them on
#: all but a fraction ``tol`` of the samples, for at most this many epochs:
#: the embedding, a smooth map of such an input, was not learned to separate
#: the start's clusters, so the head fitted to it follows them only in part
#: (two moons: 88% of the start's labels), and the paper's targets, computed
#: from the network's own predictions from the first epoch on, kept that
#: part. On the wide tf-idf rows of text, whose start is made on the input
#: too, the paper's targets improved the start, and holding it lost
#: (:ref:`results_depict_shapes`). With ``n_epochs="auto"`` the phase ends
#: there, as DAMIC's joint phase is skipped after such a start: after a
#: Gaussian mixture's start on held-out tables the paper's targets moved
#: Ionosphere from 0.815 to 0.614 and the others by 0 to +0.023
#: (:ref:`results_mixture_start`). An int ``n_epochs`` runs the paper's
#: targets after the hold.
START_HOLD_EPOCHS = 30

#: The "auto" budget of each phase, in gradient steps
#: (:func:`~skdeepcluster.training.epochs_for_steps`): parameter name ->
#: (epochs, at least this many steps, at most this many steps).
AUTO_BUDGETS = {
    "n_pretrain_epochs": (100, 0, 20_000),
    "n_epochs": (100, 0, 20_000),
}

#: The "auto" budgets for images (``image_shape`` set), the same way: a step
#: of the convolutional network took about 0.09 s of CPU at batch 100
#: against about 0.02 s for the MLP's on 784 features (1 thread), and on
#: the Fashion-MNIST test split the spectral start stopped improving after
#: about 1,500 pretraining steps (see the parameters' docstrings).
IMAGE_AUTO_BUDGETS = {
    "n_pretrain_epochs": (100, 0, 1_500),
    "n_epochs": (100, 0, 1_000),
}


def fitted_head(embedding, labels, centres):
    """Softmax weights and biases that reproduce ``labels`` from ``embedding``.

    Starts from the authors' initialisation (the L2-normalised ``centres``
    times :data:`HEAD_INIT_SCALE`, no bias) and fits the weights and biases
    to the labels by SciPy's L-BFGS-B on the mean cross-entropy plus
    :data:`HEAD_FIT_L2` times the squared weights (on the CPU, in float64;
    ``torch.optim.LBFGS`` in float32 reached the same loss to six digits
    on the digits and iris, but its first use in a process imports
    ``torch._dynamo``: see :class:`~skdeepcluster.training.Adam`).

    Parameters
    ----------
    embedding : ndarray of shape (n_samples, embedding_dim)
    labels : ndarray of shape (n_samples,), ints in ``range(n_clusters)``
    centres : ndarray of shape (n_clusters, embedding_dim)

    Returns
    -------
    weight : Tensor of shape (n_clusters, embedding_dim)
    bias : Tensor of shape (n_clusters,)
    """
    Z = np.asarray(embedding, dtype=np.float64)
    n_clusters, dim = centres.shape
    onehot = np.eye(n_clusters)[np.asarray(labels)]
    norms = np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    start = np.concatenate([(HEAD_INIT_SCALE * centres / norms).ravel(), np.zeros(n_clusters)])

    def loss_and_gradient(theta):
        weight, bias = theta[:-n_clusters].reshape(n_clusters, dim), theta[-n_clusters:]
        log_p = scipy.special.log_softmax(Z @ weight.T + bias, axis=1)
        residual = (np.exp(log_p) - onehot) / len(Z)
        loss = -(onehot * log_p).sum() / len(Z) + HEAD_FIT_L2 * (weight ** 2).sum()
        gradient = np.concatenate([(residual.T @ Z + 2 * HEAD_FIT_L2 * weight).ravel(),
                                   residual.sum(axis=0)])
        return loss, gradient

    theta = scipy.optimize.minimize(loss_and_gradient, start, jac=True, method="L-BFGS-B",
                                    options={"maxiter": HEAD_FIT_ITERATIONS}).x
    weight = torch.as_tensor(theta[:-n_clusters].reshape(n_clusters, dim), dtype=torch.float32)
    return weight, torch.as_tensor(theta[-n_clusters:], dtype=torch.float32)


def auto_embedding_dim(n_clusters, n_features=None, hidden_layer_sizes=()):
    """The embedding width when ``embedding_dim=None``: ``n_clusters`` (the
    paper's), but at least ``MIN_EMBEDDING_DIM`` (10) for images
    (``n_features=None``) and flat inputs of more than
    ``base.NARROW_MAX_FEATURES`` (62) features, where fewer units saturated
    with two or three clusters; for narrower flat inputs no fewer than the
    units of the last hidden layer (``hidden_layer_sizes``, the input's
    features when there is none; ``hidden_layer_sizes="auto"`` gives layers
    of 8 units a feature, at least 16, narrower than the authors').

    Squeezing a low-dimensional table into one unit per cluster drops what
    k-means on the standardised features uses (wine: 13 features into 3),
    and an embedding no wider than the input is close to a smooth map of
    it, whose clusters the linear softmax head can only cut by lines: two
    moons or two rings, started exactly on the input, ended near a straight
    cut (ARI 0.59 and 0.00 with 2 units for 2 features; 0.99 and 1.0 with
    16 and the start held; :ref:`results_depict_shapes`).
    """
    if n_features is not None and n_features <= NARROW_MAX_FEATURES:
        return max(n_clusters, *hidden_layer_sizes[-1:], n_features)
    return max(n_clusters, MIN_EMBEDDING_DIM)


class DEPICTClustering(BaseDeepClustering):
    """DEPICT deep clustering (Ghasedi Dizaji et al., ICCV 2017).

    A softmax layer on the embedding of a denoising autoencoder. After a
    reconstruction-only pretraining, the softmax is initialised from a
    clustering of the embedding, then the whole network is trained to match
    balanced targets ``Q`` (recomputed every epoch from the clean pathway)
    with the predictions of the noisy pathway, while reconstructing every
    layer of the clean encoder.

    Images (``image_shape`` set) use the paper's convolutional autoencoder;
    flat features use a fully connected one with the same losses.

    Read more in the :ref:`User Guide <depict>`.

    Parameters
    ----------
    n_clusters : int or "auto", default=10
        The number of clusters. ``"auto"`` estimates it on the pretrained
        embedding with :func:`~skdeepcluster.estimate_n_clusters` (at most
        ``max_clusters``) and keeps it in ``n_clusters_``; the softmax head
        is then built with that many units (see the
        :ref:`User Guide <auto_k>`).
    max_clusters : int or None, default=None
        With ``n_clusters="auto"``, the largest number of clusters
        considered: at least 2 and at most ``n_samples``; None means
        ``min(50, n_samples)``. An estimate that reaches it (below
        ``n_samples``) warns. Ignored when ``n_clusters`` is an int.
    image_shape : tuple (C, H, W), "auto" or None, default=None
        Shape of each sample when the rows of ``X`` are flattened images
        (channels first). ``"auto"`` means square single-channel images.
        None treats ``X`` as flat features and uses the MLP autoencoder.
    hidden_layer_sizes : "auto" or tuple of int, default="auto"
        Widths of the hidden layers of the MLP autoencoder (flat features
        only). ``"auto"`` is the authors' ``(500, 500)``, each layer at most
        8 times as wide as the input (at least 16 units): 63 features or
        more (the digits' 64 pixels, Fashion-MNIST) keep ``(500, 500)``,
        iris gets ``(32, 32)``, wine ``(104, 104)``, breast cancer ``(240,
        240)``. With this and the embedding below, on iris, wine and breast
        cancer (seeds 0-4, ACC) DEPICT reached 0.831, 0.953 and 0.935
        against 0.832, 0.901 and 0.912 with ``(500, 500)`` and an embedding
        of ``n_clusters`` (k-means: 0.833, 0.966, 0.907), in a quarter to
        a half of the CPU time (:ref:`results_tabular_s7`).
    n_filters : int, default=50
        Feature maps of each convolution (images only).
    embedding_dim : int, default=None
        Size of the embedding; None uses ``n_clusters`` as in the paper, but
        at least 10 units (``MIN_EMBEDDING_DIM``: with one unit per cluster,
        two or three clusters of the digits' pixels saturated them and ended
        in one cluster, ACC 0.34-0.51 against 0.91-1.00 with 10), and 10 (the
        default ``n_clusters``) with ``n_clusters="auto"``, since the
        embedding is learned before the number of clusters is estimated.
        For flat features narrower than 63 (where ``"auto"`` narrows the
        hidden layers), None gives the embedding as many units as those
        layers (8 per feature, at least 16, with ``"auto"``;
        :func:`auto_embedding_dim`).
        With the start held (``init_on``), on two moons and two rings of 2
        features ARI 0.99 and 1.0 against 0.59 and 0.00 with 2 units; on
        iris, wine and breast cancer (seeds 0-4) ACC 0.853, 0.949 and 0.913
        against 0.853, 0.954 and 0.917 with as many units as features
        (:ref:`results_depict_shapes`). Pass ``embedding_dim=n_clusters`` and
        ``hidden_layer_sizes=(500, 500)`` for the authors' network.
    dropout : float, default=0.1
        Dropout rate of the noisy pathway (before each convolution or hidden
        layer of the encoder).
    cluster_input_dropout : float or "auto", default="auto"
        Dropout rate of the noisy pathway on the input itself during the
        clustering phase (the pretraining's denoising drops the input at
        ``dropout``, as the authors do in both phases). ``"auto"`` is
        ``dropout`` for images (``image_shape`` set) and 0 for flat
        features, where a dropped feature is gone rather than carried by its
        neighbouring pixels: with it, the clustering phase broke up good
        starts on inputs of few features (3,000 Fashion-MNIST images pooled
        to 7x7, 49 flat features: a start of 0.621 / 0.625 ACC / NMI ended
        at 0.434 / 0.508, seed 0, and at 0.634 / 0.636 without), while the
        digits kept their figures; see
        :ref:`results_depict_input_dropout`.
    hidden_weight : float, default=0.1
        Weight of each hidden layer's reconstruction loss, next to weight 1
        for the input.
    scaling : {"auto", "minmax", "standard", "global", "maxabs"} or None, default="auto"
        Input scaling learned in ``fit``: ``"standard"`` standardises each
        feature (each pixel) and makes the reconstruction linear, as
        ``"global"`` does (each feature centred, all divided by one spread:
        the root mean square of their standard deviations);
        ``"minmax"`` maps the global range of ``X`` to [0, 1] and makes the
        reconstruction a tanh, for flat features that share one unit such as
        pixels; ``"maxabs"`` divides ``X`` by its largest absolute value;
        ``"auto"`` is ``"minmax"`` for 16 or more flat features
        that share one unit (none negative, similar ranges: pixels as flat
        rows; or the same range for every feature: pixels normalised by a
        global mean and standard deviation), ``"maxabs"`` for other input of
        the sparse kind (none negative, at least 90% zeros: tf-idf or count
        rows, see the
        :ref:`User Guide <scaling>`) and ``"standard"`` otherwise, images
        included, but ``"global"`` for flat features whose ranges are within
        a factor 100 of each other (``scaling_`` says which was used). The authors map images to
        [-1, 1] with a tanh reconstruction; with the convolutional network
        and this estimator's learning rate that saturated the tanh embedding
        within the first epochs on both the digits and Fashion-MNIST (all
        samples in one cluster), which ``"standard"`` avoids.
    target_rule : {"squared", "sqrt"}, default="squared"
        Balanced targets ``q_ik ∝ p_ik^2 / f_k`` (the authors' code) or
        ``q_ik ∝ p_ik / f_k^(1/2)`` (eq. 7 of the paper), with
        ``f_k = sum_i p_ik``.
    target_neighbors : int, default=5
        Before each epoch's targets are computed, each sample's clean
        probabilities are averaged (weight 1/2 each) with the mean of those
        of its ``target_neighbors`` nearest neighbours in the current
        embedding (exact search, once per epoch; a k-d tree on the CPU from
        20,000 samples when the embedding has at most 20 dimensions, 3.1 s
        of CPU at 70,000 against 23.5 s, :ref:`results_knn_tree`), so that
        a sample predicted unlike its neighbours is pulled towards them; 0
        gives the paper's targets. On the digits (seeds 0-2) ACC / NMI 0.946 / 0.922 against
        0.939 / 0.908 with 0 (UMAP + GMM 0.884 / 0.911), on the
        Fashion-MNIST test split 0.600 / 0.667 against 0.597 / 0.658 as
        flat rows and 0.606 / 0.656 against 0.602 / 0.647 as 28x28 images;
        with neighbours of the pretrained embedding, fixed for the whole
        phase, the digits gained as much but Fashion-MNIST lost (0.610 /
        0.660 and 0.591 / 0.654; :ref:`results_depict_target_neighbors`).
    init : {"auto", "spectral", "gmm", "kmeans", "gdl"} or clusterer, default="auto"
        The initial clustering of the pretrained embedding (or of the
        input: ``init_on``): it is the first target ``Q`` (one-hot,
        Algorithm 1 of the paper) and sets the softmax head: the authors'
        scaled L2-normalised cluster means, then fitted to the initial labels
        (logistic regression on the embedding, :func:`fitted_head`), so
        that the joint phase starts from this clustering (the means alone
        reproduced a spectral start of the digits with an ARI of 0.82-0.85
        to it; :ref:`results_depict_head_fit`). ``"spectral"`` is
        spectral clustering of a 15-nearest-neighbour graph of the embedding
        (:func:`~skdeepcluster.graph.spectral_clustering`), which follows
        the manifold of the embedding rather than its convex regions;
        ``"gdl"`` is
        agglomerative clustering by graph degree linkage on a 20-NN graph of
        the L2-normalised embedding
        (:class:`~skdeepcluster.gdl.GDLClustering`), the graph-based kind
        of initialisation the authors used on small sets; ``"kmeans"`` is
        k-means++ with 20 initialisations; ``"gmm"`` is a Gaussian mixture
        with full covariances started from k-means
        (:func:`~skdeepcluster.mixture.mixture_clustering`); ``"auto"`` is
        ``"gmm"`` where the start is made on a narrow table itself
        (``init_on``; not pixels scaled as one unit, not of the sparse kind,
        not principal components whose neighbour graph shows the clusters:
        iris 0.853 -> 0.967, Zoo 0.604 -> 0.795, :ref:`results_mixture_start`)
        and ``"spectral"`` elsewhere (measured against the others in the
        :ref:`benchmarks <bench_init>`). Into two clusters on the codes, ``"auto"``
        takes k-means' partition of them instead where it has the smaller
        cluster, a clearly higher silhouette and a normalised cut of their
        neighbour graph not much larger
        (:func:`~skdeepcluster.base.compact_pair`: a rare class beside a
        large one, :ref:`results_compact_pair`). Any object with
        ``fit_predict`` returning at most ``n_clusters`` labels (e.g. a
        :class:`~sklearn.mixture.GaussianMixture`) can be passed.
    init_on : {"auto", "codes", "input"}, default="auto"
        What ``init`` clusters: the pretrained embedding (the paper), or the
        scaled input itself. ``"auto"`` is ``"input"`` for inputs of at
        most 62 features (tables of measured variables) or of the sparse
        kind (none negative, at least 90% zeros: text as tf-idf rows) and
        ``"codes"`` for the others (pixels, embeddings), as in
        :class:`~skdeepcluster.DAMICClustering`. On the tf-idf rows of the
        fortunes corpus the codes started at NMI 0.31 and the input at 0.42
        (seeds 0 and 1, :ref:`results_sparse_kind`); such an input's rows
        with no non-zero value (texts with no word left) are left out of
        the start and join the cluster whose mean is nearest to them
        (:ref:`results_damic_many`). The softmax head is fitted
        to the start's labels on the embedding either way. Seeds 0-9, ACC of
        the codes -> the input (both with the fitted head): iris 0.810 ->
        0.855, wine and breast cancer level, 3,000 Fashion-MNIST images
        reduced to 10 features by PCA 0.582 -> 0.606, the digits reduced to
        20 features (300 rows) 0.754 -> 0.847
        (:ref:`results_depict_head_fit`). A start on an input of at most 62
        features stays the target of the clustering phase until the network
        reproduces it (all but a fraction ``tol`` of its labels) or for at
        most 30 epochs (``START_HOLD_EPOCHS``), since the embedding was not
        trained to separate its clusters (two moons: ARI 0.99 against 0.64
        without, with the same embedding); on the tf-idf rows of text the
        clustering phase's own targets improved the start, and holding it
        lost (the fortunes corpus, seeds 0-2, ACC / NMI 0.653 / 0.423
        against 0.679 / 0.476; :ref:`results_depict_shapes`). With
        ``n_clusters="auto"`` the number of clusters is still estimated on
        the embedding (``init_on_`` holds the choice made).
    n_pretrain_epochs : int or "auto", default="auto"
        Epochs of reconstruction-only pretraining. ``"auto"`` is 100 epochs,
        but at most 20,000 gradient steps: 100 epochs up to 20,000 samples
        (in batches of 100), 29 on all 70,000 Fashion-MNIST images, so that
        large data sets do not pretrain seven times longer than the
        Fashion-MNIST test split for the same number of updates. For images
        (``image_shape`` set) ``"auto"`` is 100 epochs but at most 1,500
        steps (15 epochs on the 10,000-image Fashion-MNIST test split,
        where the authors' schedule had no fixed length and 100 epochs took
        876 s of CPU): there the spectral start's ACC / NMI after 1,000,
        1,500 and 2,500 steps were 0.585 / 0.640, 0.588 / 0.644 and 0.586 /
        0.642 for seed 0, 0.605 / 0.673, 0.619 / 0.681 and 0.607 / 0.676
        for seed 1 (:ref:`results_depict_images_budget`, which also gives
        what longer pretraining did).
    n_epochs : int or "auto", default="auto"
        Maximum epochs of the joint clustering phase. ``"auto"`` is 100
        epochs, but at most 20,000 gradient steps, as for the pretraining:
        100 epochs up to 20,000 samples, 29 on all 70,000 Fashion-MNIST
        images (where 100 epochs, 70,000 steps, ran without meeting ``tol``;
        :ref:`results_depict_70k`). For images ``"auto"`` is 100 epochs but
        at most 1,000 steps (10 epochs on 10,000 images): on the
        Fashion-MNIST test split (seed 0, after 1,500 pretraining steps) the
        phase moved the start's 0.588 / 0.644 to 0.594 / 0.638 in 10 epochs
        and to 0.594 / 0.636 in 15, at about 8 s of CPU an epoch. After a
        start on a narrow input (``init_on_ == "input"``, at most 62
        features) ``"auto"`` ends the phase where the start's labels stop
        being its targets: once the network reproduces the start, or after
        ``START_HOLD_EPOCHS`` epochs; an int runs the paper's targets after
        that.
    learning_rate : float, default=1e-3
        Adam's learning rate of the pretraining phase (and of the clustering
        phase when ``cluster_learning_rate`` is None). Where the pretraining
        diverges (its last epoch's loss more than twice its first's) or its
        embedding collapses, a new network is pretrained once more at a
        tenth of it (the authors' 1e-4): on two-class subsets of
        Fashion-MNIST six of twenty fits had ended in one cluster so
        (:ref:`results_depict_saturation`).
    cluster_learning_rate : float or None, default=1e-4
        Adam's learning rate of the clustering phase (the authors' 1e-4);
        None uses ``learning_rate``. With 1e-3 there, the clustering phase
        drifted away from the spectral start: on the Fashion-MNIST test split
        (seeds 0-2) the start's NMI of 0.662 fell to 0.633 (ACC 0.599), with
        1e-4 it ended at 0.658 (ACC 0.597), and on the digits at 0.889 (ACC
        0.906) against 0.888 (0.899); see ``doc/results.rst``.
    batch_size : int, default=100
        Mini-batch size (per process in a :ref:`distributed fit <distributed>`).
    tol : float, default=1e-3
        The clustering phase stops once the fraction of samples whose label
        changed during an epoch falls below ``tol``.
    device : str or torch.device, default="auto"
        ``"auto"`` trains on CUDA when available, else on the CPU.
    random_state : int, RandomState instance or None, default=None
        Seeds weight initialisation, shuffling, dropout and the initial
        clustering. An int gives the same labels run to run on the CPU.
    verbose : int, default=0
        0 is silent; 1 shows a progress bar (tqdm) per phase with its loss.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
        Cluster of each training sample (argmax of the clean probabilities).
    n_clusters_ : int
        The number of clusters: ``n_clusters``, or its estimate with
        ``"auto"``. ``predict_proba`` has this many columns.
    init_labels_ : ndarray of shape (n_samples,)
        The initial clustering of the pretrained embedding (or of the input:
        ``init_on``).
    init_on_ : {"codes", "input"}
        What the initial clustering clustered (``init_on`` resolved).
    init_ : str or estimator
        The initial clustering's clusterer: ``init``, with ``"auto"``
        resolved (``"kmeans"`` where it took k-means' compact pair).
    network_ : torch.nn.Module
        The trained autoencoder with its softmax head.
    input_shape_ : tuple (C, H, W) or None
        The image shape used, or None for flat features.
    scale_offset_, scale_factor_ : ndarray of shape (n_features,)
        The input scaling: the network sees ``(X - offset) * factor``.
    history_ : list of dict
        One record per epoch: ``phase`` ("pretrain" or "cluster", and
        "pretrain (again, at a lower rate)" where the first pretraining
        diverged: ``learning_rate``), ``epoch``, ``loss`` and, for the
        clustering phase, ``label_change``.
    n_iter_ : int
        Epochs run in the clustering phase.
    interrupted_ : bool
        True when training was stopped by ``KeyboardInterrupt``.
    device_ : torch.device
        The device the network was trained on.
    n_features_in_ : int
        Number of features seen during fit.
    feature_names_in_ : ndarray of shape (`n_features_in_`,)
        Names of features seen during fit, when ``X`` has string column names.

    See Also
    --------
    sklearn.cluster.KMeans : The baseline DEPICT is compared with.

    Notes
    -----
    Differences from the paper, following the authors' code: the targets
    use the squared rule by default; hidden
    reconstruction terms are weighted 0.1; clean-pathway targets carry no
    gradient. Where the authors stop on a labelled validation split, this
    estimator uses no labels: it stops when fewer than ``tol`` of the labels
    change in an epoch. Its pretraining learning rate is 1e-3 (the authors'
    is 1e-4) so that small data sets converge in few epochs, its clustering
    phase keeps the authors' 1e-4; the initial
    clustering is spectral clustering of the embedding's neighbour graph at
    every size (the authors used the graph-based AC-PIC on small sets and
    k-means on large ones). On flat features of fewer than 63 dimensions
    (tabular data) the hidden layers are narrower than the authors' 500 units
    and the embedding is as wide as them (``hidden_layer_sizes`` and
    ``embedding_dim``), and a start made on such an input is held as the
    target until the network reproduces it (``init_on``). On images the
    pretraining and the clustering phase stop after at most 1,500 and 1,000
    gradient steps (the paper
    pretrains "for a while"; see ``n_pretrain_epochs`` and ``n_epochs``).
    Each epoch's targets are computed from probabilities averaged over each
    sample's nearest neighbours in the embedding (``target_neighbors``; the
    paper's targets with 0). ``score`` is
    minus the paper's objective (eq. 4).

    References
    ----------
    K. Ghasedi Dizaji, A. Herandi, C. Deng, W. Cai and H. Huang, "Deep
    Clustering via Joint Convolutional Autoencoder Embedding and Relative
    Entropy Minimization", ICCV 2017.

    Examples
    --------
    >>> from sklearn.datasets import load_digits
    >>> from skdeepcluster import DEPICTClustering
    >>> X = load_digits().data
    >>> model = DEPICTClustering(n_clusters=10, image_shape="auto",
    ...                          n_pretrain_epochs=2, n_epochs=2, random_state=0)
    >>> labels = model.fit_predict(X)
    >>> labels.shape, model.predict_proba(X[:3]).shape, model.transform(X[:3]).shape
    ((1797,), (3, 10), (3, 10))
    """

    _auto_budgets = AUTO_BUDGETS
    _image_auto_budgets = IMAGE_AUTO_BUDGETS

    _parameter_constraints: dict = {
        **BaseDeepClustering._parameter_constraints,
        "hidden_layer_sizes": [StrOptions({"auto"}), tuple, list],
        "n_filters": [Interval(Integral, 1, None, closed="left")],
        "embedding_dim": [None, Interval(Integral, 1, None, closed="left")],
        "dropout": [Interval(Real, 0, 1, closed="left")],
        "cluster_input_dropout": [Interval(Real, 0, 1, closed="left"), StrOptions({"auto"})],
        "hidden_weight": [Interval(Real, 0, None, closed="left")],
        "target_rule": [StrOptions(set(TARGET_RULES))],
        "target_neighbors": [Interval(Integral, 0, None, closed="left")],
        "init": INIT_CONSTRAINT,
        "init_on": [StrOptions({"auto", *INIT_SPACES})],
        "n_pretrain_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "n_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "cluster_learning_rate": [None, Interval(Real, 0, None, closed="neither")],
        "tol": [Interval(Real, 0, None, closed="left")],
    }

    def __init__(
        self,
        n_clusters=10,
        *,
        max_clusters=None,
        image_shape=None,
        hidden_layer_sizes="auto",
        n_filters=50,
        embedding_dim=None,
        dropout=0.1,
        cluster_input_dropout="auto",
        hidden_weight=0.1,
        scaling="auto",
        target_rule="squared",
        target_neighbors=5,
        init="auto",
        init_on="auto",
        n_pretrain_epochs="auto",
        n_epochs="auto",
        learning_rate=1e-3,
        cluster_learning_rate=1e-4,
        batch_size=100,
        tol=1e-3,
        device="auto",
        random_state=None,
        verbose=0,
    ):
        self.n_clusters = n_clusters
        self.max_clusters = max_clusters
        self.image_shape = image_shape
        self.hidden_layer_sizes = hidden_layer_sizes
        self.n_filters = n_filters
        self.embedding_dim = embedding_dim
        self.dropout = dropout
        self.cluster_input_dropout = cluster_input_dropout
        self.hidden_weight = hidden_weight
        self.scaling = scaling
        self.target_rule = target_rule
        self.target_neighbors = target_neighbors
        self.init = init
        self.init_on = init_on
        self.n_pretrain_epochs = n_pretrain_epochs
        self.n_epochs = n_epochs
        self.learning_rate = learning_rate
        self.cluster_learning_rate = cluster_learning_rate
        self.batch_size = batch_size
        self.tol = tol
        self.device = device
        self.random_state = random_state
        self.verbose = verbose

    # ------------------------------------------------------------- network
    def _build_network(self, n_features, n_clusters, initialise):
        output = "tanh" if self.scaling_ == "minmax" else None
        if self.input_shape_ is None:
            if isinstance(self.hidden_layer_sizes, str):  # "auto"
                sizes = input_capped_sizes(PAPER_HIDDEN_SIZES, n_features, AUTO_WIDTH_RATIO)
            else:
                sizes = check_positive_ints(self.hidden_layer_sizes, "hidden_layer_sizes")
            embedding_dim = self.embedding_dim or auto_embedding_dim(
                self._width_clusters(), n_features, sizes)
            factory = partial(
                build_depict_mlp, n_features, n_clusters, embedding_dim=embedding_dim,
                hidden_layer_sizes=sizes, dropout=self.dropout, output=output,
            )
        else:
            embedding_dim = self.embedding_dim or auto_embedding_dim(self._width_clusters())
            factory = partial(
                build_depict_conv, self.input_shape_, n_clusters,
                embedding_dim=embedding_dim, n_filters=self.n_filters,
                dropout=self.dropout, output=output,
            )
        return self._build_module(factory, initialise)

    def _resize_head(self, n_clusters, n_features, trainer):
        """Rebuild the network with a softmax head of ``n_clusters`` units,
        keeping the pretrained encoder and decoder (the head is set from the
        initial clustering next)."""
        pretrained = self.network_
        kept = {key: value for key, value in pretrained.state_dict().items()
                if not key.startswith("head.")}
        self.network_ = self._build_network(
            n_features, n_clusters, lambda module: module.load_state_dict(kept, strict=False)
        )
        trainer.modules.remove(pretrained)
        trainer.modules.append(self.network_)

    def _batch_losses(self, x, noise):
        """Reconstruction loss and noisy log-probabilities of one batch."""
        network = self.network_
        with torch.no_grad():
            clean = network.encode_layers(x)
        noisy = network.encode_layers(x, noise)
        reconstructions = network.decode_layers(noisy[-1])
        rec = layerwise_reconstruction_loss(reconstructions, clean[:-1], self.hidden_weight)
        return rec, network.log_proba(noisy[-1])

    def _embed_batch(self, x):
        return self.network_.embed(x)

    def _log_proba_batch(self, x):
        return self.network_.log_proba(self.network_.embed(x))

    def _embed_and_log_proba_batch(self, x):
        embedding = self.network_.embed(x)
        return embedding, self.network_.log_proba(embedding)

    def _cluster_input_dropout(self):
        """``cluster_input_dropout`` with ``"auto"`` resolved."""
        if self.cluster_input_dropout == "auto":
            return self.dropout if self.input_shape_ is not None else 0.0
        return self.cluster_input_dropout

    def _targets(self, embedding, log_p):
        """Balanced targets ``Q`` from the clean pathway, each sample's
        probabilities first averaged with its ``target_neighbors`` nearest
        neighbours' in the embedding."""
        n_neighbors = min(self.target_neighbors, len(embedding) - 1)
        if n_neighbors > 0:
            neighbors = nearest_neighbors(embedding, n_neighbors, device=self.device_)[1]
            log_p = neighbor_smoothed(log_p, torch.as_tensor(neighbors), TARGET_SELF_WEIGHT)
        return balanced_targets(log_p, self.target_rule).exp()

    # ----------------------------------------------------------------- fit
    def _fit(self, X, random_state, trainer):
        cpu_gen, noise = self._generators(random_state)
        n_samples = X.shape[0]
        n_pretrain = self._epochs("n_pretrain_epochs", n_samples)
        device = self.device_
        optimizer = None

        def pretrain_loss(idx):
            return self._batch_losses(X[idx].to(device), noise)[0]

        def pretrain_epoch(epoch):
            self.network_.train()
            loss = train_epoch(pretrain_loss, optimizer, n_samples, self.batch_size, cpu_gen, rows=X)
            return {"loss": loss}

        def pretrain(phase, learning_rate):
            """A new network (in place of the one before, if any) and its
            optimizer at ``learning_rate``, pretrained: the losses of its
            epochs and its clean embedding of ``X``."""
            nonlocal optimizer
            if optimizer is not None:
                trainer.modules.remove(self.network_)
            self.network_ = self._build_network(
                X.shape[1], self._width_clusters(), partial(glorot_init_, generator=cpu_gen)
            )
            trainer.modules.append(self.network_)
            optimizer = adam(self.network_.parameters(), lr=learning_rate)
            n_done = trainer.run(phase, n_pretrain, pretrain_epoch)
            losses = [record["loss"] for record in trainer.history[len(trainer.history) - n_done:]]
            return losses, self._apply(self._embed_batch, X).numpy().astype(np.float64)

        losses, embedding = pretrain("pretrain", self.learning_rate)
        diverged = len(losses) > 1 and losses[-1] > DIVERGED_LOSS_RATIO * losses[0]
        if (diverged or embedding_collapsed(embedding)) and not trainer.interrupted:
            # The pretraining's loss ended far above where it began, or the
            # tanh units saturated: a new network, pretrained at a tenth of
            # the rate (SATURATED_RETRY_RATE).
            embedding = pretrain("pretrain (again, at a lower rate)",
                                 self.learning_rate * SATURATED_RETRY_RATE)[1]

        # Initial clustering of the clean embedding sets the softmax head.
        warn_if_collapsed(
            embedding, "pretrained", "(its tanh units saturated)",
            "Use scaling='standard' or a lower learning_rate.",
        )
        n_clusters = self._estimate_n_clusters(embedding, random_state, X)
        if n_clusters != self.network_.head.out_features:  # n_clusters="auto"
            self._resize_head(n_clusters, X.shape[1], trainer)
            optimizer = adam(self.network_.parameters(), lr=self.learning_rate)
        self.init_on_ = self._resolve_init_on(X.shape[1])
        start_on = embedding
        if self.init_on_ == "input":
            start_on = self._scaled_input(X)
        self.init_ = self._resolve_init(X, n_clusters)
        self.init_labels_ = self._start_labels(start_on, n_clusters, random_state)
        del start_on
        centres = cluster_means(embedding, self.init_labels_, n_clusters, random_state)
        weight, bias = on_rank_zero(fitted_head, embedding, self.init_labels_, centres)
        with torch.no_grad():
            self.network_.head.weight.copy_(weight)
            self.network_.head.bias.copy_(bias)

        set_learning_rate(optimizer, self.cluster_learning_rate or self.learning_rate)
        self.network_.input_dropout = self._cluster_input_dropout()

        # Algorithm 1 of the paper: the initial clustering is the first Q.
        init_labels = torch.as_tensor(self.init_labels_)
        state = {
            "hold": self.init_on_ == "input" and X.shape[1] <= NARROW_MAX_FEATURES,
            "labels": init_labels,
            "q": torch.nn.functional.one_hot(init_labels, n_clusters).float(),
        }

        def joint_loss(idx):
            rec, log_p_noisy = self._batch_losses(X[idx].to(device), noise)
            return soft_cross_entropy(state["q"][idx].to(device), log_p_noisy) + rec

        def cluster_epoch(epoch):
            self.network_.train()
            loss = train_epoch(joint_loss, optimizer, n_samples, self.batch_size, cpu_gen, rows=X)
            embedding, log_p = self._apply(self._embed_and_log_proba_batch, X)
            labels = log_p.argmax(1)
            change = float((labels != state["labels"]).float().mean())
            state["labels"] = labels
            if state["hold"]:  # the start's one-hot labels stay the targets
                state["hold"] = (epoch + 1 < START_HOLD_EPOCHS
                                 and float((labels != init_labels).float().mean()) >= self.tol)
                if state["hold"]:
                    return {"loss": loss, "label_change": change, "converged": False}
                if isinstance(self.n_epochs, str):  # "auto": the start reproduced ends it
                    return {"loss": loss, "label_change": change, "converged": True}
            state["q"] = self._targets(embedding, log_p)
            return {"loss": loss, "label_change": change, "converged": change < self.tol}

        self.n_iter_ = trainer.run("cluster", self._epochs("n_epochs", n_samples), cluster_epoch)
        self.labels_ = self._apply(self._log_proba_batch, X).argmax(1).numpy()

    # --------------------------------------------------------------- score
    def score(self, X, y=None):
        """Minus DEPICT's objective (eq. 4 of the paper) on ``X``.

        ``-(KL(Q||P) + KL(f||u))`` with ``P`` the clean probabilities of
        ``X``, ``Q`` the balanced targets computed from them, ``f`` the mean
        of ``Q`` and ``u`` uniform. Higher is better: confident and balanced
        assignments score close to 0.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : Ignored

        Returns
        -------
        score : float
        """
        log_p = self._infer(X, self._log_proba_batch)
        log_q = balanced_targets(log_p, self.target_rule)
        return -float(depict_objective(log_p, log_q))
