"""DAMIC: deep clustering by a mixture of autoencoders, one per cluster, and a
clustering network that directs each sample to its autoencoder."""

import warnings
from functools import partial
from numbers import Integral, Real

import numpy as np
import torch
from sklearn.exceptions import ConvergenceWarning

from ._compat import Interval, StrOptions
from .base import (
    BaseDeepClustering,
    INIT_CONSTRAINT,
    INIT_SPACES,
    check_positive_ints,
    input_capped_sizes,
)
from .distributed import sum_over_ranks
from .losses import damic_loss, reconstruction_distances
from .nn import build_damic_autoencoders, build_damic_clustering_network, damic_init_
from .training import adam, dense_rows, train_epoch

__all__ = ["DAMICClustering"]

#: The paper's autoencoder hidden layers (for 784 and 2,000 input features).
PAPER_AE_SIZES = (1024, 256)
#: The number of clusters of the paper's experiments (MNIST, Fashion-MNIST,
#: ten autoencoders of PAPER_AE_SIZES). ``hidden_layer_sizes="auto"`` narrows
#: each autoencoder's layers by ``PAPER_N_CLUSTERS / n_clusters`` beyond it.
PAPER_N_CLUSTERS = 10
#: ``hidden_layer_sizes="auto"`` caps PAPER_AE_SIZES at these multiples of
#: the number of input features (never below ``base.MIN_AUTO_WIDTH`` units).
AUTO_WIDTH_RATIOS = (4, 2)

PREDICT_RULES = ("proba", "reconstruction")

#: The "auto" budget of each phase, in gradient steps
#: (:func:`~skdeepcluster.training.epochs_for_steps`): parameter name ->
#: (epochs, at least this many steps, at most this many steps).
AUTO_BUDGETS = {
    "n_pretrain_epochs": (100, 0, 3_000),
    "n_cluster_pretrain_epochs": (10, 500, 500),
    "n_epochs": (50, 0, 500),
}


#: With ``n_epochs="auto"``, the joint phase's epochs where the start was made
#: on a narrow input itself (``init_on_ == "input"``: at most
#: ``base.NARROW_MAX_FEATURES`` features, not of the sparse kind). On such
#: input each autoencoder's code is at most half the input's width
#: (``auto_bottleneck``: one unit for two features, a curve through the
#: plane), an autoencoder trained on one cluster reconstructs the points of
#: others about as well, and the reconstruction errors (about 0.001 on
#: points scaled to [0, 1]) barely weigh in the mixture's posterior, so the
#: joint phase moved right starts toward the nearest curve: round blobs of
#: 1,500 points ARI 0.97 -> 0.66, blobs of varied spread 0.96 -> 0.39, 10
#: blobs in 10 features 0.99 -> 0.90; iris, wine, breast cancer and the
#: digits reduced to 10 or 20 components stayed near their starts; of the
#: starts measured it improved one, two rings of 500 points (0.86 -> 1.00;
#: :ref:`results_damic_narrow_joint`; measured in the global [0, 1] range
#: that tables had before they were standardised). The fit is then the
#: start, learned by the clustering network, and the cluster autoencoders
#: pretrained on it; an int ``n_epochs`` runs the joint phase as the paper
#: does.
NARROW_JOINT_EPOCHS = 0


def auto_autoencoder_sizes(n_features, n_clusters=PAPER_N_CLUSTERS):
    """The paper's ``(1024, 256)`` hidden layers scaled to ``n_features`` and
    ``n_clusters``.

    The layers are at most 4 and 2 times as wide as the input (and at least
    16 units): 784 features (MNIST) or more keep the paper's sizes, the
    64-pixel digits get ``(256, 128)`` instead of widening to 1,024 units.
    Beyond the paper's 10 clusters each of the ``n_clusters`` autoencoders
    is narrowed in proportion (``10 / n_clusters``), so that together they
    cost about what the paper's ten do: every step of the cluster
    pretraining and of the joint phase runs all of them on every sample,
    and 40 paper-sized autoencoders of 1,000 features took 618 s of CPU and
    3.2 GB for 400 samples (doc/results.rst, ``results_damic_many``).
    """
    scale = min(1.0, PAPER_N_CLUSTERS / n_clusters)
    paper = tuple(round(size * scale) for size in PAPER_AE_SIZES)
    return input_capped_sizes(paper, n_features, AUTO_WIDTH_RATIOS)


def auto_bottleneck(n_clusters, n_features):
    """The code width when ``bottleneck_dim=None``: ``n_clusters`` (the paper's
    choice), at most half the input width rounded up, and at least 1.

    An autoencoder whose code is nearly as wide as its input can copy every
    sample, so the reconstruction errors no longer tell the clusters apart and
    whole clusters die: with a code of ``n_clusters`` units, DAMIC used one of
    the two clusters of the 2-D FCPS set EngyTime and lost clusters on iris (4
    features, 3 clusters); with the cap it used every cluster of eight of the
    nine FCPS sets for three seeds, and 6, 6 and 5 of the 6 of Target
    (doc/results.rst).
    """
    return max(1, min(n_clusters, (n_features + 1) // 2))


class DAMICClustering(BaseDeepClustering):
    """DAMIC: Deep Autoencoder MIxture Clustering (Chazan et al., 2019).

    Each cluster is represented by its own autoencoder, and a clustering
    network with a softmax head gives ``p(c | x)``. The networks are trained
    jointly to minimise the mixture's reconstruction loss

    ``L = -sum_t log sum_c p(c | x_t) exp(-d_c(x_t))``,
    ``d_c(x) = 1/2 ||x - f_c(x)||^2``,

    so each sample is pulled to the autoencoder that reconstructs it best and
    the clustering network learns that choice; no regularisation term is
    needed against collapse. The ``n_clusters`` autoencoders run as one
    batched computation (stacked weights, grouped convolutions), so many
    clusters stay fast.

    Read more in the :ref:`User Guide <damic>`.

    Parameters
    ----------
    n_clusters : int or "auto", default=10
        The number of clusters, and of autoencoders. ``"auto"`` estimates it
        on the pretrained single autoencoder's codes with
        :func:`~skdeepcluster.estimate_n_clusters` (at most
        ``max_clusters``) and keeps it in ``n_clusters_``; the autoencoders
        and the clustering head follow it (see the
        :ref:`User Guide <auto_k>`).
    max_clusters : int or None, default=None
        With ``n_clusters="auto"``, the largest number of clusters
        considered: at least 2 and at most ``n_samples``; None means
        ``min(50, n_samples)``. An estimate that reaches it (below
        ``n_samples``) warns. Ignored when ``n_clusters`` is an int.
    image_shape : tuple (C, H, W), "auto" or None, default=None
        Shape of each sample when the rows of ``X`` are flattened images
        (channels first): the networks are then convolutional. None treats
        ``X`` as flat features (the paper's fully connected networks).
    hidden_layer_sizes : "auto" or tuple of int, default="auto"
        Hidden layers of each autoencoder's encoder (mirrored by its decoder).
        ``"auto"`` is the paper's ``(1024, 256)`` for 784 input features or
        more, scaled down in proportion for fewer (at least 16 units), and
        by ``10 / n_clusters`` for more than 10 clusters (the paper's ten
        autoencoders' cost shared by all of them). For images, the last size
        is the fully connected layer after the convolutions.
    bottleneck_dim : int, default=None
        Width of each autoencoder's code layer; None uses ``n_clusters`` as in
        the paper (10, the default ``n_clusters``, with ``n_clusters="auto"``,
        since the single autoencoder is pretrained before the estimate),
        capped at half the number of input features (rounded up)
        for low-dimensional data, where a code as wide as the input lets every
        autoencoder copy every sample and clusters die, and at the width of
        the last hidden layer.
    clustering_layer_sizes : tuple of int, default=(512, 512)
        Hidden layers of the clustering network; the last one is ``h(x)``, the
        embedding that ``transform`` returns.
    n_filters : tuple of two int, default=(16, 32)
        Feature maps of the two convolutions of every network (images only).
    scaling : {"auto", "minmax", "standard", "global", "maxabs"} or None, default="auto"
        Input scaling learned in ``fit``. ``"auto"`` is ``"minmax"`` (the
        paper maps its data to [0, 1]) for images and for pixels given as
        flat rows, ``"maxabs"`` for sparse input and for dense input of the
        sparse kind that is not one unit (none negative, at least 90% zeros:
        tf-idf rows; the same scaling where the smallest value is 0), and
        for other flat features (tables) ``"standard"``, or ``"global"``
        where their ranges are comparable, as for the other methods (since
        0.3.0; one global [0, 1] range before: wine as scikit-learn ships it
        ACC 0.667, now 0.983) (``scaling_`` holds the mode
        used; ``"standard"`` standardises each feature, ``"global"`` centres
        each and divides all by one spread). With ``"minmax"``
        the reconstructions end in a sigmoid,
        otherwise they are linear. See the :ref:`User Guide <scaling>`.
    init : {"auto", "spectral", "gmm", "kmeans", "gdl"} or clusterer, default="auto"
        The clustering of the pretrained single autoencoder's bottleneck that
        starts the mixture. ``"kmeans"`` is the paper's choice (k-means++, 20
        initialisations); ``"spectral"`` is spectral clustering of a
        15-nearest-neighbour graph of the codes
        (:func:`~skdeepcluster.graph.spectral_clustering`); ``"gmm"`` is a
        Gaussian mixture with full covariances started from k-means
        (:func:`~skdeepcluster.mixture.mixture_clustering`); ``"gdl"`` is graph
        degree linkage on a 20-NN graph of the L2-normalised codes
        (:class:`~skdeepcluster.gdl.GDLClustering`); ``"auto"`` is
        ``"gmm"`` where the start is made on a narrow table itself
        (``init_on``; not pixels scaled as one unit, not of the sparse kind,
        not principal components whose neighbour graph shows the clusters)
        and ``"spectral"`` elsewhere (see the :ref:`benchmarks <bench_init>`
        and :ref:`results_mixture_start`: iris 0.849 -> 0.968, Zoo 0.604 ->
        0.795). Into two clusters on the codes, ``"auto"``
        takes k-means' partition of them instead where it has the smaller
        cluster, a clearly higher silhouette and a normalised cut of their
        neighbour graph not much larger
        (:func:`~skdeepcluster.base.compact_pair`: a rare class beside a
        large one, :ref:`results_compact_pair`). Any object with
        ``fit_predict`` returning at most ``n_clusters`` labels can be
        passed. The joint training moves the result of this clustering
        only a little, so it matters (see the benchmarks).
    init_on : {"auto", "codes", "input"}, default="auto"
        What ``init`` clusters: the single autoencoder's codes (the paper),
        or the scaled input itself. ``"auto"`` is ``"input"`` for inputs of
        at most 62 features (tables of measured variables) or of the sparse
        kind (none negative, at least 90% zeros: text as tf-idf rows; a
        scipy.sparse ``X`` is then clustered as a dense copy, ``n_samples x
        n_features`` float64 values) and ``"codes"`` for the others (pixels,
        embeddings). On the tf-idf rows of the fortunes corpus the codes
        started at chance, the input at NMI 0.42 (:ref:`results_sparse_kind`);
        its rows with no non-zero value (texts with no word left) are left
        out of the start and join the cluster whose mean is nearest to them
        (:ref:`results_damic_many`). The code of a
        narrow input is narrower still (at most half its width, and
        ``n_clusters`` units), and spectral clustering of it lost to
        spectral clustering of the input on every narrow set measured, 4 to
        30 features and 50 to 3,000 rows, seeds 0-4 (ACC: iris 0.771 ->
        0.864, wine 0.911 -> 0.949, digits reduced to 20 features by PCA
        0.837 -> 0.905, 3,000 Fashion-MNIST images reduced to 10 features
        0.581 -> 0.615), while on the digits' 64 pixels the codes were as
        good as the pixels (0.917 against 0.907;
        :ref:`results_damic_init_on`). The autoencoders are still
        pretrained on all the data and then each on its start cluster; with
        ``n_clusters="auto"`` the number of clusters is still estimated on
        the codes (``init_on_`` holds the choice made).
    predict_rule : {"proba", "reconstruction"}, default="proba"
        How ``predict`` and ``labels_`` assign a sample: to the cluster of
        highest ``p(c | x)`` (eq. 2 of the paper), or to the autoencoder with
        the smallest reconstruction error (eq. 6).
    n_pretrain_epochs : int or "auto", default="auto"
        Epochs of pretraining the single autoencoder on all the data. The
        initial clustering is made on its codes and the joint training
        changes it little, so this matters: on the digits, 50 epochs left two
        digits in one cluster for one of six seed and thread settings (ACC
        0.780), 100 epochs gave ACC 0.85-0.92 on all six (see the
        benchmarks). ``"auto"`` is 100 epochs, but at most 3,000 gradient
        steps: 100 epochs up to 3,000 samples (in batches of 100; the digits
        keep them), 30 on the 10,000 Fashion-MNIST test images, 5 on all
        70,000. There the spectral start of seed 0 after 2,000, 3,000, 5,000,
        7,000 and 10,000 steps had ACC 0.620, 0.616, 0.623, 0.627 and 0.591
        (NMI 0.687, 0.689, 0.696, 0.691, 0.661): longer pretraining did not
        give a better start, and the 10,000 steps took 225 s of CPU on a
        loaded machine (:ref:`results_damic_cost`). An int is the paper's
        schedule in epochs, whatever the size of the data.
    pretrain_noise : float, default=0.0
        Standard deviation of Gaussian noise added to the scaled input while
        the single autoencoder is pretrained, which then learns to
        reconstruct the clean input (a denoising autoencoder); the later
        phases see clean input. 0 is the paper's plain autoencoder. On the
        digits 0.2 gave a better start and fit (seeds 0-2, ACC / NMI 0.898 /
        0.879 against 0.850 / 0.857), but on the Fashion-MNIST test split
        it lowered the fit from 0.605 / 0.683 to 0.597 / 0.674, so it is not
        the default (:ref:`results_damic_digits`).
    n_cluster_pretrain_epochs : int or "auto", default="auto"
        Epochs of pretraining the clustering network on the initial labels,
        and then (as many) of pretraining each cluster's autoencoder on its
        members. The cluster autoencoders start from the single pretrained
        one, so they need fewer epochs than it. ``"auto"`` is as many
        epochs as make 500 gradient steps (rounded up) for each of the two
        phases: 500 for 50 samples, 28 for the 1,797 digits, 5 for
        Fashion-MNIST's 10,000 samples (10 there before the cap: each step of
        the second phase runs all ``n_clusters`` autoencoders, about 0.2 s of
        CPU on Fashion-MNIST, and after 500 steps the clustering network's
        labels, ACC / NMI 0.617 / 0.689 for seed 0, matched the spectral
        start), one for 70,000. With 10 epochs of one mini-batch,
        scikit-learn's three separated blobs (50 samples) lost the initial
        clustering in the joint phase (ARI 0.37 and 0.16 from initial
        clusterings of ARI 1.0); with 100 steps all six seeds kept it.
    n_epochs : int or "auto", default="auto"
        Maximum epochs of joint training. An int is the paper's schedule
        (50). ``"auto"`` is 50 epochs, but at most 500 gradient steps: 50
        epochs up to 1,000 samples, 5 on Fashion-MNIST's 10,000 (one on
        70,000). The joint phase moves the initial clustering little and
        each of its steps costs as much as a step of the cluster
        autoencoders' pretraining: on the digits it stopped on
        ``label_tol`` after 1-3 epochs (seeds 0-2), on Fashion-MNIST
        (seed 0) it went from ACC / NMI 0.617 / 0.689 to 0.619 / 0.695,
        0.616 / 0.692 and 0.624 / 0.692 after 2, 3 and 4 epochs of 100
        steps. With the three "auto" budgets a fit there took 273-288 s of
        CPU (seeds 0-2, mean ACC / NMI 0.605 / 0.683), against 1,012 s for
        seed 0 with the paper's epochs (:ref:`results_damic_cost`). Where
        the start was made on a narrow input itself (``init_on``), ``"auto"``
        runs no joint epoch (``NARROW_JOINT_EPOCHS``): there the joint phase
        moved right starts away (round blobs of two features ARI 0.97 ->
        0.66; without it 0.97) and improved one of those measured
        (:ref:`results_damic_narrow_joint`).
    learning_rate : float, default=1e-3
        Adam's learning rate, for every phase.
    batch_size : int, default=100
        Mini-batch size (the paper uses 256 on 70,000 MNIST images; on the
        1,797 digits that gave too few steps per epoch: ACC 0.77 against
        0.88 with 100). Per process in a :ref:`distributed fit <distributed>`.
    tol : float, default=1e-4
        Early stopping: joint training stops when the epoch loss has not
        decreased by more than ``tol`` times its best value for
        ``n_iter_no_change`` consecutive epochs.
    n_iter_no_change : int, default=5
        Patience of the early stopping.
    label_tol : float, default=1e-3
        Joint training also stops once fewer than ``label_tol`` of the
        training samples change cluster (by ``predict_rule``) during an
        epoch, as DEPICT's and DiscriminativeLatentClustering's clustering
        phases do; 0 turns this off (the paper trains all ``n_epochs``). The
        joint phase moved the clustering of the initial one little on the
        digits and Fashion-MNIST while taking most of the fit's time (see
        the benchmarks).
    device : str or torch.device, default="auto"
        ``"auto"`` trains on CUDA when available, else on the CPU.
    random_state : int, RandomState instance or None, default=None
        Seeds weight initialisation, shuffling and the initial clustering.
    verbose : int, default=0
        0 is silent; 1 shows a progress bar per phase with its loss.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
        Cluster of each training sample, by ``predict_rule``.
    init_labels_ : ndarray of shape (n_samples,)
        The initial clustering of the pretrained autoencoder's bottleneck
        (or of the input: ``init_on``).
    init_on_ : {"codes", "input"}
        What ``init`` clustered.
    init_ : str or estimator
        The start's clusterer: ``init``, with ``"auto"`` resolved
        (``"kmeans"`` where it took k-means' compact pair).
    n_clusters_ : int
        The number of clusters: ``n_clusters``, or its estimate with
        ``"auto"``: the number of autoencoders and of columns of
        ``predict_proba``.
    dead_clusters_ : ndarray of int
        Clusters that had members in the initial clustering but none in
        ``labels_`` (empty when every cluster kept members); a
        ``ConvergenceWarning`` names them.
    autoencoders_ : StackedAutoencoder
        The ``n_clusters`` trained autoencoders, stacked.
    clustering_network_ : ClusteringNetwork
        The trained clustering network.
    input_shape_ : tuple (C, H, W) or None
        The image shape used, or None for flat features.
    scale_offset_, scale_factor_ : ndarray of shape (n_features,)
        The input scaling: the networks see ``(X - offset) * factor``.
    history_ : list of dict
        One record per epoch: ``phase`` ("pretrain", "pretrain_clustering",
        "pretrain_autoencoders" or "cluster"), ``epoch``, ``loss``; the joint
        phase adds ``n_empty`` (clusters that no sample of the epoch's
        mini-batches chose), ``label_change`` (the share of samples that
        changed cluster; not with ``label_tol=0``) and ``converged``.
    n_iter_ : int
        Epochs of joint training run.
    interrupted_ : bool
        True when training was stopped by ``KeyboardInterrupt``.
    device_ : torch.device
        The device the networks were trained on.
    n_features_in_ : int
        Number of features seen during fit.
    feature_names_in_ : ndarray of shape (`n_features_in_`,)
        Names of features seen during fit, when ``X`` has string column names.

    See Also
    --------
    DEPICTClustering : A softmax head on one autoencoder's embedding.
    sklearn.cluster.KMeans : The baseline; DAMIC with constant "autoencoders"
        and a hard reconstruction rule is k-means.

    Notes
    -----
    Choices where the paper is silent or that differ from it: every
    pretraining stage and the joint phase minimise the squared error
    ``d_c`` (the paper pretrains with binary cross-entropy); each cluster's
    autoencoder starts from the weights of the pretrained single autoencoder
    before it is trained on its members; the loss of a mini-batch is the mean
    over its samples of the paper's per-sample term; early stopping watches the
    training loss (no labels, no validation split). Batch normalisation
    follows every hidden layer and the bottleneck, with separate statistics
    for every autoencoder. Sparse input (e.g. tf-idf) is scaled without
    centring and densified one mini-batch at a time; its start on the input
    (``init_on="auto"``, text being of the sparse kind) clusters one dense
    copy of it.

    References
    ----------
    S. E. Chazan, S. Gannot and J. Goldberger, "Deep clustering based on a
    mixture of autoencoders", IEEE International Workshop on Machine Learning
    for Signal Processing (MLSP), 2019. arXiv:1812.06535.

    Examples
    --------
    >>> from sklearn.datasets import load_digits
    >>> from skdeepcluster import DAMICClustering
    >>> X = load_digits().data
    >>> model = DAMICClustering(n_clusters=10, n_pretrain_epochs=2, n_epochs=2,
    ...                         random_state=0)
    >>> labels = model.fit_predict(X)
    >>> labels.shape, model.predict_proba(X[:3]).shape, model.transform(X[:3]).shape
    ((1797,), (3, 10), (3, 512))
    """

    _auto_budgets = AUTO_BUDGETS

    _parameter_constraints: dict = {
        **BaseDeepClustering._parameter_constraints,
        "hidden_layer_sizes": [StrOptions({"auto"}), tuple, list],
        "bottleneck_dim": [None, Interval(Integral, 1, None, closed="left")],
        "clustering_layer_sizes": [tuple, list],
        "n_filters": [tuple, list],
        "init": INIT_CONSTRAINT,
        "init_on": [StrOptions({"auto", *INIT_SPACES})],
        "predict_rule": [StrOptions(set(PREDICT_RULES))],
        "n_pretrain_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "n_cluster_pretrain_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "n_epochs": [Interval(Integral, 0, None, closed="left"), StrOptions({"auto"})],
        "learning_rate": [Interval(Real, 0, None, closed="neither")],
        "tol": [Interval(Real, 0, None, closed="left")],
        "n_iter_no_change": [Interval(Integral, 1, None, closed="left")],
        "label_tol": [Interval(Real, 0, 1, closed="both")],
        "pretrain_noise": [Interval(Real, 0, None, closed="left")],
    }

    _accept_sparse = True

    # Images keep the paper's one global [0, 1] range; flat features are
    # scaled as for the other methods (standardised, or by one spread): in one
    # global range a table's outliers squeezed its bulk into a sliver that the
    # clustering network did not learn to split (:ref:`results_damic_standard`).
    _image_scaling = "minmax"

    def __init__(
        self,
        n_clusters=10,
        *,
        max_clusters=None,
        image_shape=None,
        hidden_layer_sizes="auto",
        bottleneck_dim=None,
        clustering_layer_sizes=(512, 512),
        n_filters=(16, 32),
        scaling="auto",
        init="auto",
        init_on="auto",
        predict_rule="proba",
        n_pretrain_epochs="auto",
        pretrain_noise=0.0,
        n_cluster_pretrain_epochs="auto",
        n_epochs="auto",
        learning_rate=1e-3,
        batch_size=100,
        tol=1e-4,
        n_iter_no_change=5,
        label_tol=1e-3,
        device="auto",
        random_state=None,
        verbose=0,
    ):
        self.n_clusters = n_clusters
        self.max_clusters = max_clusters
        self.image_shape = image_shape
        self.hidden_layer_sizes = hidden_layer_sizes
        self.bottleneck_dim = bottleneck_dim
        self.clustering_layer_sizes = clustering_layer_sizes
        self.n_filters = n_filters
        self.scaling = scaling
        self.init = init
        self.init_on = init_on
        self.predict_rule = predict_rule
        self.n_pretrain_epochs = n_pretrain_epochs
        self.pretrain_noise = pretrain_noise
        self.n_cluster_pretrain_epochs = n_cluster_pretrain_epochs
        self.n_epochs = n_epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.tol = tol
        self.n_iter_no_change = n_iter_no_change
        self.label_tol = label_tol
        self.device = device
        self.random_state = random_state
        self.verbose = verbose

    # ------------------------------------------------------------ networks
    def _sizes(self, name, n_features=None):
        """A validated tuple of positive ints from parameter ``name``."""
        value = getattr(self, name)
        if name == "hidden_layer_sizes" and isinstance(value, str):
            return auto_autoencoder_sizes(n_features, self._width_clusters())
        if name == "n_filters":
            return check_positive_ints(value, name, n=2)
        return check_positive_ints(value, name, min_len=1)

    def _build_autoencoders(self, n_models, n_features, generator):
        output = "sigmoid" if self.scaling_ == "minmax" else None
        hidden = self._sizes("hidden_layer_sizes", n_features)
        # The code is no wider than the layer before it (many clusters).
        bottleneck = min(auto_bottleneck(self._width_clusters(), n_features), hidden[-1])
        factory = partial(
            build_damic_autoencoders, n_models, n_features,
            bottleneck=self.bottleneck_dim or bottleneck,
            image_shape=self.input_shape_,
            hidden_layer_sizes=hidden,
            n_filters=self._sizes("n_filters"), output=output,
        )
        return self._build_module(factory, partial(damic_init_, generator=generator))

    def _build_clustering_network(self, n_features, generator):
        factory = partial(
            build_damic_clustering_network, n_features, self.n_clusters_,
            image_shape=self.input_shape_,
            hidden_layer_sizes=self._sizes("clustering_layer_sizes"),
            n_filters=self._sizes("n_filters"),
        )
        return self._build_module(factory, partial(damic_init_, generator=generator))

    # ------------------------------------------------------ batch functions
    def _embed_batch(self, x):
        return self.clustering_network_.embed(x)

    def _log_proba_batch(self, x):
        return self.clustering_network_(x)

    def _distances_batch(self, x):
        return reconstruction_distances(x, self.autoencoders_(x))

    def _labels_batch(self, x):
        if self.predict_rule == "reconstruction":
            return self._distances_batch(x).argmin(1)
        return self._log_proba_batch(x).argmax(1)

    def _loss_batch(self, x):
        """The batch's mean loss, repeated once per sample."""
        loss = damic_loss(self._log_proba_batch(x), self._distances_batch(x))
        return loss.expand(x.shape[0])

    # ----------------------------------------------------------------- fit
    def _fit(self, X, random_state, trainer):
        cpu_gen, noise_gen = self._generators(random_state)
        n_samples, n_features = X.shape
        device = self.device_

        def batch(idx):
            return dense_rows(X, idx).to(device)

        def run_phase(phase, n_epochs, module, batch_loss):
            optimizer = adam(module.parameters(), lr=self.learning_rate)

            def epoch_fn(epoch):
                module.train()
                return {"loss": train_epoch(batch_loss, optimizer, n_samples,
                                            self.batch_size, cpu_gen, rows=X)}

            trainer.run(phase, n_epochs, epoch_fn)

        # 1. One autoencoder on all the data (denoising with pretrain_noise).
        single = self._build_autoencoders(1, n_features, cpu_gen)
        trainer.modules.append(single)

        def single_loss(idx):
            x = batch(idx)
            noisy = x
            if self.pretrain_noise > 0:
                noisy = x + self.pretrain_noise * torch.randn(
                    x.shape, generator=noise_gen, device=x.device, dtype=x.dtype)
            return reconstruction_distances(x, single(noisy)).mean()

        run_phase("pretrain", self._epochs("n_pretrain_epochs", n_samples), single, single_loss)

        # 2. Initial clustering of its bottleneck (k-means in the paper), or
        #    of a narrow input itself (init_on).
        single.eval()
        self.init_on_ = self._resolve_init_on(n_features)
        codes = None  # needed for the start on them, or for the estimate of "auto"
        if self.init_on_ == "codes" or self._auto_n_clusters:
            codes = self._apply(lambda x: single.encode(x)[0], X).numpy().astype(np.float64)
        n_clusters = self._estimate_n_clusters(codes, random_state, X)
        start_on = codes
        if self.init_on_ == "input":
            start_on = self._scaled_input(X)
        self.init_ = self._resolve_init(X, n_clusters)
        self.init_labels_ = self._start_labels(start_on, n_clusters, random_state)
        init_labels = torch.as_tensor(self.init_labels_)

        # 3. The clustering network learns the initial labels.
        self.clustering_network_ = self._build_clustering_network(n_features, cpu_gen)
        trainer.modules.append(self.clustering_network_)

        def clustering_loss(idx):
            log_p = self.clustering_network_(batch(idx))
            return torch.nn.functional.nll_loss(log_p, init_labels[idx].to(device))

        n_cluster_epochs = self._epochs("n_cluster_pretrain_epochs", n_samples)
        run_phase("pretrain_clustering", n_cluster_epochs, self.clustering_network_, clustering_loss)

        # 4. Each cluster's autoencoder, started from the single one, learns
        #    its members (all K trained at once, each on its own samples).
        self.autoencoders_ = self._build_autoencoders(
            n_clusters, n_features, cpu_gen
        ).replicate_(single)
        trainer.modules.remove(single)
        trainer.modules.append(self.autoencoders_)

        def members_loss(idx):
            d = self._distances_batch(batch(idx))
            return d.gather(1, init_labels[idx].to(device)[:, None]).mean()

        run_phase("pretrain_autoencoders", n_cluster_epochs, self.autoencoders_, members_loss)

        # 5. Joint training on the mixture loss, with early stopping.
        params = [*self.autoencoders_.parameters(), *self.clustering_network_.parameters()]
        optimizer = adam(params, lr=self.learning_rate)
        state = {"best": np.inf, "stale": 0, "labels": init_labels}
        counts = torch.zeros(n_clusters, dtype=torch.long)

        def joint_loss(idx):
            x = batch(idx)
            log_p = self._log_proba_batch(x)
            counts.add_(torch.bincount(log_p.detach().argmax(1).cpu(),
                                       minlength=n_clusters))
            return damic_loss(log_p, self._distances_batch(x))

        def joint_epoch(epoch):
            self.autoencoders_.train()
            self.clustering_network_.train()
            counts.zero_()
            loss = train_epoch(joint_loss, optimizer, n_samples, self.batch_size, cpu_gen, rows=X)
            sum_over_ranks(counts)  # each process counted its own rows
            if not np.isfinite(state["best"]) or loss < state["best"] - self.tol * abs(state["best"]):
                state["best"], state["stale"] = loss, 0
            else:
                state["stale"] += 1
            record = {"loss": loss, "n_empty": int((counts == 0).sum())}
            converged = state["stale"] >= self.n_iter_no_change
            if self.label_tol > 0:
                labels = self._apply(self._labels_batch, X)
                record["label_change"] = float((labels != state["labels"]).float().mean())
                state["labels"] = labels
                converged = converged or record["label_change"] < self.label_tol
            return {**record, "converged": converged}

        self.n_iter_ = trainer.run("cluster", self._joint_epochs(n_samples), joint_epoch)
        self.labels_ = self._apply(self._labels_batch, X).numpy()
        self._report_dead_clusters()

    def _joint_epochs(self, n_samples):
        """The epochs of the joint phase: ``n_epochs``'s, but none with
        ``"auto"`` where the start was made on a narrow input itself
        (``init_on_ == "input"``, not of the sparse kind): see
        ``NARROW_JOINT_EPOCHS``."""
        if (isinstance(self.n_epochs, str) and self.init_on_ == "input"
                and not self._sparse_kind):
            return NARROW_JOINT_EPOCHS
        return self._epochs("n_epochs", n_samples)

    def _report_dead_clusters(self):
        had_members = np.bincount(self.init_labels_, minlength=self.n_clusters_) > 0
        has_members = np.bincount(self.labels_, minlength=self.n_clusters_) > 0
        self.dead_clusters_ = np.flatnonzero(had_members & ~has_members)
        if self.dead_clusters_.size:
            # No joint epoch ran (a narrow input's start): the clustering
            # network did not learn those clusters of the start.
            stage = ("during joint training" if self.n_iter_ else
                     "while the clustering network learned the initial clustering")
            warnings.warn(
                f"{self.dead_clusters_.size} of the n_clusters={self.n_clusters_} clusters "
                f"(indices {self.dead_clusters_.tolist()}, kept in dead_clusters_) lost all "
                f"their training samples {stage}. Fewer clusters may fit the "
                "data better; otherwise try more pretraining epochs, a lower "
                "learning_rate, predict_rule='reconstruction' or another random_state.",
                ConvergenceWarning,
                stacklevel=4,
            )

    # ------------------------------------------------------------ inference
    def predict(self, X):
        """The cluster of each sample of ``X``, by ``predict_rule``.

        ``"proba"``: the cluster of highest ``p(c | x)`` (eq. 2 of the paper);
        ``"reconstruction"``: the autoencoder with the smallest reconstruction
        error (eq. 6).

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,)
        """
        return self._infer(X, self._labels_batch).numpy()

    def reconstruction_errors(self, X):
        """The reconstruction error ``d_c(x) = 1/2 ||x - f_c(x)||^2`` of every
        cluster's autoencoder, on the scaled input.

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)

        Returns
        -------
        errors : ndarray of shape (n_samples, n_clusters)
            One column per autoencoder (``n_clusters_`` of them).
        """
        return self._infer(X, self._distances_batch).numpy()

    def score(self, X, y=None):
        """Minus the mean DAMIC loss on ``X``:
        ``1/N sum_t log sum_c p(c | x_t) exp(-d_c(x_t))`` (higher is better).

        Parameters
        ----------
        X : {array-like, sparse matrix} of shape (n_samples, n_features)
        y : Ignored

        Returns
        -------
        score : float
        """
        return -float(self._infer(X, self._loss_batch).mean())
