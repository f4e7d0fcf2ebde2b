"""The base every estimator of skdeepcluster stands on.

:class:`BaseDeepClustering` holds what the methods share: parameter and input
validation, image shapes, input scaling, devices, random states, batched
inference, and pickling of fitted torch modules. A method subclasses it,
declares its own parameters in ``__init__`` and ``_parameter_constraints``,
and implements ``_fit`` (train, then set ``labels_``) plus the batch functions
that ``predict`` / ``transform`` use.
"""

import io
import math
import warnings
from abc import ABCMeta, abstractmethod
from functools import partial
from numbers import Integral

import numpy as np
import scipy.sparse as sp
import torch
from sklearn.base import (
    BaseEstimator,
    ClassNamePrefixFeaturesOutMixin,
    ClusterMixin,
    TransformerMixin,
    clone,
)
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import silhouette_score
from sklearn.utils import check_array, check_random_state
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import check_is_fitted, validate_data

from . import distributed
from . import nn as networks
from ._compat import HasMethods, Interval, StrOptions, _fit_context
from ._version import __version__
from .autok import (DEFAULT_RULE, _check_max_clusters, _estimate, _input_decides,
                    graph_shows_clusters)
from .data import ArrayRows, ColumnStats, chunk_slices, is_out_of_core, shift_images
from .gdl import GDLClustering
from .graph import SPECTRAL_NEIGHBORS, _spectral_graph, normalized_cut, spectral_clustering
from .mixture import columns_decorrelated, mixture_clustering
from .training import Trainer, apply_in_batches, epochs_for_steps, make_generator, resolve_device

__all__ = [
    "BaseDeepClustering",
    "initial_clustering",
    "cluster_means",
    "check_positive_ints",
    "shares_one_unit",
    "embedding_collapsed",
    "warn_if_collapsed",
]

#: Rows per batch at inference, whatever the training batch size.
INFERENCE_BATCH_SIZE = 1024

#: With ``n_clusters="auto"``, networks whose width follows the number of
#: clusters before it is estimated (DEPICT's embedding, DAMIC's code,
#: DiscriminativeLatentClustering's code) are built as for this many
#: clusters: the default ``n_clusters``, so that a fit with "auto" pretrains
#: exactly the network of a default fit and the two can be compared.
AUTO_WIDTH_CLUSTERS = 10

#: Hidden layers of width "auto" (see :func:`input_capped_sizes`) are never
#: narrower than this.
MIN_AUTO_WIDTH = 16

#: The seed of the Gaussian reference of
#: :func:`~skdeepcluster.autok.graph_shows_clusters` when ``fit`` asks
#: whether a decorrelated narrow input's graph shows its clusters (see
#: ``_narrow_table``): a fixed one, so that the verdict reads the data alone.
GRAPH_CLUSTERS_SEED = 0

#: Into two clusters on the codes, ``init="auto"`` also runs k-means of the
#: codes and takes its partition instead of spectral clustering's where its
#: silhouette is at least this many times that one's: one compact cluster
#: beside another, which the neighbour graph's normalised cut, favouring
#: balanced volumes, cuts across the large one where the rare class's rows
#: link to it. On 100 fits of DEPICT and DAMIC on two digits or two
#: Fashion-MNIST classes (the second cut to a tenth, to 0.4 or whole) and
#: two Gaussians in 100-D the ratio was 1.23-1.91 on the 12 fits it changed alone
#: (start ACC 0.51-0.72 -> 0.54-0.99; 10 ends up, one level, one down) and 0.62-1.19
#: on the 88 others, the balanced pairs' at most 1.15 (:ref:`results_compact_pair`).
COMPACT_PAIR_SILHOUETTE_RATIO = 1.2

#: The seed of that k-means (and of the rows its silhouettes are measured
#: on, :data:`SILHOUETTE_SAMPLES`): a fixed one, so that the estimator's
#: random stream is left as it was and a fit that keeps spectral
#: clustering's start is the fit without the comparison.
COMPACT_PAIR_SEED = 0

#: ... and where the smaller of k-means' clusters holds at least this share
#: of the rows (not a few outlying rows) and fewer rows than the smaller
#: cluster of the start: the case the rule is for, a large cluster cut
#: across beside a small one. Without that, on pairs that did not set the
#: ratios, k-means' partition replaced balanced starts of Fashion-MNIST
#: pairs for the worse (sandals and sneakers 0.825 -> 0.659,
#: :ref:`results_compact_pair`).
COMPACT_PAIR_MIN_SHARE = 0.01

#: ... and where its normalised cut of the codes' neighbour graph (the
#: graph spectral clustering cut) is at most this many times spectral
#: clustering's, which is above zero: k-means cuts straight across curved
#: clusters, which that graph follows. Two moons and two rings mapped into
#: 64-D: on 12 of 19 fits k-means' silhouette was 1.20-2.59 times spectral
#: clustering's (DAMIC took starts of 0.50-0.83 for 0.96-1.00), and its cut
#: 4.2-64 times as much (or spectral clustering's cut nothing); on the fits
#: mended above 0.85-2.22 times (:ref:`results_compact_pair`).
COMPACT_PAIR_CUT_RATIO = 3.0

#: The silhouettes of that comparison are measured on at most this many
#: rows drawn at random (each is quadratic in the rows it reads).
SILHOUETTE_SAMPLES = 4000

#: Inputs with at most this many features are "narrow" (tables of measured
#: variables rather than pixels or embeddings): DEPICT's "auto" network caps
#: its 500-unit layers at 8 units per feature and makes its embedding as wide
#: as them, and DEPICT and DAMIC start on such an input instead of their
#: networks' codes (``init_on``). The 64 pixels of the digits are above it.
NARROW_MAX_FEATURES = 62

#: Where a method's ``init`` clusters to start its clustering phase
#: (``init_on``): the learned codes, or the scaled input itself.
INIT_SPACES = ("codes", "input")

#: Inputs with no negative value and at least this fraction of zeros are
#: "sparse" in kind, whether held as a scipy.sparse matrix or as a dense
#: array: text as tf-idf or counts, one-hot codes. Their ``scaling="auto"``
#: is that of a sparse matrix, ``"maxabs"`` (one global factor, no
#: centring: standardising each word turns the rare ones into the loudest),
#: and DEPICT and DAMIC start on them (``init_on="auto"``): on the tf-idf of
#: the fortunes corpus (0.995 zeros) the autoencoders' codes cluster far
#: worse than the input's neighbour graph (doc/results.rst,
#: ``results_sparse_kind``). Pixel rows stay below it (zeros: the digits
#: 0.49, Fashion-MNIST 0.50).
SPARSE_ZERO_FRACTION = 0.9

#: ``fit`` warns when input of the sparse kind has at least this many rows
#: with no non-zero value (texts with no word left, as tf-idf rows): such a
#: row is no nearer to one unit-norm row than to another, yet nearer to most
#: (distance 1) than their nearest text is, so this many of
#: them can fill a row's whole neighbourhood in the graphs built on the
#: input (the spectral graph's :data:`~skdeepcluster.graph.SPECTRAL_NEIGHBORS`
#: neighbours). On a held-out corpus with 62 of them in 3,047 texts the
#: neighbours of a text shared its category 19% of the time with them and
#: 46% without, and DEPICT and DiscriminativeLatentClustering gained 0.04-0.05
#: of NMI fitted without them; 4 in the 1,114 fortunes moved nothing
#: (doc/results.rst, ``results_tried_1205b``).
EMPTY_ROWS_WARNING = SPECTRAL_NEIGHBORS

#: Neighbours of each row in the graph of DEPICT's and DAMIC's spectral
#: start on input of the sparse kind (text as tf-idf or counts), twice
#: :data:`~skdeepcluster.graph.SPECTRAL_NEIGHBORS`: a text shares words with
#: few others, so that its nearest rows beyond the first few are chance,
#: and a wider neighbourhood reads more of the words texts share. On five
#: sets of two corpora (fortune categories, 1,110-3,476 texts; manual pages
#: by section, 1,825 pages each) 30 neighbours raised the start's NMI on four
#: (+0.017 to +0.126) and left the fifth level, and DEPICT's fits gained on
#: all five (seeds 0-2; manual pages of sections 2, 3, 5, 7 and 8: ACC / NMI
#: 0.481 / 0.324 -> 0.568 / 0.449; doc/results.rst,
#: ``results_text_neighbours``).
TEXT_SPECTRAL_NEIGHBORS = 2 * SPECTRAL_NEIGHBORS


_SCALINGS = {"minmax", "standard", "global", "maxabs"}

#: With ``augment`` on, training images move by up to this fraction of their
#: height and width (at least one pixel): 2 pixels on 28x28 images.
AUGMENT_SHIFT = 1 / 14


class _SerializedModule:
    """A fitted module in the format of skdeepcluster 0.1.0: the whole module
    pickled by :func:`torch.save`.

    Opening it would need ``torch.load(weights_only=False)``, which can run
    arbitrary code, so it is never opened: the class only stays importable
    here so that such pickles can be read far enough to be refused with a
    clear message (see :meth:`BaseDeepClustering.__setstate__`)."""

    def __init__(self, payload):
        self.payload = payload


class _SavedModule:
    """A fitted module as pickled: how to build it and its weights.

    Parameters
    ----------
    recipe : dict
        Plain data: ``module`` and ``qualname`` of a network builder of
        :mod:`skdeepcluster.nn`, and the ``args`` and ``kwargs`` it was
        called with (see :func:`_module_recipe`).
    state : bytes
        The module's ``state_dict`` (parameters and buffers, on the CPU)
        written by :func:`torch.save`; read back with
        ``torch.load(weights_only=True)``.
    """

    def __init__(self, recipe, state):
        self.recipe = recipe
        self.state = state


#: Attribute of a fitted module that holds its recipe (:func:`_module_recipe`).
_RECIPE_ATTRIBUTE = "_skdeepcluster_recipe"


def _plain(value):
    """``value`` as plain Python data (None, bool, int, float, str, and
    tuples, lists and str-keyed dicts of them; NumPy scalars become Python
    scalars), or a TypeError."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, np.generic) and isinstance(value.item(), (bool, int, float, str)):
        return value.item()
    if isinstance(value, (tuple, list)):
        return (tuple if isinstance(value, tuple) else list)(_plain(item) for item in value)
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        return {key: _plain(item) for key, item in value.items()}
    raise TypeError(
        f"A network builder's argument {value!r} (of type {type(value).__name__}) is not "
        "plain Python data (None, bool, int, float, str, tuple, list or dict), so it "
        "cannot be saved with the model."
    )


def _network_builder(module, qualname):
    """The builder function ``qualname`` of :mod:`skdeepcluster.nn`, defined in
    ``module``; a ValueError for anything else."""
    builder = None
    if isinstance(qualname, str) and qualname.startswith("build_") and qualname in networks.__all__:
        builder = getattr(networks, qualname)
    if builder is None or not callable(builder) or builder.__module__ != module:
        raise ValueError(
            f"{module}.{qualname} is not a network builder of skdeepcluster.nn; a model "
            "can only rebuild its networks with the build_* functions of skdeepcluster.nn. "
            "The pickle was not written by skdeepcluster, or was altered."
        )
    return builder


def _module_recipe(factory):
    """How to rebuild the module ``factory()`` makes, as plain data.

    ``factory`` must be a :func:`functools.partial` of a builder of
    :mod:`skdeepcluster.nn`; the recipe holds the builder's ``module`` and
    ``qualname`` and the ``args`` and ``kwargs`` of the partial."""
    func = getattr(factory, "func", None)
    if not isinstance(factory, partial) or func is None:
        raise TypeError(
            "_build_module needs a functools.partial of a build_* function of "
            f"skdeepcluster.nn, so that the model can be saved; got {factory!r}."
        )
    _network_builder(func.__module__, func.__qualname__)
    return {
        "module": func.__module__,
        "qualname": func.__qualname__,
        "args": _plain(tuple(factory.args)),
        "kwargs": _plain(dict(factory.keywords)),
    }


def _save_module(module, name):
    """``module`` as a :class:`_SavedModule`: its recipe and its
    ``state_dict`` on the CPU, written by :func:`torch.save`."""
    recipe = getattr(module, _RECIPE_ATTRIBUTE, None)
    if recipe is None:
        raise TypeError(
            f"The fitted module {name} was not built by BaseDeepClustering._build_module, "
            "so there is no recipe to rebuild it from and it cannot be pickled. Build "
            "every fitted network with _build_module."
        )
    buffer = io.BytesIO()
    torch.save({key: value.detach().cpu() for key, value in module.state_dict().items()}, buffer)
    return _SavedModule(recipe, buffer.getvalue())


def _load_module(saved, device):
    """Rebuild a :class:`_SavedModule` on ``device``, in eval mode.

    The builder runs inside :func:`torch.random.fork_rng` (torch's default
    initialisers draw from the global RNG, and the weights are overwritten
    anyway); the weights are read with ``torch.load(weights_only=True)``,
    which only reads tensors and plain containers."""
    recipe = saved.recipe
    builder = _network_builder(recipe["module"], recipe["qualname"])
    args, kwargs = _plain(recipe["args"]), _plain(recipe["kwargs"])
    with torch.random.fork_rng(devices=[]):
        module = builder(*args, **kwargs)
    if not isinstance(module, torch.nn.Module):
        raise ValueError(f"{recipe['qualname']} did not build a torch module.")
    module.to(device)
    state = torch.load(io.BytesIO(saved.state), map_location=device, weights_only=True)
    module.load_state_dict(state)
    setattr(module, _RECIPE_ATTRIBUTE, recipe)
    return module.eval()


def _load_device(saved_device):
    """The device a model saved on ``saved_device`` opens on, on this machine.

    A CUDA device stays as it is when this machine has it; a CUDA index this
    machine lacks becomes ``cuda:0``; without CUDA, the CPU. Another
    accelerator (``"mps"``, ``"xpu"``) stays when available, else the CPU.

    Parameters
    ----------
    saved_device : torch.device, str or None
        The ``device_`` of the saved model (None: the CPU).

    Returns
    -------
    torch.device
    """
    cpu = torch.device("cpu")
    device = cpu if saved_device is None else torch.device(saved_device)
    if device.type == "cpu":
        return device
    if device.type == "cuda":
        if not torch.cuda.is_available():
            return cpu
        if device.index is not None and device.index >= torch.cuda.device_count():
            return torch.device("cuda", 0)
        return device
    is_available = getattr(getattr(torch, device.type, None), "is_available", None)
    return device if callable(is_available) and is_available() else cpu


class BaseDeepClustering(
    ClassNamePrefixFeaturesOutMixin, ClusterMixin, TransformerMixin, BaseEstimator,
    metaclass=ABCMeta,
):
    """Base class for the deep clustering estimators.

    Subclasses set the parameters named in ``_parameter_constraints`` below
    (they all have them) and implement :meth:`_fit` and :meth:`_embed_batch`,
    plus :meth:`_log_proba_batch` where the method has cluster probabilities.

    The fitted torch modules are plain attributes ending in ``_``, each built
    by :meth:`_build_module` from a builder of :mod:`skdeepcluster.nn`.

    Devices: ``fit`` resolves ``device`` into ``device_``, where the modules
    live. A ``device`` set after ``fit`` (``set_params(device="cpu")``,
    ``"cuda"``, ``"auto"``, ...) is honoured by ``predict``,
    ``predict_proba``, ``transform`` and ``score``: they move the modules to
    it first and update ``device_``.

    Pickling stores each module as the builder's name and arguments (plain
    data) plus its ``state_dict`` on the CPU; loading rebuilds the module and
    reads the weights with ``torch.load(weights_only=True)``, in eval mode,
    on the saved device when this machine has it: a CUDA index it lacks
    becomes ``cuda:0``, and without CUDA the CPU (:func:`_load_device`).
    Pickles of skdeepcluster 0.1.0, which stored whole modules, are refused
    with a ValueError (loading them could run arbitrary code).
    """

    _parameter_constraints: dict = {
        "n_clusters": [Interval(Integral, 1, None, closed="left"), StrOptions({"auto"})],
        "max_clusters": [None, Interval(Integral, 2, None, closed="left")],
        "image_shape": [None, StrOptions({"auto"}), tuple, list],
        "scaling": [None, StrOptions({"auto", *_SCALINGS})],
        "batch_size": [Interval(Integral, 1, None, closed="left")],
        "device": [str, torch.device],
        "random_state": ["random_state"],
        "verbose": ["verbose"],
    }

    #: The scaling ``scaling="auto"`` gives images (``image_shape`` set); a
    #: method may override it. Flat features get theirs from the data
    #: (:meth:`_choose_scaling`).
    _image_scaling = "standard"

    #: Whether ``fit`` and inference accept scipy.sparse input. Such a method
    #: receives a scaled CSR matrix in ``_fit`` and densifies it one batch at a
    #: time (:func:`~skdeepcluster.training.dense_rows`).
    _accept_sparse = False

    # ------------------------------------------------------------------ fit
    # Not skipped: ``init`` may be a user's clusterer, whose parameters are
    # validated when it is fitted inside.
    @_fit_context(prefer_skip_nested_validation=False)
    def fit(self, X, y=None):
        """Train the network and cluster ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data: flat features, or images flattened row by row
            (channels first) together with ``image_shape``. An
            ``np.memmap``, h5py or zarr dataset is read in chunks, never
            whole (see the user guide, "Data larger than memory").
        y : Ignored
            Not used, present for API consistency.

        Returns
        -------
        self : object
            The fitted estimator, with ``labels_`` set.
        """
        X = self._validate_input(X, reset=True)
        # Set here for an int; "auto" sets it in _fit (_estimate_n_clusters).
        self.n_clusters_ = None if self._auto_n_clusters else int(self.n_clusters)
        self.device_ = distributed.local_device(resolve_device(self.device))
        self._device_param = str(self.device)
        random_state = check_random_state(self.random_state)
        trainer = Trainer((), verbose=self.verbose)
        # Data-parallel under an initialised process group (torchrun): see
        # skdeepcluster.distributed. Without one, a plain block.
        with distributed.session(X, random_state):
            self._fit_scaling(X)
            X = self._scale(X)
            self._fit(X, random_state, trainer)
        n_found = np.unique(self.labels_).size
        if n_found < min(self.n_clusters_, X.shape[0]):
            warnings.warn(
                f"Only {n_found} of the n_clusters={self.n_clusters_} clusters are "
                "used by the training samples; the data may hold fewer clusters, or "
                "training may have collapsed (try another init or random_state).",
                ConvergenceWarning,
                stacklevel=3,
            )
        self.history_ = trainer.history
        self.interrupted_ = trainer.interrupted
        for module in self._modules():
            module.eval()
        # The embedding's width, for get_feature_names_out (set_output).
        self._n_features_out = int(self._apply(self._embed_batch, X[:1]).shape[1])
        return self

    @abstractmethod
    def _fit(self, X, random_state, trainer):
        """Train on the scaled input ``X`` and set ``labels_``, ``n_iter_``
        and the fitted modules. Register the modules to restore after an
        interruption with ``trainer.modules``.

        ``X`` is a batch source (:mod:`skdeepcluster.data`): ``X[idx]``, with
        ``idx`` a CPU tensor of indices, is the float32 CPU tensor of those
        rows, ``X.shape`` and ``len(X)`` are the data's, and full passes go
        through ``self._apply``. It is a float32 tensor for in-memory data,
        a CSR matrix for sparse data (read it with
        :func:`~skdeepcluster.training.dense_rows`), an
        :class:`~skdeepcluster.data.ArrayRows` for out-of-core data; pass
        it to :func:`~skdeepcluster.training.train_epoch` as ``rows`` so the
        next batch is read ahead."""

    def fit_predict(self, X, y=None):
        """Fit on ``X`` and return its cluster labels (``labels_``).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
        y : Ignored

        Returns
        -------
        labels : ndarray of shape (n_samples,)
        """
        return self.fit(X).labels_

    # ------------------------------------------------------------ inference
    def predict(self, X):
        """The cluster of each sample of ``X`` (most probable cluster).

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        labels : ndarray of shape (n_samples,)
        """
        return self.predict_proba(X).argmax(axis=1)

    def _has_proba(self):
        """Whether the method has cluster probabilities (implements
        :meth:`_log_proba_batch`); ``predict_proba`` exists only then."""
        return type(self)._log_proba_batch is not BaseDeepClustering._log_proba_batch

    @available_if(_has_proba)
    def predict_proba(self, X):
        """Cluster membership probabilities of each sample of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        proba : ndarray of shape (n_samples, n_clusters)
            Rows sum to one; one column per cluster of ``n_clusters_``.
        """
        return self._infer(X, self._log_proba_batch).exp().numpy()

    def transform(self, X):
        """The learned embedding of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)

        Returns
        -------
        embedding : ndarray of shape (n_samples, embedding_dim)
        """
        return self._infer(X, self._embed_batch).numpy()

    @abstractmethod
    def _embed_batch(self, x):
        """Embedding of a batch (a scaled float32 tensor on ``device_``)."""

    def _log_proba_batch(self, x):
        """Log cluster probabilities of a batch, shape (batch, n_clusters)."""
        raise NotImplementedError

    #: The ``"auto"`` budget of each phase whose epochs parameter takes
    #: ``"auto"``: parameter name -> (epochs, at least this many gradient
    #: steps, at most this many; :func:`~skdeepcluster.training.epochs_for_steps`).
    _auto_budgets = {}

    #: The same table for images (``input_shape_`` set), where a method's
    #: convolutional network costs more per step than its fully connected
    #: one; None uses ``_auto_budgets`` for images too.
    _image_auto_budgets = None

    def _epochs(self, name, n_samples):
        """The epochs of a phase: parameter ``name``, or for ``"auto"`` its
        budget of ``_auto_budgets`` (``_image_auto_budgets`` for images) in
        gradient steps on ``n_samples``."""
        value = getattr(self, name)
        if not isinstance(value, str):
            return value
        budgets = self._auto_budgets
        if self._image_auto_budgets is not None and getattr(self, "input_shape_", None) is not None:
            budgets = self._image_auto_budgets
        n_epochs, min_steps, max_steps = budgets[name]
        return epochs_for_steps(n_epochs, n_samples, self.batch_size,
                                min_steps=min_steps, max_steps=max_steps)

    def _infer(self, X, function):
        """Validate and scale ``X``, then apply ``function`` batch by batch
        (out-of-core ``X`` is validated batch by batch as it is read)."""
        check_is_fitted(self)
        X = self._validate_input(X, reset=False)
        self._follow_device()
        return self._apply(function, self._scale(X))

    def _follow_device(self):
        """When ``device`` was set after fit (or load), move the fitted modules
        to it and update ``device_``.

        ``_device_param`` is the ``device`` value that ``device_`` comes from;
        while ``device`` keeps that value the modules stay where they are, so
        a model loaded on another machine keeps the device :func:`_load_device`
        chose for it."""
        if str(self.device) == self._device_param:
            return
        device = resolve_device(self.device)
        if device != self.device_:
            for module in self._modules():
                module.to(device)
            self.device_ = device
        self._device_param = str(self.device)

    def _resolve_init_on(self, n_features):
        """The space the estimator's ``init_on`` starts the clustering in:
        ``"auto"`` is ``"input"`` for inputs of at most
        :data:`NARROW_MAX_FEATURES` features or of the sparse kind
        (:data:`SPARSE_ZERO_FRACTION`, read by ``fit`` with the scaling) and
        ``"codes"`` for the others; ``"codes"`` and ``"input"`` stand."""
        if self.init_on != "auto":
            return self.init_on
        return "input" if n_features <= NARROW_MAX_FEATURES or self._sparse_kind else "codes"

    def _resolve_init(self, X, n_clusters):
        """The start's clusterer, ``init`` with ``"auto"`` resolved after
        :meth:`_resolve_init_on` for the scaled batch source ``X``:
        ``"gmm"`` (a Gaussian mixture,
        :func:`~skdeepcluster.mixture.mixture_clustering`) on a narrow input
        itself (a table of measured variables, :meth:`_narrow_table`),
        ``"spectral"`` elsewhere. Over 12 measured tables the mixture's start
        was above spectral clustering's on 10 (iris 0.853 -> 0.967), on the
        principal components of images below it (0.03-0.07 of ACC;
        :ref:`results_mixture_start`), which are decorrelated columns whose
        graph shows the clusters, and keep spectral clustering
        (:ref:`results_decorrelated`, :ref:`results_graph_evidence`)."""
        if self.init != "auto":
            return self.init
        if self.init_on_ == "input" and self._narrow_table(X, n_clusters):
            return "gmm"
        return "spectral"

    def _start_labels(self, start_on, n_clusters, random_state):
        """``init_labels_``: :func:`initial_clustering` of ``start_on`` (the
        codes, or the scaled input with ``init_on_ == "input"``) by
        ``init_``.

        On an input of the sparse kind (text as tf-idf or counts) the rows
        with no non-zero value (documents with no word left) are left out of
        it and join the cluster whose mean is nearest to them, the one of
        the most diffuse rows: such a row shares nothing with any other, but
        among unit-norm rows it is at distance 1 from all of them, nearer
        than most rows' own neighbours, so the empty rows, one clique, tie
        the neighbour graph of the start together. On 20 categories of the
        fortunes corpus (70 empty rows of 3,546) spectral clustering of the
        input put 2,826 texts in one cluster (ACC / NMI 0.167 / 0.199) and
        0.323 / 0.309 without them; on five categories 0.654 / 0.423 and
        0.650 / 0.448 (:ref:`results_damic_many`). On such input the
        spectral graph links each row to :data:`TEXT_SPECTRAL_NEIGHBORS`
        rows (:ref:`results_text_neighbours`)."""
        if self.init_on_ == "input" and self._sparse_kind:
            full = self._text_rows(start_on, n_clusters)
            rows = start_on if full is None else start_on[full]
            labels = initial_clustering(rows, n_clusters, self.init_, random_state,
                                        n_neighbors=TEXT_SPECTRAL_NEIGHBORS)
            return labels if full is None else join_empty_rows(labels, full, rows, n_clusters)
        labels = initial_clustering(start_on, n_clusters, self.init_, random_state)
        if self.init == "auto" and self.init_on_ == "codes" and n_clusters == 2:
            compact = distributed.on_rank_zero(compact_pair, start_on, labels)
            if compact is not None:
                self.init_, labels = "kmeans", compact
        return labels

    def _text_rows(self, X, n_clusters):
        """Which rows of the dense array ``X`` a graph of the input holds
        on input of the sparse kind: a mask of the rows with a value where
        some rows have none and more than ``n_clusters`` have one (the
        others then join a cluster, :func:`join_empty_rows`), else None
        (every row)."""
        if not self._sparse_kind:
            return None
        full = _rows_with_a_value(X)
        if full.all() or np.count_nonzero(full) <= max(n_clusters, 1):
            return None
        return full

    def _narrow_table(self, X, n_clusters):
        """Whether the scaled training input ``X`` (a batch source) is a
        narrow table of measured variables, to be clustered into
        ``n_clusters`` by a Gaussian mixture: at most
        :data:`NARROW_MAX_FEATURES` features, neither of the sparse kind,
        nor pixels (images, or flat features sharing one unit), nor
        decorrelated columns (principal components and the like,
        :func:`~skdeepcluster.mixture.columns_decorrelated`, as read by
        ``fit`` with the scaling) whose nearest-neighbour graph shows
        ``n_clusters`` clusters
        (:func:`~skdeepcluster.autok.graph_shows_clusters`; the graph of
        mlbench's ringnorm, one Gaussian inside a wider one, does not:
        :ref:`results_graph_evidence`). That verdict reads the data alone:
        its Gaussian reference is drawn with a fixed seed
        (``GRAPH_CLUSTERS_SEED``), so that the kind of start does not
        depend on ``random_state`` and the estimator's random stream is
        left as it was."""
        if X.shape[1] > NARROW_MAX_FEATURES or self._sparse_kind or self._pixels:
            return False
        if not self._decorrelated:
            return True
        return n_clusters >= 2 and not distributed.on_rank_zero(
            graph_shows_clusters, self._scaled_input(X), n_clusters, random_state=GRAPH_CLUSTERS_SEED,
            device=self.device_)

    def _scaled_input(self, X):
        """The scaled training rows of the batch source ``X`` as one float64
        array: what ``init`` clusters with ``init_on_ == "input"``."""
        return self._apply(lambda x: x, X).numpy().astype(np.float64)

    def _apply(self, function, X):
        """Apply a batch function to the scaled batch source ``X`` in eval mode."""
        for module in self._modules():
            module.eval()
        apply = partial(
            apply_in_batches, function, batch_size=max(self.batch_size, INFERENCE_BATCH_SIZE),
            device=self.device_,
        )
        # In a distributed fit each process computes its share of the rows.
        return distributed.apply_sharded(apply, X)

    # ---------------------------------------------------------- validation
    def _validate_input(self, X, *, reset):
        """Validated ``X``: an array or CSR matrix, or for out-of-core ``X``
        (:func:`~skdeepcluster.data.is_out_of_core`) an unscaled
        :class:`~skdeepcluster.data.ArrayRows` (see :meth:`_validate_chunks`)."""
        if is_out_of_core(X):
            X = self._validate_chunks(X, reset=reset)
        else:
            X = validate_data(
                self, X, reset=reset, dtype=[np.float64, np.float32],
                accept_sparse="csr" if self._accept_sparse else False, ensure_min_samples=1,
            )
        if reset:
            if self._auto_n_clusters:
                if X.shape[0] < 2:
                    raise ValueError(
                        f"n_samples={X.shape[0]}: n_clusters='auto' needs at least 2 "
                        "samples to estimate the number of clusters."
                    )
                self._max_clusters = _check_max_clusters(self.max_clusters, X.shape[0])
            elif X.shape[0] < self.n_clusters:
                raise ValueError(
                    f"n_samples={X.shape[0]} should be >= n_clusters={self.n_clusters}:"
                    " pass more samples or ask for fewer clusters."
                )
            self.input_shape_ = self._resolve_image_shape(X.shape[1])
        return X

    def _validate_chunks(self, X, *, reset):
        """Validate out-of-core ``X`` chunk by chunk, never reading it whole.

        The first chunk goes through ``validate_data`` (dimensions, dtype,
        ``n_features_in_``: the messages of in-memory input), the others
        through ``check_array``; a NaN or infinity is reported with its row.
        With ``reset`` (fit) every chunk is checked now, and the column
        statistics of the scaling are gathered in the same pass; otherwise
        (inference) the chunks are checked as the batches are read.

        Returns
        -------
        ArrayRows
            Unscaled, with ``stats`` after a fit's pass.
        """
        shape = tuple(X.shape)
        n_samples = shape[0] if shape else 0
        slices = chunk_slices(n_samples, shape[1] if len(shape) > 1 else 1) or [slice(0, 0)]
        head = self._check_rows(X[slices[0]], 0, first=True, reset=reset)
        if not reset:
            return ArrayRows(X, check=self._check_rows)
        stats = ColumnStats(shape[1])
        stats.update(head)
        for rows in slices[1:]:
            stats.update(self._check_rows(X[rows], rows.start))
        return ArrayRows(X, check=self._check_rows, stats=stats)

    def _check_rows(self, chunk, start, *, first=False, reset=False):
        """``chunk``, rows ``start:start + len(chunk)`` of an out-of-core X,
        validated as a float array; a non-finite value's error names its row."""
        try:
            if first:
                return validate_data(self, chunk, reset=reset, dtype=[np.float64, np.float32],
                                     ensure_min_samples=1)
            return check_array(chunk, dtype=[np.float64, np.float32], estimator=self,
                               input_name="X")
        except ValueError as exc:
            values = np.asarray(chunk)
            if values.ndim != 2 or values.dtype.kind not in "biuf":
                raise
            finite = np.isfinite(values).all(axis=1)
            if finite.all():
                raise
            row = start + int(np.argmin(finite))
            raise ValueError(f"{exc}\nThe first such value is in row {row} of X.") from None

    # ------------------------------------------------- number of clusters
    @property
    def _auto_n_clusters(self):
        """Whether the number of clusters is estimated (``n_clusters="auto"``)."""
        return isinstance(self.n_clusters, str)

    def _width_clusters(self):
        """The number of clusters that sizes a network before the estimate:
        ``n_clusters``, or ``AUTO_WIDTH_CLUSTERS`` with ``"auto"``."""
        return AUTO_WIDTH_CLUSTERS if self._auto_n_clusters else self.n_clusters

    def _estimate_n_clusters(self, embedding, random_state, X, n_neighbors=None, input_memo=None):
        """``n_clusters_``: with ``"auto"``, estimated on ``embedding`` by
        :func:`~skdeepcluster.estimate_n_clusters` (at most ``max_clusters``),
        with the scaled training input ``X`` as its ``X_input`` when ``X`` is
        a dense in-memory tensor (not for sparse or out-of-core ``X``; in
        its own unit where it has one, :meth:`_estimate_input`); else
        ``n_clusters``, and ``random_state`` is left untouched.
        ``n_neighbors`` (None: the shared default) sizes the embedding's
        graph only; the input's keeps the default. A fit that estimates
        twice passes the same dict as ``input_memo`` to both calls: the
        input is read once."""
        if self._auto_n_clusters:
            seed = random_state.randint(np.iinfo(np.int32).max)
            self.n_clusters_ = distributed.on_rank_zero(
                _estimate, embedding, self._max_clusters, self._estimate_input(X),
                n_neighbors or SPECTRAL_NEIGHBORS, SPECTRAL_NEIGHBORS, DEFAULT_RULE, seed,
                self.device_, input_memo,
            )
            self._warn_at_bound(len(embedding))
        return self.n_clusters_

    def _warn_at_bound(self, n_samples):
        """Warn where the estimate ``n_clusters_`` reached ``max_clusters``
        below ``n_samples``."""
        if self.n_clusters_ >= self._max_clusters and self._max_clusters < n_samples:
            warnings.warn(
                f"n_clusters='auto' estimated {self.n_clusters_} clusters, the bound "
                f"max_clusters={self._max_clusters}: the data may hold more. Pass a larger "
                "max_clusters (at most n_samples) to let the estimate go further.",
                UserWarning, stacklevel=4,
            )

    def _estimate_from_input(self, X, random_state, input_memo):
        """With ``"auto"``, ``n_clusters_`` from the scaled training input
        ``X`` alone where its graph decides it (:meth:`_estimate_n_clusters`
        would answer the same on any embedding), else left None; ``input_memo``
        as there. A fit that trains before it estimates (JULE's first
        period) can then train for that number from the start."""
        X_input = self._estimate_input(X) if self._auto_n_clusters else None
        if X_input is not None:
            seed = random_state.randint(np.iinfo(np.int32).max)
            self.n_clusters_ = distributed.on_rank_zero(
                _input_decides, X_input, self._max_clusters, SPECTRAL_NEIGHBORS, seed,
                self.device_, input_memo,
            )
            if self.n_clusters_ is not None:
                self._warn_at_bound(len(X_input))
        return self.n_clusters_

    def _estimate_input(self, X):
        """The ``X_input`` that :meth:`_estimate_n_clusters` passes for the
        scaled training input ``X``: ``X`` as an array when it is a dense
        in-memory tensor, else None. Features that all share one unit,
        standardised one by one for training (``scaling="standard"``; with
        ``"auto"`` such features are now scaled by one spread,
        ``"global"``), are read in that unit again, the input less its
        mean: standardising each stretches shapes drawn in one unit, and the
        graph of FCPS Lsun's two coordinates fell into 4 pieces, not 3."""
        if not isinstance(X, torch.Tensor):
            return None
        X_input = X.numpy()
        return X_input / self.scale_factor_ if self._estimate_in_unit else X_input

    def _resolve_image_shape(self, n_features):
        """``image_shape`` as a (C, H, W) tuple, or None for flat features."""
        shape = self.image_shape
        if shape is None:
            return None
        if isinstance(shape, str):  # "auto"
            side = math.isqrt(n_features)
            if side * side != n_features:
                raise ValueError(
                    f"image_shape='auto' needs square single-channel images, but "
                    f"n_features={n_features} is not a perfect square. Pass "
                    "image_shape=(channels, height, width), or None for flat features."
                )
            return (1, side, side)
        shape = tuple(shape)
        if len(shape) == 2:
            shape = (1, *shape)
        if len(shape) != 3 or not all(
            isinstance(s, Integral) and not isinstance(s, bool) and s > 0 for s in shape
        ):
            raise ValueError(
                f"image_shape must be (channels, height, width) of positive integers, "
                f"(height, width), 'auto' or None; got {self.image_shape!r}."
            )
        if int(np.prod(shape)) != n_features:
            raise ValueError(
                f"image_shape={shape} holds {int(np.prod(shape))} values per sample "
                f"but X has n_features={n_features}. Images must be flattened "
                "row by row with channels first (e.g. images.reshape(len(images), -1) "
                "for (N, C, H, W) arrays)."
            )
        return tuple(int(s) for s in shape)

    # -------------------------------------------------------------- scaling
    def _choose_scaling(self, X, extremes):
        """``scaling`` with ``"auto"`` resolved on the training data:
        ``"maxabs"`` for sparse X; ``"minmax"`` for flat features, at least
        ``AUTO_MINMAX_MIN_FEATURES`` of them, that share one unit
        (:func:`shares_one_unit`: pixels given as flat rows, counts on one
        scale); ``"maxabs"`` for other dense X of the sparse kind
        (:func:`is_sparse_kind`: tf-idf rows); the method's
        ``_image_scaling`` for images; else ``"standard"``, or
        ``"global"`` where the varying features' ranges are within a
        factor ``COMPARABLE_RANGE_RATIO`` of each other. Out-of-core X
        decides on the column statistics of its validation pass.
        ``extremes`` are the columns' minima and maxima of dense X
        (:func:`_column_extremes`), read once by :meth:`_fit_scaling`."""
        if self.scaling != "auto":
            return self.scaling
        if sp.issparse(X):
            return "maxabs"
        if self.input_shape_ is not None:
            return self._image_scaling
        if self._pixels:
            return "minmax"
        if self._sparse_kind:
            return "maxabs"
        return "global" if _ranges_comparable(*extremes) else "standard"

    def _fit_scaling(self, X):
        """Learn ``scale_offset_`` and ``scale_factor_`` so that
        ``(X - offset) * factor`` is the network's input.

        ``"minmax"`` maps the global range of X to [0, 1] (pixels keep their
        relative intensities and a dark background stays at 0);
        ``"standard"`` gives each feature zero mean and unit variance
        (constant features are only centred); ``"global"`` centres each
        feature and divides all by one standard deviation, the root mean
        square of the varying features' (their relative spreads are kept);
        ``"maxabs"`` divides X by its
        largest absolute value (no centring: the scaling for sparse X, where
        ``"auto"`` means ``"maxabs"``); None keeps X.

        Out-of-core X (an :class:`~skdeepcluster.data.ArrayRows`) uses the
        statistics of its validation pass, plus a second pass for the
        standard deviations of ``"standard"`` (squared deviations from the
        mean, as NumPy computes them): the same values as in memory (also
        for ``"global"``).
        """
        self._sparse_kind = is_sparse_kind(X)
        wide = X.shape[1] >= AUTO_MINMAX_MIN_FEATURES
        # One pass for the columns' extremes, where the one-unit test or the
        # choice of "auto" reads them.
        extremes = None
        if not sp.issparse(X) and (wide or self.scaling == "auto"):
            extremes = _column_extremes(X)
        # Pixels: images, or at least AUTO_MINMAX_MIN_FEATURES flat features
        # that share one unit.
        self._pixels = self.input_shape_ is not None or (
            extremes is not None and wide and _columns_share_one_unit(*extremes))
        if self._sparse_kind:
            _warn_if_many_empty_rows(X)
        # Narrow dense columns that are decorrelated: principal components
        # and the like, not a table of measured variables (_narrow_table).
        self._decorrelated = (
            not sp.issparse(X) and X.shape[1] <= NARROW_MAX_FEATURES and columns_decorrelated(X))
        self.scaling_ = mode = self._choose_scaling(X, extremes)
        n_features = X.shape[1]
        offset, factor = np.zeros(n_features), np.ones(n_features)
        if sp.issparse(X) and mode not in (None, "maxabs"):
            raise ValueError(
                f"scaling={mode!r} would centre the sparse input and make it dense. "
                "Use scaling='maxabs' (or 'auto') or None for sparse X, or pass "
                "X.toarray() if it fits in memory."
            )
        stats = X.stats if isinstance(X, ArrayRows) else None
        if mode == "maxabs":
            high = float(abs(X).max()) if stats is None else stats.absmax
            factor[:] = 1.0 / high if high > 0 else 1.0
        elif mode == "minmax":
            low, high = (float(X.min()), float(X.max())) if stats is None else (stats.min, stats.max)
            offset[:] = low
            factor[:] = 1.0 / (high - low) if high > low else 1.0
        elif mode in ("standard", "global"):
            if stats is None:
                offset = X.mean(axis=0, dtype=np.float64)
                std = X.std(axis=0, dtype=np.float64)
            else:
                for rows in X.chunks():
                    stats.update_deviations(X.raw(rows))
                offset, std = stats.mean, stats.std
            if mode == "global":  # one spread for all: the RMS of the varying features'
                spread = np.sqrt(np.mean(std[std > 0] ** 2)) if np.any(std > 0) else 1.0
                std = np.full(n_features, spread)
            factor = np.where(std > 0, 1.0 / np.where(std > 0, std, 1.0), 1.0)
        self.scale_offset_, self.scale_factor_ = offset, factor
        # With n_clusters="auto" the estimate reads the input in its own unit
        # where every feature shares one (see _estimate_input).
        self._estimate_in_unit = bool(
            self._auto_n_clusters and mode == "standard" and isinstance(X, np.ndarray)
            and shares_one_unit(X, every=True)
        )

    def _scale(self, X):
        """The scaled batch source of validated ``X``: a float32 tensor (CPU)
        for an array (scaled a chunk at a time, so that no float64 copy of X
        is made), a CSR matrix for sparse ``X`` (whose offset is always
        zero), the same :class:`~skdeepcluster.data.ArrayRows` with the
        scaling for out-of-core ``X`` (read into pinned memory for a CUDA
        ``device_``)."""
        if sp.issparse(X):
            return sp.csr_matrix(X @ sp.diags(self.scale_factor_), dtype=np.float32)
        if isinstance(X, ArrayRows):
            return X.scaled(self.scale_offset_, self.scale_factor_,
                            pin_memory=self.device_.type == "cuda")
        scaled = np.empty(X.shape, dtype=np.float32)
        for rows in chunk_slices(*X.shape):
            scaled[rows] = (X[rows] - self.scale_offset_) * self.scale_factor_
        return torch.from_numpy(scaled)

    # ------------------------------------------------------------- helpers
    def _generators(self, random_state):
        """Two independent generators: one on the CPU (initialisation and
        shuffling) and one on ``device_`` (dropout and other noise).

        In a distributed fit every process shuffles alike, and each draws
        its own noise for its own rows (the noise seed is offset by the
        process's rank)."""
        seeds = random_state.randint(np.iinfo(np.int32).max, size=2)
        noise_seed = int(seeds[1]) + distributed.rank()
        return make_generator(seeds[0], "cpu"), make_generator(noise_seed, self.device_)

    def _augmenter(self, generator):
        """The augmentation of training batches this fit uses, or None.

        ``augment`` (a parameter of the methods that have it): ``"auto"`` is
        on for images (``input_shape_`` set) and off for flat features;
        True needs images. On, the returned function takes a scaled batch
        (float32, on ``device_``, one flattened image a row) and returns it
        with each image shifted by up to ``AUGMENT_SHIFT`` of its sides
        (:func:`~skdeepcluster.data.shift_images`, drawn from
        ``generator``). The shift is made on the unscaled pixels and the
        result scaled again, so that a per-pixel scaling (``"standard"``)
        stays the scaling of each position. Off, nothing is drawn from
        ``generator``.
        """
        augment = getattr(self, "augment", False)
        if isinstance(augment, str):  # "auto"
            augment = self.input_shape_ is not None
        if not augment:
            return None
        if self.input_shape_ is None:
            raise ValueError(
                "augment=True shifts images, but image_shape is None, so X is read as "
                "flat features. Pass image_shape=(channels, height, width) for "
                "flattened images, or augment=False (or 'auto') for flat features."
            )
        shape = self.input_shape_
        max_shift = max(1, round(AUGMENT_SHIFT * min(shape[1:])))
        offset = torch.as_tensor(self.scale_offset_, dtype=torch.float32, device=self.device_)
        factor = torch.as_tensor(self.scale_factor_, dtype=torch.float32, device=self.device_)

        def augment_batch(x):
            images = (x / factor + offset).reshape(len(x), *shape)
            shifted = shift_images(images, max_shift, generator).reshape(len(x), -1)
            return (shifted - offset) * factor

        return augment_batch

    def _build_module(self, factory, initialise):
        """Construct a network with ``factory()``, initialise it on the CPU
        with ``initialise(module)``, and move it to ``device_``.

        Construction runs inside :func:`torch.random.fork_rng` because torch's
        default initialisers draw from the global RNG; ``initialise`` must set
        every parameter from the fit's own generator.

        ``factory`` must be a :func:`functools.partial` of a ``build_*``
        function of :mod:`skdeepcluster.nn` with plain-data arguments: the
        module keeps that recipe, from which pickling rebuilds it."""
        recipe = _module_recipe(factory)
        with torch.random.fork_rng(devices=[]):
            module = factory()
        initialise(module)
        setattr(module, _RECIPE_ATTRIBUTE, recipe)
        return module.to(self.device_)

    def _modules(self):
        """The fitted torch modules held by this estimator."""
        return [v for v in vars(self).values() if isinstance(v, torch.nn.Module)]

    def __sklearn_is_fitted__(self):
        # Every fit ends by setting labels_; parameters may end in "_" too
        # (JULE's lambda_), so the default attribute scan cannot be used.
        return hasattr(self, "labels_")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = self._accept_sparse
        tags.input_tags.allow_nan = False
        return tags

    # ------------------------------------------------------------ pickling
    def __getstate__(self):
        state = dict(super().__getstate__())
        for key, value in state.items():
            if isinstance(value, torch.nn.Module):
                state[key] = _save_module(value, key)
        state["_skdeepcluster_version"] = __version__
        return state

    def __setstate__(self, state):
        state = dict(state)
        saved_version = state.pop("_skdeepcluster_version", "unknown")
        legacy = sorted(key for key, value in state.items() if isinstance(value, _SerializedModule))
        if legacy:
            raise ValueError(
                f"This {type(self).__name__} was saved by skdeepcluster {saved_version} in "
                f"the format of 0.1.0, which pickles whole torch modules ({', '.join(legacy)}): "
                "loading them can run arbitrary code, so this version refuses to. Refit "
                f"the model with skdeepcluster {__version__}; if you trust the file and "
                "need its results, load it with skdeepcluster 0.1.0, and refit."
            )
        if saved_version != __version__:
            warnings.warn(
                f"This {type(self).__name__} was saved by skdeepcluster "
                f"{saved_version} and is loaded by {__version__}; results may "
                "differ. Refit it with this version to be safe.",
                UserWarning,
                stacklevel=2,
            )
        if "device_" in state:
            state["device_"] = _load_device(state["device_"])
            state.setdefault("_device_param", str(state.get("device")))
        device = state.get("device_", torch.device("cpu"))
        for key, value in state.items():
            if isinstance(value, _SavedModule):
                state[key] = _load_module(value, device)
        super().__setstate__(state)


#: ``scaling="auto"`` treats flat features as sharing one unit when none is
#: negative and the median of their maxima (over the features that vary) is
#: at least this fraction of the largest value: 1.0 for the digits' and
#: Fashion-MNIST's pixels, 0.72 for iris (all in cm), 0.003 for wine and
#: 0.0001 for breast cancer (features in different units).
SHARED_UNIT_RATIO = 0.5

#: ... or, for features of any sign, when the median of their ranges (over
#: the features that vary) is at least this fraction of the widest range:
#: a grid of one measurement after a global shift and scale, such as pixels
#: normalised by their mean and standard deviation (the digits so
#: normalised: 1.0), which the test of the maxima, made for non-negative
#: values, cannot see. Standardised tables stay below it (breast cancer
#: 0.53, 30-d Gaussian blobs 0.63-0.91, the digits reduced to 20 principal
#: components 0.59, the digits standardised pixel by pixel 0.09).
SHARED_RANGE_RATIO = 0.99

#: ... and when there are at least this many features. One global range
#: suits many features on one scale (pixels), where standardising each would
#: blow up the noise of nearly constant ones (border pixels); a few features
#: are better standardised one by one: on FCPS Lsun (2 features in one unit)
#: DEPICT used 1 of its 3 clusters with min-max scaling, 3 with "standard".
AUTO_MINMAX_MIN_FEATURES = 16

#: Where ``scaling="auto"`` would standardise flat features one by one (the
#: methods' own choice for features that do not share one unit as pixels
#: do), it scales them by one global spread instead
#: (``"global"``: each centred, all divided by the root mean square of their
#: standard deviations) when the largest range of a varying feature is at
#: most this many times the smallest: spreads within two orders of
#: magnitude are read as comparable, and standardising them one by one
#: gives every feature, informative or noise, the same weight. Measured
#: (k-means and the estimators, :ref:`results_global_scaling`): 5 blobs in
#: 10 of 200 features (the rest noise, range ratio 2.8) ARI 0.01-0.35
#: standardised against 0.92-0.96 so scaled; pyclustering's Simple04 (two
#: coordinates, 9.1) 0.22-0.40 against 0.89-1.00; iris (2.5) a little
#: better for DEPICT and DiscriminativeLatentClustering, a little worse for
#: JULE; wine (2,645) and breast cancer (140,569), features in different
#: units, stay standardised (scaled by one spread by hand: 0.36-0.45 and
#: 0.29-0.67 against 0.74-0.88 and 0.75-0.79 standardised, seed 0).
COMPARABLE_RANGE_RATIO = 100


def shares_one_unit(X, every=False):
    """Whether the columns of the dense array ``X`` look like one unit, so
    that one global min-max scaling keeps their relative sizes, as for
    pixels: non-negative values whose maxima are comparable
    (``SHARED_UNIT_RATIO``), or values of any sign whose ranges are the same
    (``SHARED_RANGE_RATIO``: pixels after a global shift and scale).
    ``every=True`` asks the first of every varying feature's maximum instead
    of their median, and not the second: the test for a few features (with
    two, the median of the maxima, their mean, is always at least half the
    larger one)."""
    return X.size > 0 and _columns_share_one_unit(X.min(axis=0), X.max(axis=0), every)


def is_sparse_kind(X):
    """Whether validated ``X`` (dense, scipy.sparse or out-of-core) is of the
    sparse kind: no negative value and at least :data:`SPARSE_ZERO_FRACTION`
    of its values zero."""
    if sp.issparse(X):
        n_values, n_nonzero, low = X.shape[0] * X.shape[1], X.count_nonzero(), X.min()
    elif isinstance(X, ArrayRows):
        stats = X.stats
        n_values = stats.n_samples * len(stats.column_min)
        n_nonzero, low = stats.n_nonzero, stats.min
    else:
        n_values, n_nonzero, low = X.size, np.count_nonzero(X), X.min(initial=0)
    return bool(n_values) and low >= 0 and n_values - n_nonzero >= SPARSE_ZERO_FRACTION * n_values


def count_empty_rows(X):
    """The number of rows of validated ``X`` (dense, scipy.sparse or
    out-of-core) with no non-zero value (stored zeros of a sparse matrix
    count as zeros, as in :func:`is_sparse_kind`)."""
    if sp.issparse(X):
        return int(np.count_nonzero((X != 0).getnnz(axis=1) == 0))
    if isinstance(X, ArrayRows):
        return X.stats.n_empty_rows
    return int(len(X) - np.count_nonzero(_rows_with_a_value(X)))


def _rows_with_a_value(X):
    """Which rows of the dense array ``X`` hold a non-zero value."""
    return np.any(X, axis=1)


def join_empty_rows(labels, full, rows, n_clusters):
    """The labels of all rows, from those of the rows with a value.

    Where a neighbour graph of text leaves out the rows with no non-zero
    value (:meth:`BaseDeepClustering._start_labels`, JULE's first period),
    they join the cluster whose mean is nearest to them, the one with the
    smallest mean: that of the most diffuse rows.

    Parameters
    ----------
    labels : ndarray of shape (n_full,)
        Ints in ``range(n_clusters)``, the clusters of the rows with a value.
    full : bool ndarray of shape (n_samples,)
        Which rows have a value (``n_full`` of them).
    rows : ndarray of shape (n_full, n_features)
        Their values.
    n_clusters : int

    Returns
    -------
    labels : ndarray of shape (n_samples,)
    """
    labels = np.asarray(labels, dtype=np.int64)
    members = sp.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))),
                            shape=(n_clusters, len(labels)))
    counts = np.bincount(labels, minlength=n_clusters)
    norms = np.linalg.norm((members @ rows) / np.maximum(counts, 1)[:, None], axis=1)
    joined = np.empty(len(full), dtype=np.int64)
    joined[full] = labels
    joined[~full] = np.argmin(np.where(counts > 0, norms, np.inf))
    return joined


def _warn_if_many_empty_rows(X):
    """Warn when ``X`` (of the sparse kind) has at least
    :data:`EMPTY_ROWS_WARNING` rows with no non-zero value."""
    n_empty = count_empty_rows(X)
    if n_empty >= EMPTY_ROWS_WARNING:
        warnings.warn(
            f"{n_empty} of the {X.shape[0]} rows of X have no non-zero value (for text "
            "as tf-idf or counts: documents with no word left). Such a row shares nothing "
            "with any other, yet among unit-norm rows such as tf-idf it is at distance 1 "
            "from all of them, nearer than most rows' own nearest neighbours, so these rows "
            "crowd the neighbour graphs the fit builds and blur the clusters. Fit on the "
            "rows that have a value (for an array: "
            "X[np.any(X != 0, axis=1)]; for a sparse matrix: X[X.getnnz(axis=1) > 0]) "
            "and label the empty ones apart.",
            UserWarning,
            stacklevel=5,  # the caller of fit
        )


def _columns_share_one_unit(minima, maxima, every=False):
    """:func:`shares_one_unit` from the columns' minima and maxima."""
    varying = minima < maxima
    if not varying.any():
        return False
    if minima.min() >= 0:
        reach = np.min if every else np.median
        if reach(maxima[varying]) >= SHARED_UNIT_RATIO * maxima.max():
            return True
    if every:
        return False
    ranges = _varying_ranges(minima, maxima)
    return bool(np.median(ranges) >= SHARED_RANGE_RATIO * ranges.max())


def _column_extremes(X):
    """The columns' minima and maxima of validated dense ``X``, from the
    validation pass's statistics for out-of-core X."""
    if isinstance(X, ArrayRows):
        return X.stats.column_min, X.stats.column_max
    return X.min(axis=0), X.max(axis=0)


def _varying_ranges(minima, maxima):
    """The ranges of the columns that vary, from the columns' ``minima`` and
    ``maxima``."""
    ranges = maxima - minima
    return ranges[ranges > 0]


def _ranges_comparable(minima, maxima):
    """Whether the varying columns' ranges (with these column ``minima`` and
    ``maxima``) are within ``COMPARABLE_RANGE_RATIO`` of each other."""
    varying = _varying_ranges(minima, maxima)
    return varying.size > 0 and varying.max() <= COMPARABLE_RANGE_RATIO * varying.min()


def input_capped_sizes(paper_sizes, n_features, ratios):
    """A paper's hidden-layer widths, each capped at ``ratio * n_features``.

    The widths of ``hidden_layer_sizes="auto"``: inputs with many features
    (pixels) keep the paper's layers, low-dimensional ones (tabular data)
    get layers a few times as wide as the input, never narrower than
    ``MIN_AUTO_WIDTH``, instead of hundreds of units for a handful of
    features.

    Parameters
    ----------
    paper_sizes : tuple of int
        The paper's widths, first hidden layer first.
    n_features : int
    ratios : int or tuple of int
        The largest width of each layer as a multiple of ``n_features``
        (one number for every layer, or one per layer).

    Returns
    -------
    tuple of int
    """
    if isinstance(ratios, Integral):
        ratios = (ratios,) * len(paper_sizes)
    return tuple(
        max(MIN_AUTO_WIDTH, min(size, ratio * n_features))
        for size, ratio in zip(paper_sizes, ratios)
    )


#: Below this spread (largest per-dimension standard deviation) an
#: embedding counts as collapsed.
COLLAPSE_STD = 1e-3


def embedding_collapsed(embedding):
    """Whether every sample has nearly the same embedding (no dimension
    spreads by ``COLLAPSE_STD``). ``embedding`` is an array or a CPU tensor."""
    embedding = np.asarray(embedding, dtype=np.float64)
    return len(embedding) > 1 and bool(embedding.std(axis=0).max() < COLLAPSE_STD)


def warn_if_collapsed(embedding, stage, cause, advice):
    """Warn (ConvergenceWarning, pointing at the caller of ``fit``) when
    every sample has nearly the same embedding (:func:`embedding_collapsed`),
    so clustering it is meaningless."""
    if embedding_collapsed(embedding):
        warnings.warn(
            f"The {stage} embedding is the same for every sample {cause}, so the "
            f"clustering will be meaningless. {advice}",
            ConvergenceWarning,
            stacklevel=5,
        )


_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four"}


def check_positive_ints(value, name, *, n=None, min_len=0):
    """Parameter ``name`` (layer sizes, filter counts) as a tuple of positive
    ints, or a ValueError that names it and says what was expected.

    Parameters
    ----------
    value : sequence of int
        Bools are refused, although Python counts them as ints.
    name : str
        The parameter's name, for the message.
    n : int, default=None
        The exact number of entries, if there is one.
    min_len : int, default=0
        The fewest entries (when ``n`` is None).

    Returns
    -------
    tuple of int
    """
    try:
        sizes = tuple(value)
    except TypeError:
        sizes = None
    if n is not None:
        count = _COUNT_WORDS.get(n, str(n)) + " "
        count_ok = sizes is not None and len(sizes) == n
    else:
        count = {0: "", 1: "one or more "}.get(min_len, f"at least {min_len} ")
        count_ok = sizes is not None and len(sizes) >= min_len
    if not count_ok or not all(
        isinstance(s, Integral) and not isinstance(s, (bool, np.bool_)) and s > 0 for s in sizes
    ):
        raise ValueError(f"{name} must hold {count}positive integers; got {value!r}.")
    return tuple(int(s) for s in sizes)


def initial_clustering(Z, n_clusters, init, random_state, n_neighbors=SPECTRAL_NEIGHBORS):
    """Cluster an embedding to start a method's clustering phase.

    Parameters
    ----------
    Z : ndarray of shape (n_samples, n_dims)
        With ``init="kmeans"`` k-means centres ``Z`` in place and puts it
        back (``copy_x=False``: no second copy of the embedding, 240 MB for
        500,000 codes of 60 float64 values), which can change its last bits.
    n_clusters : int
    init : {"auto", "spectral", "gmm", "kmeans", "gdl"} or a scikit-learn clusterer
        ``"spectral"`` is :func:`~skdeepcluster.graph.spectral_clustering`
        of a 15-nearest-neighbour graph; ``"gmm"`` is
        :func:`~skdeepcluster.mixture.mixture_clustering` (a Gaussian
        mixture with full covariances); ``"kmeans"`` runs
        :class:`~sklearn.cluster.KMeans` (k-means++, 20 initialisations);
        ``"gdl"`` runs :class:`~skdeepcluster.gdl.GDLClustering` on the
        L2-normalised rows; ``"auto"`` is ``"spectral"``; a clusterer is
        cloned and its ``fit_predict`` used.
    random_state : RandomState
    n_neighbors : int, default=15
        The neighbours of each row in ``"spectral"``'s graph.

    Returns
    -------
    labels : ndarray of shape (n_samples,), ints in ``range(n_clusters)``
    """
    seed = random_state.randint(np.iinfo(np.int32).max)
    if n_clusters == 1:
        return np.zeros(Z.shape[0], dtype=np.int64)
    # Clusterers may depend on thread counts: in a distributed fit rank 0's
    # labels are every rank's.
    return distributed.on_rank_zero(_cluster, Z, n_clusters, init, seed, n_neighbors)


def _cluster(Z, n_clusters, init, seed, n_neighbors=SPECTRAL_NEIGHBORS):
    """The labels of :func:`initial_clustering` (``n_clusters`` > 1), with ``seed``."""
    if init in ("auto", "spectral"):
        labels = spectral_clustering(Z, n_clusters, n_neighbors=n_neighbors, random_state=seed)
    elif init == "gmm":
        labels = mixture_clustering(Z, n_clusters, random_state=seed)
    else:
        if init == "kmeans":
            clusterer = KMeans(n_clusters=n_clusters, n_init=20, random_state=seed, copy_x=False)
        elif init == "gdl":
            clusterer = GDLClustering(n_clusters, l2_normalize=True)
        else:
            clusterer = clone(init)
            if "random_state" in clusterer.get_params():
                clusterer.set_params(random_state=seed)
        labels = np.asarray(clusterer.fit_predict(Z))
    uniques = np.unique(labels)
    if uniques.size > n_clusters or uniques.min() < 0:
        raise ValueError(
            f"The init clusterer returned labels {uniques[:10].tolist()}...: it must "
            f"return at most n_clusters={n_clusters} clusters and no noise label -1. "
            "Set its number of clusters to n_clusters."
        )
    return np.unique(labels, return_inverse=True)[1]


def compact_pair(Z, labels):
    """k-means' two clusters of ``Z`` where their silhouette is at least
    :data:`COMPACT_PAIR_SILHOUETTE_RATIO` times that of the two clusters of
    ``labels`` (spectral clustering's start), else None: a compact cluster
    beside another, which a neighbour graph's normalised cut can miss for a
    balanced cut across the larger one; not where k-means' smaller cluster
    holds under :data:`COMPACT_PAIR_MIN_SHARE` of the rows or no fewer rows
    than the smaller cluster of ``labels``, nor where its
    normalised cut of the codes' neighbour graph is above
    :data:`COMPACT_PAIR_CUT_RATIO` times that of ``labels`` or that one is
    zero (curved clusters, which the graph follows). Silhouettes of
    at most :data:`SILHOUETTE_SAMPLES` rows, drawn with
    :data:`COMPACT_PAIR_SEED`."""
    if np.unique(labels).size < 2 or len(Z) < 4:
        return None
    Z = np.asarray(Z, dtype=np.float64)
    kmeans = KMeans(2, n_init=10, random_state=COMPACT_PAIR_SEED).fit_predict(Z).astype(np.int64)
    smaller = np.bincount(kmeans, minlength=2).min()
    if smaller < COMPACT_PAIR_MIN_SHARE * len(Z) or smaller >= np.bincount(labels, minlength=2).min():
        return None
    rows = np.random.RandomState(COMPACT_PAIR_SEED).permutation(len(Z))[:SILHOUETTE_SAMPLES]
    ours, theirs = (silhouette_score(Z[rows], partition[rows]) if np.unique(partition[rows]).size > 1
                    else 0.0 for partition in (kmeans, labels))
    if not (ours > 0 and ours >= COMPACT_PAIR_SILHOUETTE_RATIO * theirs):
        return None
    A = _spectral_graph(Z, 2)
    cut = normalized_cut(A, labels)
    return kmeans if 0 < cut and normalized_cut(A, kmeans) <= COMPACT_PAIR_CUT_RATIO * cut else None


def cluster_means(Z, labels, n_clusters, random_state):
    """The mean of each cluster of ``Z``; a cluster with no member gets a
    randomly drawn sample, so there are always ``n_clusters`` centres."""
    counts = np.bincount(labels, minlength=n_clusters)
    sums = np.zeros((n_clusters, Z.shape[1]), dtype=np.float64)
    np.add.at(sums, labels, Z)
    empty = counts == 0
    sums[empty] = Z[random_state.randint(len(Z), size=int(empty.sum()))]
    return sums / np.maximum(counts, 1)[:, None]


#: Parameter constraint of ``augment`` (see ``BaseDeepClustering._augmenter``).
AUGMENT_CONSTRAINT = ["boolean", StrOptions({"auto"})]

#: Parameter constraint shared by the methods that accept an init clusterer.
INIT_CONSTRAINT = [StrOptions({"auto", "spectral", "gmm", "kmeans", "gdl"}), HasMethods(["fit_predict"])]
