"""Deep discriminative latent space clustering (Tzoreff, Kogan and Choukroun,
2018): an autoencoder pretrained on a pairwise discriminative loss, then
clustered by cosine similarity to unit-norm centroids."""

import math
from functools import partial
from numbers import Integral, Real

import numpy as np
import torch

from ._compat import Interval, StrOptions
from .base import (
    AUGMENT_CONSTRAINT,
    INIT_CONSTRAINT,
    BaseDeepClustering,
    check_positive_ints,
    initial_clustering,
)
from .distributed import gather_batch, mean_over_batch, on_rank_zero
from .geometry import normalise_rows, select_anchors, spherical_centroids
from .graph import separated_pieces
from .losses import (
    between_cluster_similarity,
    centroid_similarity,
    discriminative_loss,
    within_cluster_similarity,
)
from .nn import build_ddlsc_conv, build_ddlsc_mlp, glorot_init_
from .training import BatchMean, adam, epochs_for_steps, train_epoch

__all__ = ["DiscriminativeLatentClustering"]

#: Without ``embedding_dim``, the code has this many dimensions per cluster
#: (the paper's MNIST network: d = 60 for K = 10).
DIMS_PER_CLUSTER = 6

#: With ``init="auto"`` on flat features, up to this many samples the codes'
#: neighbour graph is searched for pieces before k-means: where it falls
#: apart into at least ``n_clusters`` pieces (clusters far apart), they are
#: the start (:func:`~skdeepcluster.graph.separated_pieces`), since k-means
#: splits the largest of such clusters of unequal sizes. One exact
#: neighbour search of the codes, quadratic in the samples (about 1 s of
#: CPU for the 10,000 codes of the Fashion-MNIST test split); larger sets
#: (500,000 memory-mapped rows) start with k-means alone.
PIECES_MAX_SAMPLES = 20_000

#: ... and first the scaled input's own graph (rows not of the sparse kind;
#: in memory, out-of-core or scipy.sparse alike): where the input itself falls apart into at least ``n_clusters``
#: pieces, they are the start and stage I first keeps them as its
#: assignments (phase ``"hold"``) until the codes' nearest centroids
#: reproduce them on all but ``tol`` of the samples, for at most this many
#: gradient steps with ``n_epochs="auto"`` (``n_epochs`` epochs with an
#: int). Pretraining spreads apart the codes of every non-anchor pair, so
#: the codes of two moons or two rings of 2 features hold one piece and
#: k-means of them cuts straight (ARI 0.29 and 0.00); from the input's
#: pieces held for 30 steps the alternation fell back near that cut (moons
#: 0.57 and 0.54), while the hold until they are reproduced took 78-93
#: steps on the moons and 118-132 on the rings (1,000 samples, seeds 0 and
#: 1: ARI 0.996 and 1.000; :ref:`results_ddlsc_input_pieces`).
#: A narrow table's Gaussian mixture (``init_ == "gmm"``) is held the same
#: way, and with ``n_epochs="auto"`` the fit ends with the hold (no stage I
#: or II epochs: as DEPICT's clustering phase ends with its hold on narrow
#: tables and DAMIC's joint phase is skipped there). The codes' nearest
#: centroids rarely reproduce overlapping clusters to within ``tol``, so
#: that hold mostly runs to the cap. Not held, the alternation drifted back
#: to k-means' cut of the codes (iris 0.813 ACC); held for 30 / 100 / 300
#: steps, then stages I and II: iris 0.860 / 0.960 / 0.960, 3-D blobs of
#: unequal sizes 0.676 / 0.671 / 0.792 (the stages moved away from the
#: mixture's 0.927); held for 100 or 300 steps and ended there: iris 0.960,
#: 3-D blobs 0.914 / 0.923, the other nine narrow tables within 0.01 of
#: each other, but two rings of 500 points (the mixture's start: the
#: graph's two pieces) not yet learned after 100 steps (ARI 0.07; seeds
#: 0-2, :ref:`results_decorrelated`).
HOLD_MAX_STEPS = 300

#: The "auto" budget of each phase, in gradient steps
#: (:func:`~skdeepcluster.training.epochs_for_steps`): parameter name ->
#: (epochs, at least this many steps, at most this many steps). Flat
#: features keep the epochs of 0.2.0 whatever the size of the data.
AUTO_BUDGETS = {
    "n_pretrain_epochs": (100, 0, None),
    "n_epochs": (30, 0, None),
}

#: On flat features, ``n_pretrain_epochs="auto"`` also stops after at most
#: this many gradient steps per sample (three steps per twenty samples):
#: small tables, which fit in one batch, then pretrain for 23 steps (iris)
#: to 86 (breast cancer) instead of 100, while the digits (270 allowed, 200
#: taken) and larger sets keep their 100 epochs. Each step pushes apart the
#: codes of every non-anchor pair of the whole set; a hundred of them spread
#: a few hundred samples out of their clusters (see ``n_pretrain_epochs``).
#: Steps are counted in full batches (an epoch of 1,016 rows in batches of
#: 1,000 is 1.016 steps), so the cap binds only on sets of at most one batch
#: (below 667 rows); counted as batches, a 16-row remainder made FCPS
#: WingNut's 1,016 rows pretrain 77 epochs (:ref:`results_ddlsc_full_batches`).
MAX_PRETRAIN_STEPS_PER_SAMPLE = 0.15

#: The same for images: a step of the convolutional autoencoder cost about
#: six times one of the fully connected one (0.84 against 0.14 s of CPU for
#: a batch of 1,000 Fashion-MNIST images, 1 thread), so its phases are
#: capped in steps (doc/results.rst, ``results_images_rows``). Its weights
#: are now channels-last, which halved that step
#: (``results_ddlsc_channels_last``), so pretraining got twice the steps:
#: 600 instead of 300, the Fashion-MNIST test split from 0.623 / 0.588 to
#: 0.649 / 0.602 (seeds 0-2) in 1.7 times the CPU time
#: (``results_ddlsc_pretrain_600``).
IMAGE_AUTO_BUDGETS = {
    "n_pretrain_epochs": (100, 0, 600),
    "n_epochs": (30, 0, 20),
}


class DiscriminativeLatentClustering(BaseDeepClustering):
    """Deep discriminative latent space clustering (Tzoreff et al., 2018).

    An autoencoder is pretrained to make the L2-normalised codes of a batch
    as dissimilar as possible (the weighted L1 norm of their pairwise cosine
    similarities), except for *anchor pairs*, the closest pairs of a
    k-nearest-neighbour graph on the batch's inputs, which are pulled
    together; a small reconstruction loss regularises it (eqs. 5 and 6 of
    the paper). The normalised codes are then clustered by cosine
    similarity to unit-norm centroids, alternating hard assignments, closed
    form centroids and network updates, in two stages: stage I keeps the
    anchor-based discriminative loss (eq. 8), stage II replaces it by the
    worst-case between-cluster similarity and the within-cluster similarity
    of the current clusters (eq. 11).

    Images (``image_shape`` set) use the paper's small convolutional
    autoencoder; flat features use a fully connected one.

    Read more in the :ref:`User Guide <ddlsc>`.

    Parameters
    ----------
    n_clusters : int or "auto", default=10
        The number of clusters. ``"auto"`` estimates it on the normalised
        pretrained codes with :func:`~skdeepcluster.estimate_n_clusters` (at
        most ``max_clusters``) and keeps it in ``n_clusters_``; the
        centroids follow it (see the :ref:`User Guide <auto_k>`).
    max_clusters : int or None, default=None
        With ``n_clusters="auto"``, the largest number of clusters
        considered: at least 2 and at most ``n_samples``; None means
        ``min(50, n_samples)``. An estimate that reaches it (below
        ``n_samples``) warns. Ignored when ``n_clusters`` is an int.
    image_shape : tuple (C, H, W), "auto" or None, default=None
        Shape of each sample when the rows of ``X`` are flattened images
        (channels first). ``"auto"`` means square single-channel images.
        None treats ``X`` as flat features and uses the MLP autoencoder.
    hidden_layer_sizes : tuple of int, default=(500, 500)
        Widths of the hidden layers of the MLP autoencoder (flat features
        only).
    n_filters : tuple of int, default=(16, 16, 16)
        Feature maps of the convolutional blocks (images only); images too
        small for every pooling use the first blocks only.
    embedding_dim : int, default=None
        Size of the code; None uses ``6 * n_clusters`` (60 for 10 clusters,
        the paper's MNIST setting), and 60 with ``n_clusters="auto"``, since
        the code is learned before the number of clusters is estimated.
    scaling : {"auto", "minmax", "standard", "global", "maxabs"} or None, default="auto"
        Input scaling learned in ``fit``: ``"standard"`` standardises each
        feature, ``"global"`` centres each and divides all by one spread
        (the root mean square of their standard deviations), ``"minmax"``
        maps the global range of ``X`` to [0, 1],
        ``"maxabs"`` divides ``X`` by its largest absolute value;
        ``"auto"`` is ``"minmax"`` for 16 or more flat features that share
        one unit (none negative, similar ranges: pixels as flat rows; or the
        same range for every feature: pixels normalised by a global mean and
        standard deviation),
        ``"maxabs"`` for other flat features of the sparse kind (none
        negative, at least 90% zeros: tf-idf rows) and ``"standard"``
        otherwise, but ``"global"`` where the features' ranges are within a
        factor 100 of each other (``scaling_`` says which was used). Anchors
        and the reconstruction loss are computed on the scaled input.
    alpha : float in [0, 1), default=0.2
        Discount of the anchor pairs' pull in eq. (5): anchors are weighted
        ``(1 - alpha) / |A|``.
    n_neighbors : int, default=3
        Neighbours per sample in each batch's k-NN graph (the paper takes
        ``k < K``). On input of the sparse kind (text as tf-idf rows) the
        rows with no non-zero value are left out of that graph: a text with
        no word left is at distance 1 from every unit-norm row, the nearest
        row of most texts (20 fortune categories: ACC / NMI 0.236 / 0.252
        with them, 0.410 / 0.376 without; :ref:`results_damic_many`).
    anchor_fraction : float in [0, 1], default=1.0
        Share of the batch's k-NN edges, the closest ones, used as anchors;
        1.0 keeps every edge (the paper keeps "a small fraction" without
        giving it; on the digits the closest 10% of a 5-NN graph did worse,
        see the User Guide).
    lambda_pretrain : float, default=1e-3
        Weight ``lambda`` of the reconstruction loss in pretraining (eq. 6).
        (The name ``lambda_`` would read as a fitted attribute in
        scikit-learn.)
    reconstruction_subsample : int, default=10
        The reconstruction loss of a batch is computed on one row in every
        ``reconstruction_subsample`` (rows 0, s, 2s, ... of the shuffled
        batch: 100 random rows of a batch of 1,000), and the decoder runs on
        those rows only. The pairwise losses need the whole batch (``|B| >>
        K``); the reconstruction, a mean over rows with the small weights
        ``lambda_pretrain`` and ``lambda_r``, does not, and decoding every
        row was a third of the fit's time on 784 pixels. 1 reconstructs
        every row, as the paper does (measured:
        :ref:`results_ddlsc_recon_subsample`).
    lambda_d : float, default=1.0
        Weight of the discriminative loss in clustering stage I (eq. 8).
    lambda_r : float, default=1e-3
        Weight of the reconstruction loss in both clustering stages.
    lambda_b : float, default=1.0
        Weight of the between-cluster similarity in stage II (eq. 11).
    lambda_w : float, default=0.3
        Weight of the within-cluster similarity in stage II (eq. 11).
    init : {"auto", "kmeans", "spectral", "gmm", "gdl"} or clusterer, default="auto"
        The clustering of the normalised pretrained codes that gives the
        first assignments and centroids (the paper's
        ``mu^(0) = argmax sum_i S_ik mu_k' z~_i``): ``"kmeans"`` is k-means++
        with 20 initialisations on the L2-normalised codes; ``"spectral"`` is
        spectral clustering of a 15-nearest-neighbour graph of the codes
        (:func:`~skdeepcluster.graph.spectral_clustering`, the default start
        of the other methods); ``"gmm"`` is a Gaussian mixture with full
        covariances (:func:`~skdeepcluster.mixture.mixture_clustering`);
        ``"gdl"`` is graph degree linkage
        (:class:`~skdeepcluster.gdl.GDLClustering`); any object with
        ``fit_predict`` can be passed. ``"auto"`` is, for a narrow table of
        measured variables (at most 62 features, neither pixels sharing one
        unit, nor of the sparse kind, nor decorrelated columns such as
        principal components whose neighbour graph shows the clusters:
        :func:`~skdeepcluster.mixture.columns_decorrelated`,
        :func:`~skdeepcluster.autok.graph_shows_clusters`), ``"gmm"`` of
        the scaled table itself, held as below, and with ``n_epochs="auto"``
        the fit ends with that hold (``HOLD_MAX_STEPS``): iris, wine and
        breast cancer 0.807 / 0.959 / 0.946 -> 0.960 / 0.964 / 0.941 ACC,
        Zoo 0.617 -> 0.779, blobs of varied spreads 0.731 -> 0.947 ARI
        (:ref:`results_decorrelated`). Otherwise it is ``"spectral"`` for
        images (``image_shape`` set) and ``"kmeans"`` for flat features,
        except where the codes' 15-nearest-neighbour graph falls apart into
        at least ``n_clusters`` pieces (clusters far apart; searched up to
        20,000 samples, ``PIECES_MAX_SAMPLES``; on text, which repeats
        itself, among the distinct codes: :ref:`results_text_order`): then those pieces, as
        ``"spectral"`` returns them
        (:func:`~skdeepcluster.graph.separated_pieces`; ``init_`` says
        which was used). Measured on the pretrained codes
        (mean of seeds 0-2, :ref:`results_ddlsc_fmnist`): as images, whole
        fits with the spectral start ended at 0.858 / 0.827 ACC / NMI on
        the digits (8x8) against k-means' 0.833 / 0.807, and at 0.623 /
        0.588 on the Fashion-MNIST test split (28x28) against 0.595 /
        0.584; as flat rows k-means starts the digits better (0.958 / 0.925
        against 0.875 / 0.879) and Fashion-MNIST level
        (:ref:`benchmarks <bench_init>`). k-means of the codes splits the
        largest of clusters far apart and of unequal sizes (Gaussian blobs of
        600, 300 and 100 samples: ARI 0.54), where the pieces of the codes'
        graph keep them (ARI 1, :ref:`results_ddlsc_pieces`); the codes of
        the digits, Fashion-MNIST and text hold fewer pieces than clusters,
        so their starts are k-means' as before.
        Before the codes, the graph of the scaled input itself is searched
        (rows not of the sparse kind): where it falls apart into at
        least ``n_clusters`` pieces, they are the start, and stage I first
        keeps them as its assignments (phase ``"hold"`` of ``history_``)
        until the codes' nearest centroids reproduce them on all but ``tol``
        of the samples, for at most 300 gradient steps
        (``HOLD_MAX_STEPS``; ``n_epochs`` epochs where that is an int):
        pretraining spreads apart the codes of two moons or two rings of 2
        features into one piece (ARI 0.29 and 0.00 from k-means of the
        codes; 1.00 held, :ref:`results_ddlsc_input_pieces`). The mixture
        of a narrow table looks for those pieces first too.
    augment : bool or "auto", default=False
        Random shifts of the training images. On (True, or ``"auto"`` with
        ``image_shape`` set), each pretraining batch is encoded with every
        image moved by up to 1/14 of its height and width (2 pixels on
        28x28 images, at least 1; :func:`~skdeepcluster.data.shift_images`),
        while the reconstruction target and the anchors' k-NN graph stay
        the unshifted images; the clustering stages see the images as they
        are. ``"auto"`` is off for flat features; True with flat features
        is an error. Off by default, the paper's training: on the
        Fashion-MNIST test split as 28x28 images it moved ACC / NMI from
        0.595 / 0.584 to 0.598 / 0.576 (mean of seeds 0-2,
        :ref:`results_augment`).
    n_pretrain_epochs : int or "auto", default="auto"
        Epochs of pretraining. ``"auto"`` is 100 epochs for flat features
        (the epochs of 0.2.0, whatever the size of the data); for images
        (``image_shape`` set) 100 epochs, but at most 600 gradient steps (60
        epochs on 10,000 images), since a step of the convolutional network
        costs several times one of the fully connected one: on the
        Fashion-MNIST test split (seeds 0-2) 600 steps gave 0.649 / 0.602
        against 0.623 / 0.588 with 300, in 1.7 times the CPU time
        (:ref:`results_ddlsc_pretrain_600`; 300 since
        :ref:`results_images_rows`, when a step cost twice what its
        channels-last weights now do). For flat features
        ``"auto"`` also stops after at most 0.15 gradient steps per sample
        (``MAX_PRETRAIN_STEPS_PER_SAMPLE``, steps counted in full batches,
        so that it binds below 667 rows only): tables of a few hundred
        rows fit in one batch, so an epoch is one step, and 100 of them
        spread the codes of every non-anchor pair apart until k-means on
        them falls below k-means on the input. Iris (150 rows) pretrains
        23 epochs, wine (178) 27, breast cancer (569) 86; the digits and
        larger sets keep 100. Measured (seeds 0-4, ACC): with 30 epochs iris
        0.811 and wine 0.960, with 50 0.792 and 0.957; 100 gave 0.749 and
        0.934 (seeds 0-2), 500 0.669 and 0.778 (:ref:`results_tabular_s7`);
        over seeds 0-9, 0.15 steps per sample against 0.2 moved iris, wine
        and breast cancer from 0.799, 0.955 and 0.915 to 0.803, 0.961 and
        0.946, and five held-out PCA sets of the digits (300 and 500 rows)
        by -0.015 to +0.027, +0.004 on the mean
        (:ref:`results_ddlsc_small_tables`). An int is that many epochs.
    n_epochs : int or "auto", default="auto"
        Maximum epochs of *each* of the two clustering stages. ``"auto"`` is
        30 for flat features; for images 30, but at most 20 gradient steps
        per stage (2 epochs on 10,000 images). An int is that many epochs.
    learning_rate : float, default=1e-3
        Adam's learning rate, for every phase.
    batch_size : int, default=1000
        Mini-batch size. The paper needs large batches (``|B| >> K``, 1000
        on MNIST) so that most pairs of a batch belong to different clusters.
        Per process in a :ref:`distributed fit <distributed>`.
    tol : float, default=1e-3
        A clustering stage stops once the fraction of samples whose label
        changed during an epoch falls below ``tol``.
    device : str or torch.device, default="auto"
        ``"auto"`` trains on CUDA when available, else on the CPU.
    random_state : int, RandomState instance or None, default=None
        Seeds weight initialisation, shuffling and the initial clustering.
        An int gives the same labels run to run on the CPU.
    verbose : int, default=0
        0 is silent; 1 shows a progress bar (tqdm) per phase with its loss.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
        Cluster of each training sample: its nearest centroid by cosine.
    init_labels_ : ndarray of shape (n_samples,)
        The initial clustering: of the pretrained codes (the clustering
        reached by pretraining alone), or of the input itself where
        ``init_`` is ``"gmm"`` or its graph's pieces were the start.
    init_ : str or estimator
        The start used: ``init``, with ``"auto"`` resolved.
    n_clusters_ : int
        The number of clusters: ``n_clusters``, or its estimate with
        ``"auto"``.
    cluster_centers_ : ndarray of shape (n_clusters, embedding_dim)
        Unit-norm centroids in the space of :meth:`transform`, one per
        cluster of ``n_clusters_``.
    network_ : torch.nn.Module
        The trained autoencoder.
    input_shape_ : tuple (C, H, W) or None
        The image shape used, or None for flat features.
    scale_offset_, scale_factor_ : ndarray of shape (n_features,)
        The input scaling: the network sees ``(X - offset) * factor``.
    history_ : list of dict
        One record per epoch, with ``phase`` ("pretrain", "hold", "stage1"
        or "stage2"), ``epoch``, the total ``loss`` minimised and its terms as
        epoch means over the batches: ``discriminative`` (L_d, pretrain and
        stage I), ``reconstruction`` (L_r), ``clustering`` (L_c), ``between``
        (L_b) and ``within`` (L_w); the clustering stages also record
        ``objective`` (L_c over all samples after the epoch's reassignment)
        and ``label_change`` (fraction of samples that changed cluster; in
        the hold, whose terms are stage I's, the fraction whose nearest
        centroid is not their held piece).
    n_iter_ : int
        Epochs run in the clustering stages (and the hold) together.
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
    DEPICTClustering : Deep clustering with a softmax head.
    sklearn.cluster.KMeans : The baseline this method is compared with.

    Notes
    -----
    Each epoch of a clustering stage performs the paper's alternation
    (Algorithm 2) once: gradient steps on the network over all batches
    with the assignments ``S`` and centroids ``mu`` fixed, then ``S`` is
    recomputed for all samples (nearest centroid by cosine) and each
    ``mu_k`` set to the normalised mean direction of its members. A stage
    ends after ``n_epochs`` epochs or when fewer than ``tol`` of the labels
    changed (the paper stops when ``L_c`` no longer improves; the label
    change is the rule of the other estimators here, and ``L_c`` is
    recorded in ``history_``). Pretraining runs ``n_pretrain_epochs``
    epochs (with ``"auto"``, fewer for images: see the parameter).

    Choices where the paper is silent or differs: the diagonal of the
    cosine matrix is left out of eq. (5); the reconstruction loss is the
    mean squared error per element (the paper writes the squared Frobenius
    norm) and ``L_c`` the mean over the batch (the paper sums), so that the
    weights do not depend on the batch size or the number of features; the
    anchors' k-NN graph uses Euclidean distances of the scaled inputs; the
    centroids are not trained by gradient but set in closed form.

    References
    ----------
    E. Tzoreff, O. Kogan and Y. Choukroun, "Deep Discriminative Latent Space
    for Clustering", arXiv:1805.10795, 2018.

    Examples
    --------
    >>> from sklearn.datasets import load_digits
    >>> from skdeepcluster import DiscriminativeLatentClustering
    >>> X = load_digits().data
    >>> model = DiscriminativeLatentClustering(
    ...     n_clusters=10, n_pretrain_epochs=2, n_epochs=2, random_state=0)
    >>> labels = model.fit_predict(X)
    >>> labels.shape, model.cluster_centers_.shape, model.transform(X[:3]).shape
    ((1797,), (10, 60), (3, 60))
    """

    _auto_budgets = AUTO_BUDGETS
    _image_auto_budgets = IMAGE_AUTO_BUDGETS

    _parameter_constraints: dict = {
        **BaseDeepClustering._parameter_constraints,
        "hidden_layer_sizes": [tuple, list],
        "n_filters": [tuple, list],
        "embedding_dim": [None, Interval(Integral, 1, None, closed="left")],
        "alpha": [Interval(Real, 0, 1, closed="left")],
        "n_neighbors": [Interval(Integral, 1, None, closed="left")],
        "anchor_fraction": [Interval(Real, 0, 1, closed="both")],
        "lambda_pretrain": [Interval(Real, 0, None, closed="left")],
        "lambda_d": [Interval(Real, 0, None, closed="left")],
        "lambda_r": [Interval(Real, 0, None, closed="left")],
        "reconstruction_subsample": [Interval(Integral, 1, None, closed="left")],
        "lambda_b": [Interval(Real, 0, None, closed="left")],
        "lambda_w": [Interval(Real, 0, None, closed="left")],
        "init": INIT_CONSTRAINT,
        "augment": AUGMENT_CONSTRAINT,
        "n_pretrain_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "n_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "tol": [Interval(Real, 0, None, closed="left")],
    }

    def __init__(
        self,
        n_clusters=10,
        *,
        max_clusters=None,
        image_shape=None,
        hidden_layer_sizes=(500, 500),
        n_filters=(16, 16, 16),
        embedding_dim=None,
        scaling="auto",
        alpha=0.2,
        n_neighbors=3,
        anchor_fraction=1.0,
        lambda_pretrain=1e-3,
        lambda_d=1.0,
        lambda_r=1e-3,
        reconstruction_subsample=10,
        lambda_b=1.0,
        lambda_w=0.3,
        init="auto",
        augment=False,
        n_pretrain_epochs="auto",
        n_epochs="auto",
        learning_rate=1e-3,
        batch_size=1000,
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
        self.scaling = scaling
        self.alpha = alpha
        self.n_neighbors = n_neighbors
        self.anchor_fraction = anchor_fraction
        self.lambda_pretrain = lambda_pretrain
        self.lambda_d = lambda_d
        self.lambda_r = lambda_r
        self.reconstruction_subsample = reconstruction_subsample
        self.lambda_b = lambda_b
        self.lambda_w = lambda_w
        self.init = init
        self.augment = augment
        self.n_pretrain_epochs = n_pretrain_epochs
        self.n_epochs = n_epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.tol = tol
        self.device = device
        self.random_state = random_state
        self.verbose = verbose

    # ------------------------------------------------------------- network
    def _build_network(self, n_features, generator):
        embedding_dim = self.embedding_dim or DIMS_PER_CLUSTER * self._width_clusters()
        if self.input_shape_ is None:
            sizes = check_positive_ints(self.hidden_layer_sizes, "hidden_layer_sizes")
            factory = partial(
                build_ddlsc_mlp, n_features, embedding_dim=embedding_dim, hidden_layer_sizes=sizes
            )
        else:
            filters = check_positive_ints(self.n_filters, "n_filters", min_len=1)
            factory = partial(
                build_ddlsc_conv, self.input_shape_, embedding_dim=embedding_dim, n_filters=filters
            )
        return self._build_module(factory, partial(glorot_init_, generator=generator))

    def _embed_batch(self, x):
        return normalise_rows(self.network_.embed(x))

    def _assign_batch(self, x):
        return (self._embed_batch(x) @ self._centroids.T).argmax(1)

    def _best_similarity_batch(self, x):
        return (self._embed_batch(x) @ self._centroids.T).amax(1)

    @property
    def _centroids(self):
        return torch.as_tensor(self.cluster_centers_, device=self.device_)

    def predict(self, X):
        """The cluster of each sample of ``X``: its nearest centroid by cosine.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,)
        """
        return self._infer(X, self._assign_batch).numpy()

    def score(self, X, y=None):
        """The clustering objective on ``X``: mean cosine similarity to the nearest centroid.

        ``1/N sum_i max_k mu_k' z~_i``, the paper's ``L_c`` (eq. 7) per
        sample with each sample in its nearest cluster. Higher is better,
        at most 1.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : Ignored

        Returns
        -------
        score : float
        """
        return float(self._infer(X, self._best_similarity_batch).double().mean())

    def _epochs(self, name, n_samples):
        """The base's budget, with ``"auto"`` pretraining of flat features
        capped at ``MAX_PRETRAIN_STEPS_PER_SAMPLE`` steps per sample."""
        epochs = super()._epochs(name, n_samples)
        if (name == "n_pretrain_epochs" and isinstance(self.n_pretrain_epochs, str)
                and self.input_shape_ is None):
            # Steps counted in full batches: the last, partial batch of an
            # epoch is a fraction of a step (1,016 rows in batches of 1,000
            # take 1.016 steps an epoch, not 2).
            full_batches = max(1.0, n_samples / self.batch_size)
            epochs = min(epochs, max(1, math.ceil(
                MAX_PRETRAIN_STEPS_PER_SAMPLE * n_samples / full_batches)))
        return epochs

    # ----------------------------------------------------------------- fit
    def _auto_start(self, X, codes64, n_clusters, random_state):
        """``init="auto"`` resolved on the scaled batch source ``X`` and its
        pretrained ``codes64``: ``(init_, labels, held)``, where ``labels``
        are the start (None: ``init_`` clusters the codes) and ``held`` says
        whether stage I first holds them as its assignments."""
        if n_clusters == 1:
            return ("spectral" if self.input_shape_ is not None else "kmeans"), None, False
        if self._narrow_table(X, n_clusters):
            # A table of measured variables: a Gaussian mixture of it, held.
            return "gmm", initial_clustering(self._scaled_input(X), n_clusters, "gmm",
                                             random_state), True
        if self.input_shape_ is not None:
            return "spectral", None, False
        if X.shape[0] > PIECES_MAX_SAMPLES:
            return "kmeans", None, False
        if not self._sparse_kind:  # the input's own pieces, held
            pieces = on_rank_zero(separated_pieces, self._scaled_input(X), n_clusters,
                                  device=self.device_)
            if pieces is not None:
                return "spectral", pieces, True
        # Texts repeat: the codes' pieces are read on the distinct codes.
        pieces = on_rank_zero(separated_pieces, codes64, n_clusters, distinct=self._sparse_kind,
                              device=self.device_)
        return ("kmeans", None, False) if pieces is None else ("spectral", pieces, False)

    def _fit(self, X, random_state, trainer):
        cpu_gen, noise_gen = self._generators(random_state)
        augment = self._augmenter(noise_gen)
        n_samples = X.shape[0]
        self.network_ = self._build_network(X.shape[1], cpu_gen)
        trainer.modules.append(self.network_)
        optimizer = adam(self.network_.parameters(), lr=self.learning_rate)
        device = self.device_
        terms = {}

        def batch_loss(idx, stage):
            """The loss of one batch in ``stage``; its terms go to ``terms``."""
            x = X[idx].to(device)
            # Pretraining encodes shifted images (augment) and reconstructs
            # and pairs the images themselves.
            x_in = augment(x) if augment is not None and stage == "pretrain" else x
            z = self.network_.embed(x_in)
            # The decoder reconstructs one row in every reconstruction_subsample
            # (at least two, for the convolutional decoder's batch normalisation).
            step = min(self.reconstruction_subsample, max(1, len(x) // 2))
            x_hat = self.network_.decoder(z[::step])
            parts = {"reconstruction": mean_over_batch((x_hat - x[::step]) ** 2)}
            # The pairwise terms need the whole batch, also when each process
            # of a distributed fit holds a part of it.
            x, z = gather_batch(x), gather_batch(z)
            if stage in ("pretrain", "stage1"):
                anchors = select_anchors(x, self.n_neighbors, self.anchor_fraction,
                                         skip_empty=self._sparse_kind)
                parts["discriminative"] = discriminative_loss(z, anchors, self.alpha)
            if stage == "pretrain":
                loss = parts["discriminative"] + self.lambda_pretrain * parts["reconstruction"]
            else:
                labels = gather_batch(state["labels"][idx].to(device))
                parts["clustering"] = centroid_similarity(z, state["centroids"], labels)
                loss = self.lambda_r * parts["reconstruction"] - parts["clustering"]
                if stage == "stage1":
                    loss = loss + self.lambda_d * parts["discriminative"]
                else:
                    parts["between"] = between_cluster_similarity(z, labels, n_clusters)
                    parts["within"] = within_cluster_similarity(z, labels, n_clusters)
                    loss = loss + self.lambda_b * parts["between"] - self.lambda_w * parts["within"]
            for name, value in parts.items():
                terms.setdefault(name, BatchMean()).add(value)
            return loss

        def run_epoch(stage):
            terms.clear()
            self.network_.train()
            loss, term_means = train_epoch(
                partial(batch_loss, stage=stage), optimizer, n_samples, self.batch_size, cpu_gen,
                rows=X, terms=terms,
            )
            return {"loss": loss, **term_means}

        state = {}
        trainer.run("pretrain", self._epochs("n_pretrain_epochs", n_samples),
                    lambda epoch: run_epoch("pretrain"))

        # Initial clustering of the normalised codes (Algorithm 2, step 1).
        codes = self._apply(self._embed_batch, X)
        codes64 = codes.numpy().astype(np.float64)
        n_clusters = self._estimate_n_clusters(codes64, random_state, X)
        self.init_, self.init_labels_, held = self.init, None, False
        if self.init == "auto":
            self.init_, self.init_labels_, held = self._auto_start(X, codes64, n_clusters,
                                                                   random_state)
        if self.init_labels_ is None:
            self.init_labels_ = initial_clustering(codes64, n_clusters, self.init_, random_state)
        labels = held_labels = torch.as_tensor(self.init_labels_)
        # A cluster the initial clustering left empty starts at a random sample.
        spare = codes[torch.as_tensor(random_state.randint(n_samples, size=n_clusters))]
        centroids = spherical_centroids(codes, labels, n_clusters, previous=spare)
        state.update(labels=labels, centroids=centroids.to(device))

        def cluster_epoch(stage):
            record = run_epoch(stage)
            # Alternation: assignments S, then centroids mu, for all samples.
            codes = self._apply(self._embed_batch, X)
            similarities = codes @ state["centroids"].cpu().T
            best, labels = similarities.max(1)
            change = float((labels != state["labels"]).float().mean())
            centroids = spherical_centroids(codes, labels, n_clusters, state["centroids"].cpu())
            state.update(labels=labels, centroids=centroids.to(device))
            return {**record, "objective": float(best.mean()), "label_change": change,
                    "converged": change < self.tol}

        def hold_epoch(epoch):
            """Stage I with the start made on the input (its pieces, or a narrow
            table's mixture) held as the assignments; the centroids follow
            the codes."""
            record = run_epoch("stage1")
            codes = self._apply(self._embed_batch, X)
            best, nearest = (codes @ state["centroids"].cpu().T).max(1)
            centroids = spherical_centroids(codes, held_labels, n_clusters,
                                            state["centroids"].cpu())
            state.update(centroids=centroids.to(device))
            change = int((nearest != held_labels).sum()) / n_samples  # exact: 1 in 1,000 is tol
            return {**record, "objective": float(best.mean()), "label_change": change,
                    "converged": change <= self.tol}

        n_epochs = self._epochs("n_epochs", n_samples)
        self.n_iter_ = 0
        if held:
            n_hold = n_epochs
            if isinstance(self.n_epochs, str):
                n_hold = epochs_for_steps(0, n_samples, self.batch_size, min_steps=HOLD_MAX_STEPS)
                if self.init_ == "gmm":  # the table's mixture, reproduced, ends the fit
                    n_epochs = 0
            self.n_iter_ = trainer.run("hold", n_hold, hold_epoch)
        self.n_iter_ += trainer.run("stage1", n_epochs, lambda epoch: cluster_epoch("stage1"))
        self.n_iter_ += trainer.run("stage2", n_epochs, lambda epoch: cluster_epoch("stage2"))
        self.cluster_centers_ = state["centroids"].cpu().numpy()
        self.labels_ = self._apply(self._assign_batch, X).numpy()
