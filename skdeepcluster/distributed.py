"""Data-parallel training across the processes of a :mod:`torch.distributed` group.

A script that calls ``est.fit(X)`` in every process of an initialised default
process group (launched by ``torchrun``, under SLURM, or after the user's own
:func:`torch.distributed.init_process_group`) trains data-parallel; without a
group, or with a group of one process, nothing here changes what a fit does.

What a fit does in a group of ``W`` processes (ranks):

* every rank passes the same ``X`` and draws the same shuffling (rank 0's
  random state is broadcast when the fit starts);
* ``batch_size`` is each rank's batch, as in PyTorch's own data-parallel
  training: a step takes a global mini-batch of ``W * batch_size`` rows
  (:func:`global_batch_size`), so an epoch has ``W`` times fewer steps and
  each rank does ``1 / W`` of its work; the global batch is split into ``W``
  parts (:func:`torch.tensor_split`) and each rank computes the loss of its
  part;
* the ranks combine their steps as :func:`averaging` says
  (:class:`DataParallelLoss`): on CPUs (gloo) by default each rank takes
  :data:`LOCAL_STEPS` steps of its own, on its parts, and the ranks then
  average their parameters (and again at the end of every epoch, in the
  all-reduce that ends the epoch; :func:`synchronize`);
  with ``averaging("gradients")`` (the default with NCCL) the loss of a
  part is weighted by its share of the rows and the gradients are averaged
  over the ranks (one all-reduce per step), so one step equals the step of
  one process on the whole global batch for losses that are means over
  rows, and losses over pairs of samples gather the whole batch
  (:func:`gather_batch`) and are the whole batch's loss in every rank;
* full passes over the data (embeddings, probabilities, labels) compute each
  rank's contiguous block of rows and gather the blocks, so every epoch-level
  statistic is computed on every rank from the same tensor; neighbour
  searches likewise search for each rank's block of queries
  (:func:`shard_rows`);
* what may differ between processes (an initial clustering, the merges of a
  graph, an estimate of the number of clusters) runs on rank 0 and is
  broadcast (:func:`on_rank_zero`);
* the epoch's loss is averaged over the ranks before the divergence check, and
  Ctrl-C takes effect on every rank together at the end of the epoch.

Nothing in this module imports scikit-learn. The fit of
:class:`~skdeepcluster.base.BaseDeepClustering` opens a :func:`session`; the
loop of :mod:`skdeepcluster.training` and the estimators ask :func:`active`.
Inference after the fit (``predict``, ``transform``) runs in each process on
its own, so it can be called from one rank only.
"""

import contextlib
import os
import signal
import threading

import numpy as np
import torch

__all__ = [
    "group_size",
    "local_device",
    "min_rows",
    "global_batch_size",
    "active",
    "session",
    "rank",
    "world_size",
    "gather_rows",
    "apply_sharded",
    "row_block",
    "shard_rows",
    "on_rank_zero",
    "sum_over_ranks",
    "mean_over_ranks",
    "DataParallelLoss",
    "gather_batch",
    "mean_over_batch",
    "raise_if_interrupted",
    "synchronize",
    "averaging",
    "LOCAL_STEPS",
]


class _Session:
    """The process group of the fit in progress and its communication device."""

    def __init__(self, rank, world_size, device, every):
        self.rank = rank
        self.world_size = world_size
        self.device = device
        #: Local steps between two averages of the parameters (None: the
        #: gradients are averaged at every step); see :func:`averaging`.
        self.every = every
        self.interrupted = False
        #: Optimiser -> [its parameters, local steps since they were last
        #: averaged] (:func:`synchronize`). Every rank takes the same steps,
        #: so every rank holds the same entries, in the same order.
        self.pending = {}
        #: Rows of each rank's part of the batch of the step in progress, and
        #: whether its loss gathered the batch (:func:`gather_batch`).
        self.part_sizes = None
        self.gathered = False


#: The session of the fit in progress in this process (None outside a fit, or
#: without a process group of more than one process).
_SESSION = None

#: Whether rank 0 is computing alone inside :func:`on_rank_zero`.
_LOCAL = False

#: How the ranks of a fit combine their steps (:func:`averaging`).
_AVERAGING = "auto"

#: Local steps between two averages of the parameters with
#: ``averaging("auto")`` on CPUs (gloo). Chosen by measurement on the
#: digits (``doc/large_data.rst``): one gradient all-reduce per step cost
#: about what the step's computation does there.
LOCAL_STEPS = 8


def _check_averaging(every):
    if every in ("auto", "gradients"):
        return every
    if isinstance(every, (bool, np.bool_)) or not isinstance(every, (int, np.integer)) or every < 1:
        raise ValueError(
            f'averaging takes "auto", "gradients" or a number of local steps >= 1; got {every!r}.'
        )
    return int(every)


@contextlib.contextmanager
def averaging(every):
    """How the processes of the distributed fits in the body combine their steps.

    Parameters
    ----------
    every : "auto", "gradients" or int
        ``"gradients"``: the gradients are averaged over the processes
        before every optimiser step (one all-reduce per step), so a step is
        the step of one process on the whole global batch (to float
        rounding). An int ``H >= 1``: local steps, as in local SGD; each
        process takes its own optimiser steps on its part of every global
        batch (losses over pairs of samples see that part, as one process
        sees its batch) at the number of processes times the learning rate,
        and the processes average their parameters after every ``H``
        steps and at the end of every epoch (one all-reduce each time), so
        every process ends each epoch with the same parameters; each keeps
        its own optimiser state. ``"auto"`` (the
        default outside this context): ``"gradients"`` with NCCL (GPUs,
        where the all-reduce costs little), :data:`LOCAL_STEPS` local
        steps with gloo (CPUs, where it costs about what a small network's
        step does).

    Every process must use the same value (a fit checks it when it starts).
    Outside a process group it changes nothing.

    Examples
    --------
    >>> from skdeepcluster import distributed
    >>> with distributed.averaging("gradients"):
    ...     pass  # est.fit(X) in every process of the group
    """
    global _AVERAGING
    previous, _AVERAGING = _AVERAGING, _check_averaging(every)
    try:
        yield
    finally:
        _AVERAGING = previous


def _averaging_every():
    """:func:`averaging`'s setting for a fit in the current group: None for
    the gradients, else the number of local steps."""
    if _AVERAGING == "gradients":
        return None
    if _AVERAGING == "auto":
        return None if torch.distributed.get_backend() == "nccl" else LOCAL_STEPS
    return _AVERAGING


def group_size():
    """The number of processes of the initialised default process group (1 without one)."""
    dist = torch.distributed
    if dist.is_available() and dist.is_initialized():
        return dist.get_world_size()
    return 1


def active():
    """Whether a fit is in progress under a process group of more than one process."""
    return _SESSION is not None


def rank():
    """This process's rank in the fit in progress (0 outside a distributed fit)."""
    return _SESSION.rank if _SESSION is not None else 0


def world_size():
    """The number of processes of the fit in progress (1 outside a distributed fit)."""
    return _SESSION.world_size if _SESSION is not None else 1


def _communication_device():
    """Where tensors must be for the default group's collectives: the current
    CUDA device for NCCL, else the CPU."""
    if torch.distributed.get_backend() == "nccl":
        return torch.device("cuda", torch.cuda.current_device())
    return torch.device("cpu")


def local_device(device):
    """``device`` with this process's GPU under a process group: a CUDA device
    without an index becomes ``cuda:LOCAL_RANK`` (set by torchrun), else the
    current CUDA device."""
    if device.type == "cuda" and device.index is None and group_size() > 1:
        index = os.environ.get("LOCAL_RANK")
        return torch.device("cuda", int(index) if index is not None else torch.cuda.current_device())
    return device


def _fingerprint(X):
    """Shape and sum of ``X`` (an array, a tensor, a scipy.sparse matrix, or
    out-of-core rows whose validation pass kept column statistics) as float64."""
    stats = getattr(X, "stats", None)
    if stats is not None:  # skdeepcluster.data.ArrayRows: never read whole
        total = float(np.sum(stats.mean) * X.shape[0])
    elif isinstance(X, torch.Tensor):
        total = float(X.double().sum())
    else:
        total = float(X.sum(dtype=np.float64))
    return torch.tensor([*X.shape, total], dtype=torch.float64)


@contextlib.contextmanager
def session(X, random_state):
    """Run the body as one fit across the default process group, if there is one.

    Without an initialised group of more than one process this does nothing.
    Otherwise it checks that every rank passed the same data (shape and sum
    of ``X``, the validated training data), gives every rank rank 0's
    ``random_state`` (a :class:`numpy.random.RandomState`, changed in
    place), and while the body runs defers Ctrl-C to the end of the epoch
    (see :func:`raise_if_interrupted`), or to the end of the body, where it
    raises KeyboardInterrupt on every rank.

    Inside a fit (nested) or inside :func:`on_rank_zero` (a fit of one of
    these estimators as the initial clusterer) it does nothing either.
    """
    global _SESSION
    if group_size() <= 1 or _SESSION is not None or _LOCAL:
        yield
        return
    dist = torch.distributed
    current = _Session(dist.get_rank(), dist.get_world_size(), _communication_device(),
                       _averaging_every())
    every = torch.tensor([float(current.every or 0)], dtype=torch.float64)
    mine = torch.cat([_fingerprint(X), every]).to(current.device)
    fingerprints = [torch.empty_like(mine) for _ in range(current.world_size)]
    dist.all_gather(fingerprints, mine)
    if any(f[-1] != mine[-1] for f in fingerprints):
        raise ValueError(
            "The processes of the torch.distributed group average differently (local steps "
            f"per rank, 0 for the gradients: {[int(f[-1]) for f in fingerprints]}): use the "
            "same skdeepcluster.distributed.averaging(...) in every process."
        )
    if any(not torch.allclose(f[:-1], mine[:-1], rtol=1e-6) for f in fingerprints):
        raise ValueError(
            "The processes of the torch.distributed group passed different data to fit "
            f"(shape and sum per rank: {[f[:-1].tolist() for f in fingerprints]}). Every process "
            "must call fit with the same X (the whole data set): each one trains on its share "
            "of every mini-batch."
        )
    state = [random_state.get_state()]
    dist.broadcast_object_list(state, src=0)
    random_state.set_state(state[0])

    def defer_interrupt(signum, frame):
        current.interrupted = True

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGINT, defer_interrupt)
    _SESSION = current
    try:
        yield
        # Local steps not averaged yet, and Ctrl-C after the last epoch: out
        # of fit, on every rank.
        raise_if_interrupted()
    finally:
        _SESSION = None
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def raise_if_interrupted(modules=()):
    """At the end of an epoch: raise KeyboardInterrupt on every rank when
    Ctrl-C reached any of them during the epoch.

    During a distributed fit a rank stopped in the middle of an epoch would
    leave the others waiting in a collective; so :func:`session` only
    records the signal, and this all-reduce makes the ranks stop together,
    at the same epoch. The same all-reduce averages over the ranks the
    floating-point buffers of ``modules`` (batch normalisation's running
    statistics, which each rank updates on its own rows) and the parameters
    of the epoch's last local steps (:func:`synchronize`), so every rank
    ends the epoch with the same modules: one collective, where three cost
    gloo's latency three times. Without a session it does nothing.
    """
    if _SESSION is None:
        return
    tensors = _pending_parameters()
    tensors += [b for module in modules for b in module.buffers() if b.is_floating_point()]
    if _average_tensors(tensors, flag=_SESSION.interrupted) > 0:
        _SESSION.interrupted = False
        raise KeyboardInterrupt


def synchronize():
    """Average over the ranks the parameters of local steps not yet averaged
    (:func:`averaging`), so that every rank holds the same ones.

    An epoch's last local steps (since the last average of every ``H``)
    are averaged at the end of the epoch, in the all-reduce of
    :func:`raise_if_interrupted` that :class:`~skdeepcluster.training.Trainer`
    ends each epoch with. Whatever could come between the end of
    :func:`~skdeepcluster.training.train_epoch` and that all-reduce, and
    read or change the parameters, calls this first: full passes over the
    data (:func:`apply_sharded`, :func:`shard_rows`), :func:`on_rank_zero`,
    the next epoch's steps (a second ``train_epoch`` in one epoch of the
    Trainer, or outside one), and the end of the fit (:func:`session`). So
    the parameters are those of averaging at the end of every epoch (bit
    for bit with two processes). Every rank must call it (every rank has
    the same steps pending, so all or none of them communicate); a no-op
    outside a distributed fit.
    """
    tensors = _pending_parameters()
    if tensors:
        _average_tensors(tensors)


def _pending_parameters():
    """The parameters of local steps not yet averaged, in the same order on
    every rank; none remain pending (the caller averages them)."""
    if _SESSION is None:
        return []
    tensors = [p for params, _ in _SESSION.pending.values() for p in params]
    _SESSION.pending.clear()
    return tensors


def gather_rows(tensor):
    """Concatenate, in rank order, the ``tensor`` (on the CPU) of every rank.

    The tensors may have different numbers of rows (they are padded for the
    collective and cut back); the other dimensions and the dtype must match.
    Every rank receives the same CPU tensor.
    """
    if _SESSION is None:
        return tensor
    n_rows = torch.tensor([tensor.shape[0]], device=_SESSION.device)
    counts = [torch.empty_like(n_rows) for _ in range(_SESSION.world_size)]
    torch.distributed.all_gather(counts, n_rows)
    return _gather_parts(tensor.to(_SESSION.device), [int(c) for c in counts]).cpu()


def row_block(n_rows):
    """This rank's contiguous block ``(start, stop)`` of ``n_rows`` rows
    (the blocks of the ranks in rank order cover them); ``(0, n_rows)``
    outside a distributed fit."""
    if _SESSION is None:
        return 0, n_rows
    rank, size = _SESSION.rank, _SESSION.world_size
    return n_rows * rank // size, n_rows * (rank + 1) // size


def apply_sharded(apply, X):
    """``apply(X)`` (a full pass that returns a CPU tensor, or a tuple of
    them, with one row per row of ``X``) with each rank computing its
    contiguous block of rows and every rank receiving all of them.

    Outside a distributed fit, or with fewer rows than ranks, it is
    ``apply(X)`` in this process."""
    synchronize()
    if _SESSION is None or X.shape[0] < _SESSION.world_size:
        return apply(X)
    start, stop = row_block(X.shape[0])
    result = apply(X[start:stop])
    if isinstance(result, tuple):
        return tuple(gather_rows(part) for part in result)
    return gather_rows(result)


def shard_rows(search, n_rows):
    """``search(start, stop)`` (a tuple of arrays with one row per row
    ``start:stop`` of a pass over ``n_rows`` rows, such as a neighbour
    search of those queries) with each rank computing its block
    (:func:`row_block`) and every rank receiving all the rows, in order;
    ``search(0, n_rows)`` outside a distributed fit. Every rank must call it."""
    if _SESSION is None:
        return search(0, n_rows)
    synchronize()
    return tuple(gather_rows(torch.from_numpy(np.ascontiguousarray(part))).numpy()
                 for part in search(*row_block(n_rows)))


def on_rank_zero(function, *args, **kwargs):
    """``function(*args, **kwargs)`` computed on rank 0 and broadcast to every rank.

    For what may differ between processes (a clustering, a graph, an
    estimate): every rank gets rank 0's result. An exception raised on rank 0
    is raised on every rank. Outside a distributed fit, a plain call. The
    result is pickled to be broadcast (:func:`torch.distributed.broadcast_object_list`).
    """
    global _SESSION, _LOCAL
    if _SESSION is None:
        return function(*args, **kwargs)
    synchronize()
    payload, current = [None], _SESSION
    if current.rank == 0:
        _SESSION, _LOCAL = None, True  # the function runs as in one process
        try:
            payload[0] = (True, function(*args, **kwargs))
        except Exception as exc:  # re-raised on every rank below
            payload[0] = (False, exc)
        finally:
            _SESSION, _LOCAL = current, False
    torch.distributed.broadcast_object_list(payload, src=0, device=current.device)
    succeeded, value = payload[0]
    if not succeeded:
        raise value
    return value


def sum_over_ranks(tensor):
    """``tensor`` summed over the ranks, in place (a no-op outside a distributed fit)."""
    if _SESSION is not None:
        reduced = tensor.to(_SESSION.device)
        torch.distributed.all_reduce(reduced)
        tensor.copy_(reduced)
    return tensor


def mean_over_ranks(value):
    """The mean over the ranks of the float ``value`` (NaN if any rank's is NaN),
    or of each value of a dict of floats (one all-reduce for all of them);
    ``value`` itself outside a distributed fit."""
    if _SESSION is None:
        return value
    values = value if isinstance(value, dict) else {None: value}
    reduced = torch.tensor([float(v) for v in values.values()], dtype=torch.float64,
                           device=_SESSION.device)
    torch.distributed.all_reduce(reduced)
    means = dict(zip(values, (total / _SESSION.world_size for total in reduced.tolist())))
    return means if isinstance(value, dict) else means[None]


def _gather_parts(part, sizes):
    """Concatenate the ``part`` of every rank, whose rows are ``sizes``."""
    padded = part.new_zeros((max(sizes), *part.shape[1:]))
    padded[: part.shape[0]] = part
    parts = [torch.empty_like(padded) for _ in sizes]
    torch.distributed.all_gather(parts, padded)
    return torch.cat([p[:size] for p, size in zip(parts, sizes)])


class _GatherBatch(torch.autograd.Function):
    """:func:`_gather_parts` with gradients: backward sums the gradient of
    the whole batch over the ranks (each computed the same loss) and keeps
    this rank's rows."""

    @staticmethod
    def forward(ctx, part, sizes, rank):
        ctx.sizes, ctx.rank = sizes, rank
        return _gather_parts(part, sizes)

    @staticmethod
    def backward(ctx, grad):
        grad = grad.contiguous()
        torch.distributed.all_reduce(grad)
        start = sum(ctx.sizes[: ctx.rank])
        return grad[start:start + ctx.sizes[ctx.rank]], None, None


def gather_batch(part):
    """The rows of the whole batch, from each rank's ``part`` of it (rows in
    the batch's order), inside a batch loss whose gradients are averaged
    (``averaging("gradients")``); ``part`` itself outside a distributed fit
    and with local steps, where each rank's loss is its part's own.

    For losses over pairs of samples (JULE's triplets,
    DiscriminativeLatentClustering's anchors and cluster similarities), which
    need every row of the batch. Floating-point parts keep their gradient
    (each rank's rows get the gradient of the whole batch's loss). A loss
    that gathers is the whole batch's loss on every rank, so every one of its
    terms must be: a mean over the rows of a part is
    :func:`mean_over_batch`, not ``mean``.
    """
    if _SESSION is None or _SESSION.part_sizes is None:
        return part
    _SESSION.gathered = True
    if part.requires_grad:
        return _GatherBatch.apply(part, _SESSION.part_sizes, _SESSION.rank)
    return _gather_parts(part, _SESSION.part_sizes)


def mean_over_batch(values):
    """The mean of ``values`` over the whole batch, from this rank's rows of
    it (in a loss that uses :func:`gather_batch`); ``values.mean()`` where
    that returns the part itself.

    ``values`` may hold any number of this rank's rows, not only its part of
    the batch (DiscriminativeLatentClustering reconstructs one row in
    ``reconstruction_subsample`` of each part): each rank's sum and count,
    one row per rank, are gathered (with gradients, as the batch's rows
    are) and added up.
    """
    if _SESSION is None or _SESSION.part_sizes is None:
        return values.mean()
    _SESSION.gathered = True
    stats = torch.stack([values.sum(), values.new_tensor(float(values.numel()))])
    ones = [1] * _SESSION.world_size
    total, count = _GatherBatch.apply(stats[None], ones, _SESSION.rank).sum(0)
    return total / count


class DataParallelLoss:
    """One epoch's batch losses and optimiser steps, computed data-parallel.

    Called with a global batch of indices, it computes ``batch_loss`` on
    this rank's part (the ``rank``-th of ``world_size`` contiguous parts of
    :func:`torch.tensor_split`); :meth:`step` then updates the parameters as
    :func:`averaging` says:

    * ``"gradients"``: the loss of the part is weighted by
      ``world_size * len(part) / len(idx)`` and :meth:`step` averages the
      gradients over the ranks before the optimiser's step, so for a loss
      that is a mean over the rows of the batch the averaged gradient is the
      gradient of the whole batch's loss, also when the batch does not split
      evenly. A loss that gathers the batch (:func:`gather_batch`) is
      already the whole batch's loss on every rank and keeps the weight 1.
      Parameters that a loss does not use (DEPICT's head while pretraining)
      keep no gradient, as in one process.
    * an int ``H`` (local steps): each rank's loss is the loss of its part
      alone, as one process computes the loss of its batch (a loss that
      would gather the batch sees the part), and :meth:`step` is the rank's
      own optimiser step at ``world_size`` times the learning rate
      (:meth:`_local_step`); the ranks average their parameters after every
      ``H`` steps and at the end of the epoch (:func:`synchronize`), so
      every rank ends each epoch with the same parameters. Each rank keeps
      its own optimiser state (Adam's moments, JULE's momentum).

    Parameters
    ----------
    batch_loss : callable
        Takes a CPU tensor of sample indices, returns a scalar loss.
    optimizer : skdeepcluster.training.Adam, SGD or torch.optim.Optimizer
        Its parameters are the ones whose gradients (or values) are averaged.
    n_samples, batch_size : int
        The rows of the data and of a global batch
        (:func:`global_batch_size`). Every rank's part of every batch must
        hold at least 2 rows (batch normalisation needs two); a ValueError
        says so otherwise.
    """

    def __init__(self, batch_loss, optimizer, n_samples, batch_size):
        if min(n_samples, batch_size) < min_rows():
            raise ValueError(
                f"A global batch of {batch_size} rows (n_samples={n_samples}) is split over "
                f"{world_size()} processes, and each needs at least 2 rows of every batch: "
                f"use batch_size >= 2 and n_samples >= {min_rows()}, or fewer processes."
            )
        self.batch_loss = batch_loss
        self.optimizer = optimizer
        self.params = [p for group in optimizer.param_groups for p in group["params"]]
        synchronize()  # the end of an earlier epoch not averaged yet

    def __call__(self, idx):
        parts = torch.tensor_split(idx, _SESSION.world_size)
        part = parts[_SESSION.rank]
        if _SESSION.every is not None:  # local steps: the part's own loss
            return self.batch_loss(part)
        _SESSION.part_sizes = [len(part) for part in parts]
        _SESSION.gathered = False
        try:
            loss = self.batch_loss(part)
        finally:
            _SESSION.part_sizes = None
        if _SESSION.gathered:  # already the whole batch's loss
            return loss
        return loss * (_SESSION.world_size * len(part) / len(idx))

    def step(self):
        """The optimiser's step after the backward pass of this rank's loss:
        on the gradients averaged over the ranks, or a local step (and, every
        ``H`` local steps, the parameters averaged)."""
        if _SESSION.every is None:
            self.average_gradients()
            self.optimizer.step()
            return
        self._local_step()
        pending = _SESSION.pending.setdefault(self.optimizer, [self.params, 0])
        pending[1] += 1
        if pending[1] >= _SESSION.every:
            _average_tensors(self.params)
            del _SESSION.pending[self.optimizer]

    def _local_step(self):
        """The optimiser's step at ``world_size`` times its learning rate.

        The average of ``N`` processes' local steps, each on its own part
        of the batches, moves the parameters by about one step for every
        ``N`` parts; at ``N`` times the rate the average moves them by about
        what one process's ``N`` steps on those parts do (the linear scaling
        rule of large-batch training, Goyal et al., 2017). At one process's
        rate two processes ended further from one process's clusters: on
        the digits, seeds 0-5, JULE 0.933 against 0.953 ACC on the mean,
        two seeds more than 0.03 away; at twice the rate 0.951, none
        (``doc/large_data.rst``, ``distributed_lr_scaling``).
        """
        rates = [group["lr"] for group in self.optimizer.param_groups]
        for group in self.optimizer.param_groups:
            group["lr"] = group["lr"] * _SESSION.world_size
        try:
            self.optimizer.step()
        finally:
            for group, rate in zip(self.optimizer.param_groups, rates):
                group["lr"] = rate

    def average_gradients(self):
        """Replace each parameter's gradient by its mean over the ranks.

        One all-reduce of every gradient flattened into one tensor, with a
        flag per parameter saying whether this rank's loss used it: a
        parameter that no rank used keeps no gradient (so Adam leaves it as
        one process would); one that some rank used gets the mean. (This
        costs a fraction of what :class:`~torch.nn.parallel.DistributedDataParallel`
        with ``find_unused_parameters=True`` adds to a step of a small network:
        on DEPICT's digits network, 0.5 against 6 ms of CPU per step.)
        """
        params = self.params
        flat = torch.cat(
            [p.grad.reshape(-1) if p.grad is not None else p.detach().new_zeros(p.numel())
             for p in params]
            + [params[0].detach().new_tensor([p.grad is not None for p in params])]
        ).to(_SESSION.device)
        torch.distributed.all_reduce(flat)
        used = flat[-len(params):].tolist()
        offset = 0
        for param, anyone in zip(params, used):
            n = param.numel()
            if anyone:
                mean = flat[offset:offset + n].view_as(param).div(_SESSION.world_size)
                if param.grad is None:  # unused here, used by another rank
                    param.grad = mean.to(param.device)
                else:
                    param.grad.copy_(mean)
            offset += n


def _average_tensors(tensors, flag=None):
    """Replace each of ``tensors`` by its mean over the ranks, with one
    all-reduce of all of them flattened into one (one collective
    per tensor costs gloo's latency each time: DAMIC's batch normalisation
    buffers, one by one, took 1.6 s of a 15 s fit on the digits).

    A ``flag`` (a bool or float) rides along in the same all-reduce; the
    sum of the ranks' flags is returned (0.0 without one)."""
    parts = [t.detach().reshape(-1).to(_SESSION.device) for t in tensors]
    if flag is not None:
        dtype = parts[0].dtype if parts else torch.float32
        parts.append(torch.tensor([float(flag)], dtype=dtype, device=_SESSION.device))
    if not parts:
        return 0.0
    flat = torch.cat(parts)
    torch.distributed.all_reduce(flat)
    flagged = float(flat[-1]) if flag is not None else 0.0
    flat.div_(_SESSION.world_size)
    offset = 0
    with torch.no_grad():
        for tensor in tensors:
            n = tensor.numel()
            tensor.copy_(flat[offset:offset + n].view_as(tensor))
            offset += n
    return flagged


def global_batch_size(batch_size):
    """The rows of one step of a fit: ``batch_size`` rows per process.

    In a distributed fit of ``W`` processes every process computes the loss
    of its own ``batch_size`` rows, as in PyTorch's data-parallel training
    (each process's loader has its own batch size), so a step takes
    ``W * batch_size`` rows and an epoch ``W`` times fewer steps; outside a
    distributed fit, ``batch_size``. Budgets in epochs (and the ``"auto"``
    budgets, counted in steps of ``batch_size`` rows) keep their number of
    epochs: the processes share the work of each epoch.
    """
    return batch_size * world_size()


def min_rows():
    """The fewest rows a global batch may hold in a distributed fit (2 per rank)."""
    return 2 * world_size()
