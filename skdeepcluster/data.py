"""Where the rows of a fit come from: the batch sources.

Every method reads its data the same way: ``X[idx]`` for a mini-batch (``idx``
a CPU tensor of row indices) and :func:`~skdeepcluster.training.apply_in_batches`
for a full pass. What stands behind ``X`` is one of

* a float32 tensor: an in-memory array, scaled once (the fast path);
* a scipy.sparse CSR matrix, densified one batch at a time
  (:func:`~skdeepcluster.training.dense_rows`);
* :class:`ArrayRows`: an array-like too large to hold (an :class:`numpy.memmap`,
  an h5py or zarr dataset), whose rows are read, scaled and converted batch
  by batch, never whole.

:func:`read_ahead` reads the next batch of an :class:`ArrayRows` in a
background thread while the current one trains. :class:`ColumnStats` gathers
the statistics of the input scaling chunk by chunk. :func:`shift_images`
translates a batch of images at random, the augmentation of image inputs
during training.

Nothing in this module imports scikit-learn; validation is the estimators'
(it is passed in as a callable).
"""

import contextlib
import threading

import numpy as np
import scipy.sparse as sp
import torch

__all__ = [
    "CHUNK_BYTES",
    "READ_AHEAD",
    "ArrayRows",
    "ColumnStats",
    "chunk_slices",
    "evenly_spaced_rows",
    "is_out_of_core",
    "read_ahead",
    "shift_images",
]

#: Bytes of float64 values per chunk of the streamed passes (validation,
#: scaling statistics, and the inference batches of :class:`ArrayRows` are at
#: most this big): 64 MiB, 10,700 rows of 784 features.
CHUNK_BYTES = 64 * 2**20

#: Whether :func:`read_ahead` reads in a background thread (False: each batch
#: is read when it is asked for; for measuring what the thread gains).
READ_AHEAD = True


def is_out_of_core(X):
    """Whether ``X`` is read row block by row block instead of whole.

    True for an :class:`numpy.memmap` and for any other array-like that is
    not an in-memory array but has ``shape``, a NumPy ``dtype`` and row
    slicing (h5py and zarr datasets, or a class of one's own). In-memory
    ndarrays, lists, sparse matrices, tensors and pandas objects are False:
    they keep the in-memory path.
    """
    if isinstance(X, np.memmap):
        return True
    if isinstance(X, (np.ndarray, list, tuple, torch.Tensor)) or sp.issparse(X):
        return False
    if type(X).__module__.split(".")[0] == "pandas":
        return False
    if not (hasattr(X, "shape") and hasattr(X, "dtype") and hasattr(X, "__getitem__")):
        return False
    try:
        np.dtype(X.dtype)
        len(X.shape)
    except TypeError:
        return False
    return True


def chunk_slices(n_samples, n_features):
    """Consecutive row slices covering ``range(n_samples)``, each of at most
    ``CHUNK_BYTES`` bytes of float64 values (at least one row)."""
    size = max(1, CHUNK_BYTES // (8 * max(1, n_features)))
    return [slice(start, min(start + size, n_samples)) for start in range(0, n_samples, size)]


def evenly_spaced_rows(X, at_most):
    """At most ``at_most`` evenly spaced rows of ``X`` (every ``step``-th,
    one slice: a memory map reads no more) as a float64 array."""
    step = -(-X.shape[0] // at_most)  # ceiling division
    return np.asarray(X[::step], dtype=np.float64)


def _running_sum(total, chunk):
    """``total`` plus the rows of ``chunk``, added one after the other in
    float64, as NumPy sums a C-ordered array along axis 0: chunked sums then
    equal the in-memory ones bit for bit."""
    return np.add.reduce(np.concatenate([total[None], chunk], dtype=np.float64), axis=0)


class ColumnStats:
    """Per-column statistics of an array read chunk by chunk.

    Feed the chunks (validated float arrays, in row order) to :meth:`update`;
    the minimum, maximum, mean, the number of non-zero values
    (``n_nonzero``) and of rows with none (``n_empty_rows``) are then known. The standard deviation
    needs a second pass of :meth:`update_deviations` once the mean is known:
    like :meth:`numpy.ndarray.std`, it sums the squared deviations from the
    mean, so that the statistics equal the in-memory ones.

    Parameters
    ----------
    n_features : int
    """

    def __init__(self, n_features):
        self.n_samples = 0
        self.n_nonzero = 0
        self.n_empty_rows = 0
        self.column_min = np.full(n_features, np.inf)
        self.column_max = np.full(n_features, -np.inf)
        self._sum = np.zeros(n_features)
        self._squares = np.zeros(n_features)

    def update(self, chunk):
        """Add the rows of ``chunk`` (2-D float array) to min, max and mean."""
        if not len(chunk):
            return
        self.n_samples += len(chunk)
        per_row = np.count_nonzero(chunk, axis=1)
        self.n_nonzero += int(per_row.sum())
        self.n_empty_rows += int(np.count_nonzero(per_row == 0))
        np.minimum(self.column_min, chunk.min(axis=0), out=self.column_min)
        np.maximum(self.column_max, chunk.max(axis=0), out=self.column_max)
        self._sum = _running_sum(self._sum, chunk)

    def update_deviations(self, chunk):
        """Add the squared deviations of ``chunk`` from the mean (second pass)."""
        self._squares = _running_sum(self._squares, (chunk - self.mean) ** 2)

    @property
    def min(self):
        return float(self.column_min.min())

    @property
    def max(self):
        return float(self.column_max.max())

    @property
    def absmax(self):
        return max(abs(self.min), abs(self.max))

    @property
    def mean(self):
        return self._sum / self.n_samples

    @property
    def std(self):
        return np.sqrt(self._squares / self.n_samples)


class ArrayRows:
    """The rows of an array-like, read on demand as scaled float32 tensors.

    ``rows[idx]`` (``idx`` a CPU tensor of indices, or a slice) reads those
    rows of ``data`` (in increasing order, as memmaps and h5py like them,
    then back in the order of ``idx``), converts them to float (float32 and
    float64 stay, other numbers become float64, as in-memory validation
    does), and returns ``(x - offset) * factor`` as a float32 CPU tensor:
    the values the in-memory path computes for the whole array at once.

    Parameters
    ----------
    data : array-like of shape (n_samples, n_features)
        Sliceable by rows: ``np.memmap``, h5py or zarr dataset, ...
    offset, factor : ndarray of shape (n_features,), default=None
        The scaling; None reads the rows unscaled.
    check : callable, default=None
        ``check(chunk, start)`` validates the raw rows
        ``start:start + len(chunk)`` read by a slice and returns them as an
        array (raising where they hold NaN, for example): for data not
        validated before (inference).
    stats : ColumnStats, default=None
        Statistics of ``data`` gathered while it was validated.
    pin_memory : bool, default=False
        Return page-locked tensors, for asynchronous copies to a GPU.
    """

    def __init__(self, data, offset=None, factor=None, *, check=None, stats=None,
                 pin_memory=False):
        self.data = data
        self.offset = offset
        self.factor = factor
        self.check = check
        self.stats = stats
        self.pin_memory = pin_memory
        self.shape = tuple(int(s) for s in data.shape)
        self._ready = None

    def __len__(self):
        return self.shape[0]

    def scaled(self, offset, factor, *, pin_memory=False):
        """The same rows scaled by ``offset`` and ``factor``."""
        return ArrayRows(self.data, offset, factor, check=self.check, stats=self.stats,
                         pin_memory=pin_memory)

    def raw(self, rows):
        """The rows ``rows`` (slice or index tensor) as a float ndarray, unscaled."""
        if isinstance(rows, slice):
            raw = self.data[rows]
            if self.check is not None:
                raw = self.check(raw, rows.indices(self.shape[0])[0])
            raw = np.asarray(raw)
        else:
            rows = rows.numpy() if isinstance(rows, torch.Tensor) else np.asarray(rows)
            order = np.argsort(rows, kind="stable")
            # zarr selects rows by an index array through oindex
            in_order = np.asarray(getattr(self.data, "oindex", self.data)[rows[order]])
            raw = np.empty_like(in_order)
            raw[order] = in_order
        if raw.dtype not in (np.float32, np.float64):
            raw = raw.astype(np.float64)
        return raw

    def read(self, rows):
        """The scaled rows ``rows`` (slice or index tensor) as a float32
        tensor, read now."""
        raw = self.raw(rows)
        if self.offset is None:  # a copy, never a view of the data
            scaled = torch.from_numpy(np.array(raw, dtype=np.float32))
        else:  # (raw - offset) * factor in float64, one temporary, then float32
            scaled = np.subtract(raw, self.offset)
            np.multiply(scaled, self.factor, out=scaled)
            scaled = torch.from_numpy(scaled.astype(np.float32))
        return scaled.pin_memory() if self.pin_memory else scaled

    def __getitem__(self, rows):
        ready = self._ready
        if ready is not None and ready[0] is rows:
            return ready[1]
        return self.read(rows)

    def chunks(self):
        """Row slices of at most ``CHUNK_BYTES`` (see :func:`chunk_slices`)."""
        return chunk_slices(*self.shape)


@contextlib.contextmanager
def read_ahead(source, batches):
    """Iterate over ``batches`` (index tensors or slices of ``source``) while
    a background thread reads the next batch's rows.

    For an :class:`ArrayRows`, ``source[batch]`` inside the loop then
    returns the rows read ahead for that very batch object; any other
    source (an in-memory tensor, a CSR matrix) is iterated as is. Errors of
    the reading thread are raised in the loop; leaving the loop early (an
    exception, ``KeyboardInterrupt``) waits for the thread to finish its
    read and drops it.

    Examples
    --------
    >>> with read_ahead(X, minibatches(len(X), 256)) as batches:  # doctest: +SKIP
    ...     for idx in batches:
    ...         loss = batch_loss(X[idx])
    """
    if not isinstance(source, ArrayRows) or not READ_AHEAD:
        yield iter(batches)
        return
    reader = _Reader(source)
    try:
        yield reader.iterate(batches)
    finally:
        reader.close()


class _Reader:
    """One background thread that reads the rows of one batch at a time."""

    def __init__(self, source):
        self.source = source
        self.thread = None
        self.result = None

    def _start(self, batch):
        def target():
            try:
                self.result = (True, self.source.read(batch))
            except BaseException as exc:  # re-raised in the consumer
                self.result = (False, exc)

        self.result = None
        self.thread = threading.Thread(target=target, name="skdeepcluster-read-ahead", daemon=True)
        self.thread.start()

    def _wait(self):
        self.thread.join()
        self.thread = None
        ok, value = self.result
        if not ok:
            raise value
        return value

    def iterate(self, batches):
        batches = iter(batches)
        current = next(batches, None)
        if current is not None:
            self._start(current)
        while current is not None:
            rows = self._wait()
            following = next(batches, None)
            if following is not None:
                self._start(following)
            self.source._ready = (current, rows)
            yield current
            current = following

    def close(self):
        self.source._ready = None
        if self.thread is not None:
            self.thread.join()
            self.thread = None


def shift_images(images, max_shift, generator):
    """Each image of a batch translated by its own random number of pixels.

    Every image moves by ``dy`` rows and ``dx`` columns, each drawn
    uniformly from ``-max_shift`` to ``max_shift``; the pixels that come in
    from outside repeat the image's edge (replicate padding, so no
    background value is assumed). One gather on the batch's device, no loop
    over samples.

    Parameters
    ----------
    images : Tensor of shape (N, C, H, W)
    max_shift : int
        The largest shift, in pixels, along each axis; 0 returns ``images``.
    generator : torch.Generator
        On the device of ``images``; the only source of randomness.

    Returns
    -------
    Tensor of shape (N, C, H, W)

    Examples
    --------
    >>> import torch
    >>> image = torch.arange(9.0).reshape(1, 1, 3, 3)
    >>> shifted = shift_images(image, 1, torch.Generator().manual_seed(0))
    >>> shifted.shape
    torch.Size([1, 1, 3, 3])
    """
    max_shift = int(max_shift)
    if max_shift == 0:
        return images
    n, _, height, width = images.shape
    device = images.device
    padded = torch.nn.functional.pad(images, (max_shift,) * 4, mode="replicate")
    starts = torch.randint(0, 2 * max_shift + 1, (2, n, 1), generator=generator, device=device)
    rows = torch.arange(height, device=device) + starts[0]  # (N, H)
    cols = torch.arange(width, device=device) + starts[1]  # (N, W)
    batch = torch.arange(n, device=device)[:, None, None]
    # (N, H+2s, W+2s, C) indexed by (N, H, W) -> (N, H, W, C)
    shifted = padded.permute(0, 2, 3, 1)[batch, rows[:, :, None], cols[:, None, :]]
    return shifted.permute(0, 3, 1, 2).contiguous()

