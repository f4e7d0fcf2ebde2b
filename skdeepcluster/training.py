"""The training loop shared by every estimator: devices, mini-batches, history,
progress, divergence checks and interruption.

Nothing in this module imports scikit-learn: it sees tensors, modules and
callables only. The estimators in :mod:`skdeepcluster` orchestrate it.
"""

import math
import sys
import warnings

import numpy as np
import scipy.sparse as sp
import torch
from torch.optim.adam import adam as functional_adam
from torch.optim.sgd import sgd as functional_sgd

from . import distributed
from .data import ArrayRows, read_ahead

__all__ = [
    "TrainingDivergedError",
    "Trainer",
    "resolve_device",
    "make_generator",
    "minibatches",
    "apply_in_batches",
    "dense_rows",
    "train_epoch",
    "adam",
    "Adam",
    "SGD",
    "set_learning_rate",
    "BatchMean",
]


class TrainingDivergedError(FloatingPointError):
    """Raised when a training loss becomes NaN or infinite.

    The message names the phase and epoch and suggests what to change
    (a lower learning rate, scaled input, fewer extreme values).
    """


def resolve_device(device):
    """Turn the estimators' ``device`` parameter into a :class:`torch.device`.

    Parameters
    ----------
    device : str or torch.device
        ``"auto"`` picks ``"cuda"`` when :func:`torch.cuda.is_available`, else
        ``"cpu"``. Any other value is passed to :class:`torch.device`.

    Returns
    -------
    torch.device
    """
    if isinstance(device, str) and device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        resolved = torch.device(device)
    except (RuntimeError, TypeError, ValueError) as exc:
        raise ValueError(
            f"device={device!r} is not a torch device. Use 'auto', 'cpu', 'cuda' "
            "or 'cuda:N'."
        ) from exc
    if resolved.type == "cuda" and not torch.cuda.is_available():
        raise ValueError(
            f"device={device!r} was requested but CUDA is not available on this "
            "machine. Use device='auto' (CUDA when present, else CPU) or 'cpu'."
        )
    if resolved.type == "cuda" and resolved.index is not None:
        count = torch.cuda.device_count()
        if resolved.index >= count:
            raise ValueError(
                f"device={device!r} was requested but this machine has {count} CUDA "
                f"device(s), numbered from 0. Use 'cuda:0' to 'cuda:{count - 1}', "
                "'cuda' or 'auto'."
            )
    return resolved


def make_generator(seed, device):
    """A :class:`torch.Generator` on ``device`` seeded with ``seed``.

    All randomness of a fit (weight initialisation, shuffling, dropout masks)
    is drawn from such generators, so the global torch RNG is never touched.
    """
    generator = torch.Generator(device=device)
    generator.manual_seed(int(seed))
    return generator


def minibatches(n_samples, batch_size, *, generator=None, shuffle=True, min_size=2):
    """Yield index tensors (on the CPU) that cover ``range(n_samples)``.

    With ``shuffle`` the order is a permutation drawn from ``generator``
    (a CPU generator). The last batch may be smaller than ``batch_size``,
    but never smaller than ``min_size`` when there are more batches (batch
    normalisation needs two samples; a distributed fit needs two per
    process): such a tail joins the batch before it.
    """
    if shuffle:
        order = torch.randperm(n_samples, generator=generator)
    else:
        order = torch.arange(n_samples)
    starts = list(range(0, n_samples, batch_size))
    if len(starts) > 1 and n_samples - starts[-1] < min_size:
        starts.pop()
    for start, end in zip(starts, starts[1:] + [n_samples]):
        yield order[start:end]


class _FunctionalOptimizer:
    """What an optimiser keeps (parameter groups with their ``"lr"``, the
    state of each parameter), with the update made by one of torch's
    functional optimisers (``torch.optim.adam.adam``, ``torch.optim.sgd.sgd``).

    Every method of :class:`torch.optim.Optimizer`, its constructor
    included, imports ``torch._dynamo`` the first time a process calls it
    (to keep itself out of ``torch.compile``'s graphs): 1.3-1.7 s of the
    first fit in a process on this project's 2-core machine, a quarter of a
    JULE fit of the digits (``doc/results.rst``, ``results_optimizer_import``).
    The functional forms compute the same update with the same kernels (the
    same choice of the ``foreach`` and ``fused`` forms) and import nothing,
    so the subclasses below step exactly as their :mod:`torch.optim`
    namesakes do (``tests/test_training.py`` compares them) at no such cost.
    """

    def __init__(self, params, **defaults):
        self.param_groups = [{"params": list(params), **defaults}]
        self.state = {}

    def zero_grad(self):
        """Drop every gradient (``set_to_none``, as :mod:`torch.optim` does)."""
        for group in self.param_groups:
            for param in group["params"]:
                param.grad = None

    def _with_grad(self, group):
        params = [p for p in group["params"] if p.grad is not None]
        if any(p.grad.is_sparse for p in params):
            raise RuntimeError(f"{type(self).__name__} does not take sparse gradients.")
        return params


class Adam(_FunctionalOptimizer):
    """:class:`torch.optim.Adam` with its defaults (betas 0.9 and 0.999, eps
    1e-8, no weight decay), through ``torch.optim.adam.adam``; ``fused``
    where torch has a fused kernel for the parameters' device."""

    def __init__(self, params, lr, *, fused=None):
        super().__init__(params, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                         fused=fused)

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            params = self._with_grad(group)
            fused = group["fused"]
            for param in params:
                if param not in self.state:
                    # As torch.optim.Adam: the step count on the CPU in
                    # float32 or float64 (the default dtype), or on the
                    # parameter's device in float32 for the fused kernel.
                    self.state[param] = {
                        "step": (torch.zeros((), dtype=torch.float32, device=param.device)
                                 if fused else torch.tensor(0.0, dtype=_scalar_dtype())),
                        "exp_avg": torch.zeros_like(param, memory_format=torch.preserve_format),
                        "exp_avg_sq": torch.zeros_like(param, memory_format=torch.preserve_format),
                    }
            states = [self.state[param] for param in params]
            beta1, beta2 = group["betas"]
            functional_adam(
                params, [p.grad for p in params], [s["exp_avg"] for s in states],
                [s["exp_avg_sq"] for s in states], [], [s["step"] for s in states],
                fused=fused, amsgrad=False, beta1=beta1, beta2=beta2, lr=group["lr"],
                weight_decay=group["weight_decay"], eps=group["eps"], maximize=False,
            )


class SGD(_FunctionalOptimizer):
    """:class:`torch.optim.SGD` (no dampening, no Nesterov) through
    ``torch.optim.sgd.sgd``."""

    def __init__(self, params, lr, *, momentum=0.0, weight_decay=0.0):
        super().__init__(params, lr=lr, momentum=momentum, weight_decay=weight_decay)

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            params = self._with_grad(group)
            momentum = group["momentum"]
            buffers = [self.state.get(param, {}).get("momentum_buffer") for param in params]
            functional_sgd(
                params, [p.grad for p in params], buffers, weight_decay=group["weight_decay"],
                momentum=momentum, lr=group["lr"], dampening=0.0, nesterov=False, maximize=False,
            )
            if momentum != 0:  # the update made the buffers of a first step
                for param, buffer in zip(params, buffers):
                    self.state[param] = {"momentum_buffer": buffer}


def _scalar_dtype():
    return torch.float64 if torch.get_default_dtype() == torch.float64 else torch.float32


#: Device types on which a fused Adam step was tried, and whether it ran.
_FUSED_ADAM = {}


def adam(params, lr):
    """:class:`Adam` over ``params``, in its fused form where torch has it.

    The fused implementation (one kernel over all parameters, on CPU from
    torch 2.4) computes the same update as the default one and took a fifth
    to a ninth of its time per step on the 12 million parameters of DAMIC's
    100 autoencoders (``doc/benchmarks.rst``); older torch versions, and
    devices without a fused kernel, get the default implementation (found
    by one step on a one-element tensor, once per device type).
    """
    params = list(params)
    device = params[0].device if params else torch.device("cpu")
    if device.type not in _FUSED_ADAM:
        probe = torch.zeros(1, device=device, requires_grad=True)
        probe.grad = torch.ones_like(probe)
        try:
            Adam([probe], lr=0.1, fused=True).step()
            _FUSED_ADAM[device.type] = True
        except (RuntimeError, TypeError, ValueError):
            _FUSED_ADAM[device.type] = False
    return Adam(params, lr=lr, fused=_FUSED_ADAM[device.type] or None)


def set_learning_rate(optimizer, lr):
    """Set the learning rate of every parameter group of ``optimizer`` to ``lr``
    (a phase's own rate, or a schedule's rate for the next step)."""
    for group in optimizer.param_groups:
        group["lr"] = lr


def epochs_for_steps(n_epochs, n_samples, batch_size, *, min_steps=0, max_steps=None):
    """A budget of ``n_epochs`` epochs, kept between ``min_steps`` and ``max_steps`` gradient steps.

    A budget in epochs gives small data sets few steps (50 samples in
    batches of 100: one step an epoch) and large ones many (70,000 samples:
    700 steps an epoch). This returns ``n_epochs``, raised to
    ``ceil(min_steps / batches_per_epoch)`` epochs where that many would
    take fewer than ``min_steps`` steps, and lowered (to at least one epoch)
    where they would take more than ``max_steps``.
    """
    batches = max(1, math.ceil(n_samples / batch_size))
    epochs = max(int(n_epochs), math.ceil(min_steps / batches))
    if max_steps is not None:
        epochs = min(epochs, max(1, math.ceil(max_steps / batches)))
    return epochs


def train_epoch(batch_loss, optimizer, n_samples, batch_size, generator, *, rows=None,
                terms=None):
    """One pass of mini-batch gradient steps over shuffled samples.

    Parameters
    ----------
    batch_loss : callable
        Takes a CPU tensor of sample indices and returns the scalar loss of
        that batch.
    optimizer : Adam, SGD or torch.optim.Optimizer
    n_samples, batch_size : int
    generator : torch.Generator
        CPU generator for the shuffling.
    rows : batch source, default=None
        The ``X`` that ``batch_loss`` reads its rows from; an out-of-core
        :class:`~skdeepcluster.data.ArrayRows` then reads the next batch in
        the background (:func:`~skdeepcluster.data.read_ahead`).
    terms : dict, default=None
        Where ``batch_loss`` records terms of its loss: name ->
        :class:`BatchMean`. Their epoch means are returned with the loss.

    Returns
    -------
    loss : float
        The mean batch loss of the epoch, read once at the end.
    term_means : dict
        Only with ``terms``: name -> the epoch mean of that term.

    Notes
    -----
    In a distributed fit (:mod:`skdeepcluster.distributed`) of ``W``
    processes a step takes ``W * batch_size`` rows
    (:func:`~skdeepcluster.distributed.global_batch_size`): every process
    draws the same global batches and computes ``batch_loss`` on its part of
    each (``batch_size`` rows); the processes average their gradients at
    every step, or their parameters after a few local steps and at the end
    of the epoch, as :func:`~skdeepcluster.distributed.averaging` says
    (:class:`~skdeepcluster.distributed.DataParallelLoss`); the returned loss
    and terms are the means over the processes (one all-reduce).
    """
    min_size, parallel = 2, None
    if distributed.active():
        batch_size = distributed.global_batch_size(batch_size)
        batch_loss = parallel = distributed.DataParallelLoss(batch_loss, optimizer, n_samples,
                                                             batch_size)
        min_size = distributed.min_rows()
    losses = BatchMean()
    batches = minibatches(n_samples, batch_size, generator=generator, min_size=min_size)
    # In a distributed fit each process reads only its part of every batch
    # (DataParallelLoss), not the whole batch, so nothing is read ahead there.
    with read_ahead(None if distributed.active() else rows, batches) as batches:
        for idx in batches:
            loss = batch_loss(idx)
            optimizer.zero_grad()
            loss.backward()
            if parallel is None:
                optimizer.step()
            else:
                parallel.step()
            losses.add(loss)
    if terms is None:
        return distributed.mean_over_ranks(losses.mean())
    means = distributed.mean_over_ranks(
        {None: losses.mean(), **{name: values.mean() for name, values in terms.items()}})
    return means.pop(None), means


def dense_rows(X, rows):
    """Rows of ``X`` as a dense float32 tensor on the CPU.

    Parameters
    ----------
    X : Tensor, scipy.sparse matrix (CSR) or ArrayRows of shape (n_samples, n_features)
    rows : slice or Tensor of indices

    Returns
    -------
    Tensor of shape (n_rows, n_features)
        For sparse ``X`` only these rows are densified, never the whole
        matrix; an :class:`~skdeepcluster.data.ArrayRows` reads only them.
    """
    if sp.issparse(X):
        if isinstance(rows, torch.Tensor):
            rows = rows.numpy()
        return torch.from_numpy(np.asarray(X[rows].toarray(), dtype=np.float32))
    return X[rows]


@torch.no_grad()
def apply_in_batches(function, X, *, batch_size, device):
    """Apply ``function`` to ``X`` batch by batch and gather the result on the CPU.

    Parameters
    ----------
    function : callable
        Takes a float32 tensor of shape (batch, n_features) on ``device``
        and returns a tensor (or a tuple of tensors) whose first dimension is
        the batch.
    X : ndarray, Tensor, scipy.sparse matrix or ArrayRows of shape (n_samples, n_features)
        Sparse rows are densified one batch at a time; the rows of an
        :class:`~skdeepcluster.data.ArrayRows` are read one batch at a time,
        the next one in the background.
    batch_size : int
    device : torch.device

    Returns
    -------
    Tensor or tuple of Tensor
        The outputs of all the rows, on the CPU. Memory on ``device`` never
        holds more than one batch of inputs and outputs.

    Notes
    -----
    The result is allocated once, after the first batch, and each batch's
    output is copied into its rows: the CPU holds the result and one
    batch, never a list of per-batch outputs plus their concatenation
    (twice the result), and no block per batch stays alive among the
    batches' freed ones (which kept glibc's heap from reusing them).
    """
    if not sp.issparse(X) and not isinstance(X, ArrayRows):
        X = torch.as_tensor(X)
    n_rows = X.shape[0]
    outputs = None
    slices = [slice(start, start + batch_size) for start in range(0, n_rows, batch_size)]
    with read_ahead(X, slices) as batches:
        for rows in batches:
            result = function(dense_rows(X, rows).to(device, non_blocking=True))
            parts = result if isinstance(result, tuple) else (result,)
            if outputs is None:
                outputs = tuple(torch.empty((n_rows, *part.shape[1:]), dtype=part.dtype)
                                for part in parts)
            for output, part in zip(outputs, parts):
                output[rows] = part.detach()
    if outputs is None:
        raise ValueError("apply_in_batches needs at least one row.")
    return outputs if isinstance(result, tuple) else outputs[0]


class _Progress:
    """A per-phase progress display: a tqdm bar if tqdm is installed, else one
    line per epoch on stderr. Used only when ``verbose > 0``."""

    def __init__(self, phase, total, verbose):
        self.phase = phase
        self.verbose = verbose
        self.bar = None
        if distributed.rank() != 0:  # one display for a distributed fit
            self.verbose = verbose = 0
        if not verbose:
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:  # pragma: no cover - depends on the environment
            return
        self.bar = tqdm(total=total, desc=phase, leave=True, file=sys.stderr)

    def update(self, record):
        if not self.verbose:
            return
        shown = {k: v for k, v in record.items() if isinstance(v, (int, float))}
        shown.pop("epoch", None)
        text = ", ".join(f"{k}={v:.4g}" for k, v in shown.items())
        if self.bar is not None:
            self.bar.set_postfix_str(text, refresh=False)
            self.bar.update(1)
        else:  # pragma: no cover - depends on the environment
            sys.stderr.write(f"[{self.phase}] epoch {record['epoch']}: {text}\n")

    def close(self):
        if self.bar is not None:
            self.bar.close()


class Trainer:
    """Runs the training phases of one fit and keeps their history.

    Each phase is a number of epochs of a callable that trains for one epoch
    and returns a record (a dict with at least ``"loss"``). The trainer

    * appends ``{"phase", "epoch", **record}`` to :attr:`history`;
    * raises :class:`TrainingDivergedError` when the loss is NaN or infinite;
    * stops the phase early when the record has ``converged=True``;
    * on ``KeyboardInterrupt`` restores the modules to the end of the last
      completed epoch, warns, and skips every later phase, so the estimator
      can still finish a usable model.

    In a distributed fit (:mod:`skdeepcluster.distributed`) the loss is
    already averaged over the processes, so they all stop together when it
    diverges; Ctrl-C stops them all at the end of the epoch; the modules'
    floating-point buffers, and the parameters of the epoch's last local
    steps, are averaged after each epoch, in the all-reduce that carries
    Ctrl-C (:func:`~skdeepcluster.distributed.raise_if_interrupted`); only
    rank 0 shows progress.

    Parameters
    ----------
    modules : list of torch.nn.Module
        The modules whose parameters are restored after an interruption.
    verbose : int, default=0
        0 is silent; 1 or more shows a progress display per phase.
    """

    def __init__(self, modules, verbose=0):
        self.modules = list(modules)
        self.verbose = verbose
        self.history = []
        self.interrupted = False

    def _snapshot(self):
        return [
            {k: v.detach().clone() for k, v in m.state_dict().items()}
            for m in self.modules
        ]

    def _restore(self, snapshot):
        for module, state in zip(self.modules, snapshot):
            module.load_state_dict(state)

    def run(self, phase, n_epochs, epoch_fn):
        """Run ``epoch_fn(epoch)`` for up to ``n_epochs`` epochs.

        Returns
        -------
        n_done : int
            The number of epochs completed in this phase.
        """
        if self.interrupted or n_epochs <= 0:
            return 0
        snapshot = self._snapshot()
        progress = _Progress(phase, n_epochs, self.verbose)
        n_done = 0
        try:
            for epoch in range(n_epochs):
                record = dict(epoch_fn(epoch))
                distributed.raise_if_interrupted(self.modules)
                loss = float(record["loss"])
                if not math.isfinite(loss):
                    self._restore(snapshot)
                    raise TrainingDivergedError(
                        f"The {phase} loss became {loss} at epoch {epoch + 1}. "
                        "Lower learning_rate, scale the input (for example with "
                        "StandardScaler) or remove extreme values, then fit again."
                    )
                record["loss"] = loss
                self.history.append({"phase": phase, "epoch": epoch + 1, **record})
                snapshot = self._snapshot()
                n_done += 1
                progress.update(self.history[-1])
                if record.get("converged", False):
                    break
        except KeyboardInterrupt:
            self._restore(snapshot)
            self.interrupted = True
            warnings.warn(
                f"Training was interrupted during the {phase} phase after "
                f"{n_done} completed epoch(s); the model keeps the parameters of "
                "the last completed epoch and skips the remaining training.",
                UserWarning,
                stacklevel=3,
            )
        finally:
            progress.close()
        return n_done


class BatchMean:
    """The mean over an epoch of one scalar tensor per mini-batch (a loss or
    one of its terms), read once, at the end of the epoch.

    Each value is copied, detached, into one buffer on its device (grown by
    doubling), so that a batch leaves nothing behind. A list of the scalar
    tensors themselves would keep two small heap blocks alive per batch
    (the tensor and its storage) among the large, short-lived blocks of the
    batch's rows and activations: glibc's allocator could then no longer
    merge those blocks once freed, and private memory grew with the number
    of batches in an epoch, in memory or memory-mapped alike
    (DiscriminativeLatentClustering on 100,000 memory-mapped rows, one
    epoch per phase: 754 MiB above the interpreter at the peak with lists,
    353 MiB with this buffer and :func:`apply_in_batches`'s single result;
    ``doc/benchmarks.rst``, "Data larger than memory").

    It reads the device once per epoch, not once per batch (no device
    synchronisation per mini-batch on GPUs), and the mean is that of
    ``torch.stack(values).mean()`` over the same values, bit for bit.

    Examples
    --------
    >>> import torch
    >>> losses = BatchMean()
    >>> for value in (1.0, 2.0, 4.5):
    ...     losses.add(torch.tensor(value))
    >>> losses.mean()
    2.5
    """

    #: Values the buffer holds at first.
    INITIAL_SIZE = 256

    def __init__(self):
        self._values = None
        self.count = 0

    def add(self, value):
        """Record the scalar tensor ``value`` (its gradient is not kept)."""
        value = value.detach()
        if self._values is None or self.count == len(self._values):
            grown = torch.empty(max(self.INITIAL_SIZE, 2 * self.count), dtype=value.dtype,
                                device=value.device)
            if self._values is not None:
                grown[:self.count] = self._values
            self._values = grown
        self._values[self.count] = value
        self.count += 1

    def mean(self):
        """The mean of the recorded values, as a float (NaN when there are none)."""
        return float(self._values[:self.count].mean()) if self.count else float("nan")
