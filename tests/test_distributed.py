"""Data-parallel training under torch.distributed (skdeepcluster.distributed).

Each test spawns gloo processes on localhost (one thread each) that run a
task of this module and save what they computed; the test compares the
ranks with each other and with the same computation in one process (the
test's own, without a process group).
"""

import os
import pickle
import signal
import socket
import time

import numpy as np
import pytest
import torch
from sklearn.metrics import adjusted_rand_score

from skdeepcluster import DiscriminativeLatentClustering, JULEClustering, distributed
from skdeepcluster.geometry import select_anchors, spherical_centroids
from skdeepcluster.losses import (
    balanced_targets,
    between_cluster_similarity,
    centroid_similarity,
    damic_loss,
    discriminative_loss,
    soft_cross_entropy,
    weighted_triplet_loss,
    within_cluster_similarity,
)
from skdeepcluster.training import (
    TrainingDivergedError,
    adam,
    make_generator,
    minibatches,
    train_epoch,
)

from .conftest import estimator_id, fast_estimators

dist = torch.distributed
pytestmark = pytest.mark.skipif(
    not (dist.is_available() and dist.is_gloo_available()),
    reason="torch.distributed with the gloo backend is not available",
)

#: The step test: 59 samples, batches of 8 rows per process, so two
#: processes take global batches of 16 (three split 8 / 8, the last 11 rows
#: 6 / 5: uneven parts, so the weighting of the parts counts), as one
#: process does with batches of 16.
STEP_ROWS = 59
STEP_BATCH_SIZE = 8


def _blobs():
    rng = np.random.RandomState(0)
    centres = rng.uniform(-10, 10, size=(3, 5))
    labels = np.repeat(np.arange(3), 20)
    return centres[labels] + rng.normal(size=(60, 5)), labels


# ------------------------------------------------------------------ spawning
def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(rank, world_size, port, task, directory):
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    torch.set_num_threads(1)
    dist.init_process_group("gloo", rank=rank, world_size=world_size)
    try:
        result = TASKS[task](rank, directory)
        with open(os.path.join(directory, f"rank{rank}.pkl"), "wb") as f:
            pickle.dump(result, f)
        # Both ranks done communicating before either tears the group down:
        # a rank that exited while the other was still closing its gloo
        # pairs aborted it ("terminate called without an active exception",
        # SIGABRT) once in about 25 runs of the two-process fit.
        dist.barrier()
    finally:
        dist.destroy_process_group()


def _spawn(task, directory, world_size=2, timeout=120):
    """Run ``TASKS[task]`` in ``world_size`` gloo processes; their results, by rank."""
    context = torch.multiprocessing.spawn(
        _worker, args=(world_size, _free_port(), task, str(directory)), nprocs=world_size,
        join=False,
    )
    deadline = time.monotonic() + timeout
    while not context.join(timeout=1):
        if time.monotonic() > deadline:
            for process in context.processes:
                process.kill()
            pytest.fail(f"the {world_size} processes of task {task!r} ran past {timeout} s")
    results = []
    for rank in range(world_size):
        with open(os.path.join(directory, f"rank{rank}.pkl"), "rb") as f:
            results.append(pickle.load(f))
    return results


@pytest.fixture
def one_thread():
    """The test's own computations with one thread, as in the spawned processes."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


# ---------------------------------------------------------- what ranks run
def _load(directory, name):
    with open(os.path.join(directory, name), "rb") as f:
        return pickle.load(f)


def _step_losses(depict, damic, jule, ddlsc, X):
    """Batch losses of DEPICT (joint and pretraining), DAMIC, JULE's triplets
    and DiscriminativeLatentClustering's terms (the losses over pairs of
    samples, which gather the batch), with the modules each trains. DAMIC's
    and JULE's batch normalisation is frozen in the test (each process
    normalises its part with its part's statistics)."""
    q = torch.softmax(torch.as_tensor(np.random.RandomState(1).normal(size=(len(X), 3)),
                                      dtype=torch.float32), 1)

    def depict_joint(idx):
        rec, log_p = depict._batch_losses(X[idx], None)
        return soft_cross_entropy(q[idx], log_p) + rec

    def depict_pretrain(idx):  # leaves the head unused
        return depict._batch_losses(X[idx], None)[0]

    def damic_joint(idx):
        x = X[idx]
        return damic_loss(damic._log_proba_batch(x), damic._distances_batch(x))

    jule_labels = torch.as_tensor(jule.labels_)
    ddlsc_labels = torch.as_tensor(ddlsc.labels_)
    centroids = torch.as_tensor(ddlsc.cluster_centers_)

    def jule_triplets(idx):
        z = distributed.gather_batch(jule.network_(X[idx]))
        return weighted_triplet_loss(z, distributed.gather_batch(jule_labels[idx]),
                                     gamma=jule.gamma, margin=jule.margin, n_negatives=jule.k_c)

    def ddlsc_terms(idx):  # every term of its three stages
        x = X[idx]
        z, x_hat = ddlsc.network_(x)
        # The reconstruction of some rows only (as with reconstruction_subsample):
        # the even samples, so each process's count differs from its part's.
        even = idx % 2 == 0
        reconstruction = distributed.mean_over_batch((x_hat[even] - x[even]) ** 2)
        x, z = distributed.gather_batch(x), distributed.gather_batch(z)
        labels = distributed.gather_batch(ddlsc_labels[idx])
        anchors = select_anchors(x, ddlsc.n_neighbors, ddlsc.anchor_fraction)
        return (reconstruction + discriminative_loss(z, anchors, ddlsc.alpha)
                - centroid_similarity(z, centroids, labels)
                + between_cluster_similarity(z, labels, 3) - within_cluster_similarity(z, labels, 3))

    return {
        "jule_triplets": (jule_triplets, [jule.network_]),
        "ddlsc_terms": (ddlsc_terms, [ddlsc.network_]),
        "depict_joint": (depict_joint, [depict.network_]),
        "depict_pretrain": (depict_pretrain, [depict.network_]),
        "damic_joint": (damic_joint, [damic.autoencoders_, damic.clustering_network_]),
    }


def _step_setup(directory, name):
    """The batch loss ``name`` of freshly loaded saved models, its parameters
    and their optimiser."""
    depict, damic = _load(directory, "depict.pkl"), _load(directory, "damic.pkl")
    _, jule, _, ddlsc = _load(directory, "estimators.pkl")
    X = torch.as_tensor(_blobs()[0][:STEP_ROWS], dtype=torch.float32)
    batch_loss, modules = _step_losses(depict, damic, jule, ddlsc, X)[name]
    for module in modules:  # batch normalisation frozen (DAMIC's and JULE's networks)
        module.train(not name.startswith(("damic", "jule")))
    params = [p for module in modules for p in module.parameters()]
    return batch_loss, params, adam(params, lr=1e-2), X


#: Epochs of the step test.
STEP_EPOCHS = 2


def _epochs(directory, name, batch_size, averaging="gradients"):
    """The last epoch's loss and the parameters after ``STEP_EPOCHS`` epochs
    (4 steps each) of the loss ``name`` from the saved models."""
    batch_loss, params, optimizer, X = _step_setup(directory, name)
    generator = make_generator(0, "cpu")
    with distributed.averaging(averaging), distributed.session(X, np.random.RandomState(0)):
        for _ in range(STEP_EPOCHS):
            loss = train_epoch(batch_loss, optimizer, len(X), batch_size, generator)
    return loss, [p.detach().clone() for p in params]


def _local_steps_by_hand(directory, name, every, world_size=2):
    """What ``world_size`` processes compute in ``STEP_EPOCHS`` epochs of
    local steps (``averaging(every)``), in one process: a replica of the
    models per process, each stepping on its part of every global batch,
    their parameters averaged after every ``every`` steps of an epoch and
    at its end; each local step at ``world_size`` times the learning rate."""
    replicas = [_step_setup(directory, name) for _ in range(world_size)]
    n_rows = len(replicas[0][3])
    generator = make_generator(0, "cpu")
    epochs = [list(minibatches(n_rows, world_size * STEP_BATCH_SIZE, generator=generator,
                               min_size=2 * world_size)) for _ in range(STEP_EPOCHS)]
    losses = [[] for _ in replicas]

    def average():
        with torch.no_grad():
            for tied in zip(*(params for _, params, _, _ in replicas)):
                mean = sum(p.detach() for p in tied) / world_size
                for p in tied:
                    p.copy_(mean)

    for batches in epochs:
        for step, idx in enumerate(batches, start=1):
            for (batch_loss, _, optimizer, _), part, mine in zip(
                    replicas, torch.tensor_split(idx, world_size), losses):
                loss = batch_loss(part)
                optimizer.zero_grad()
                loss.backward()
                for group in optimizer.param_groups:
                    group["lr"] *= world_size
                optimizer.step()
                for group in optimizer.param_groups:
                    group["lr"] /= world_size
                mine.append(float(loss.detach()))
            if step % every == 0 or step == len(batches):
                average()
    last = len(epochs[-1])
    loss = float(np.mean([np.mean(mine[-last:]) for mine in losses]))
    return loss, [p.detach().clone() for p in replicas[0][1]]


#: Local steps between two averages in the step test: 4 steps an epoch, so
#: the parameters are averaged after the 3rd step and at the end of each
#: epoch (the end of the first one averaged when the second one starts, as
#: nothing reads them in between: ``distributed.synchronize``).
STEP_EVERY = 3


def _task_steps(rank, directory):
    return {
        "gradients": {name: _epochs(directory, name, STEP_BATCH_SIZE) for name in STEP_LOSSES},
        "local": {name: _epochs(directory, name, STEP_BATCH_SIZE, STEP_EVERY)
                  for name in STEP_LOSSES},
    }


def _statistics(estimators, X):
    """The full-data passes behind each method's epoch-level statistics."""
    depict, jule, damic, ddlsc = estimators
    log_p = depict._apply(depict._log_proba_batch, X)
    codes = ddlsc._apply(ddlsc._embed_batch, X)
    labels = torch.as_tensor(ddlsc.labels_)
    return {
        "depict_targets": balanced_targets(log_p, depict.target_rule),
        "jule_embedding": jule._apply(jule._embed_batch, X),
        "damic_distances": damic._apply(damic._distances_batch, X),
        "damic_labels": damic._apply(damic._labels_batch, X),
        "ddlsc_centroids": spherical_centroids(codes, labels, 3, torch.zeros(3, codes.shape[1])),
        "tuple": depict._apply(lambda x: (depict._embed_batch(x), x.sum(1)), X),
        **_neighbour_searches(X, jule),
    }


def _neighbour_searches(X, jule):
    """Every path of the neighbour search (each rank searches its block of
    the queries): in blocks of distances, by a k-d tree, streamed from an
    out-of-core source, and JULE's graph and neighbour vote on them."""
    from skdeepcluster import graph
    from skdeepcluster.data import ArrayRows

    def as_tensors(*arrays):
        return tuple(torch.as_tensor(np.asarray(a)) for a in arrays)

    searches = {"blocks": as_tensors(*graph.nearest_neighbors(X, 4)),
                "queries": as_tensors(*graph.nearest_neighbors(X[:20], 4, queries=X)),
                # One query: rank 0's block is empty.
                "one_query": as_tensors(*graph.nearest_neighbors(X, 4, queries=X[:1]))}
    saved = graph.KDTREE_MIN_SAMPLES, graph._STREAM_QUERY_FLOATS, graph._KNN_BLOCK_FLOATS
    try:
        graph.KDTREE_MIN_SAMPLES = 1
        searches["tree"] = as_tensors(*graph.nearest_neighbors(X, 4))
        searches["tree_one_query"] = as_tensors(*graph.nearest_neighbors(X, 4, queries=X[:1]))
        # Blocks of 7 queries against 11 references, across the ranks' blocks.
        graph._STREAM_QUERY_FLOATS, graph._KNN_BLOCK_FLOATS = 7 * X.shape[1], 7 * 11
        searches["streamed"] = as_tensors(*graph.knn_graph(ArrayRows(X.numpy()), 4)[1:3])
    finally:
        graph.KDTREE_MIN_SAMPLES, graph._STREAM_QUERY_FLOATS, graph._KNN_BLOCK_FLOATS = saved
    W, chains, _ = jule._over_cluster(X)
    searches["jule_graph"] = as_tensors(W.toarray(), chains)
    searches["jule_vote"] = as_tensors(jule._vote(jule.embedding_))
    return searches


def _task_statistics(rank, directory):
    estimators = _load(directory, "estimators.pkl")
    X = torch.as_tensor(_blobs()[0], dtype=torch.float32)
    with distributed.session(X, np.random.RandomState(0)):
        statistics = _statistics(estimators, X)
        # on_rank_zero: rank 0's value everywhere; its exceptions everywhere.
        statistics["rank_zero"] = distributed.on_rank_zero(lambda: distributed.rank() + 10)
        try:
            distributed.on_rank_zero(lambda: 1 / 0)
        except ZeroDivisionError:
            statistics["raised"] = True
    return statistics


def _fitted_state(estimator):
    return {
        "params": {f"{i}.{k}": v.clone() for i, m in enumerate(estimator._modules())
                   for k, v in m.state_dict().items()},
        "labels": estimator.labels_,
        "history": estimator.history_,
    }


def _fast_jule_auto():
    """The test suite's fast JULEClustering with ``n_clusters="auto"``."""
    jule = next(e for e in fast_estimators() if isinstance(e, JULEClustering))
    return jule.set_params(n_clusters="auto", max_clusters=8)


def _fast_ddlsc():
    """The test suite's fast DiscriminativeLatentClustering."""
    return next(e for e in fast_estimators() if isinstance(e, DiscriminativeLatentClustering))


def _task_fits(rank, directory):
    """Each estimator fitted on the blobs in memory, then on the same rows
    memory-mapped from ``X.npy`` (out-of-core: each rank reads its parts),
    with half the one-process test's ``batch_size``."""
    X = _blobs()[0]
    mapped = np.load(os.path.join(directory, "X.npy"), mmap_mode="r")
    fits = []
    for estimator in fast_estimators():
        # Half the batch per process: the global batches and the steps of the
        # one-process fit the test compares with.
        estimator.set_params(batch_size=estimator.batch_size // 2)
        fits.append((_fitted_state(estimator.fit(X)), _fitted_state(estimator.fit(mapped))))
    # DiscriminativeLatentClustering's losses gather the batch where the
    # gradients are averaged (the default on GPUs), its reconstruction of
    # one row in reconstruction_subsample included.
    ddlsc = _fast_ddlsc()
    ddlsc.set_params(batch_size=ddlsc.batch_size // 2)
    with distributed.averaging("gradients"):
        gathered = _fitted_state(ddlsc.fit(X))
    # JULE with n_clusters="auto": rank 0 reads the input's graph (which
    # decides the number here) and broadcasts it before the first period.
    jule = _fast_jule_auto()
    jule.set_params(batch_size=jule.batch_size // 2)
    gathered["jule_auto"] = {**_fitted_state(jule.fit(X)), "n_clusters": jule.n_clusters_}
    return fits, gathered


def _task_edges(rank, directory):
    """Ctrl-C on rank 1, a NaN loss on rank 1, different data, too small batches."""
    from skdeepcluster import DEPICTClustering, depict

    X = _blobs()[0]
    # Global batches of 2 x 8 rows: 4 steps an epoch on the 60 rows.
    make = dict(n_clusters=3, hidden_layer_sizes=(16,), n_pretrain_epochs=2, n_epochs=4,
                batch_size=8, tol=0, device="cpu", random_state=0)
    original = depict.soft_cross_entropy
    calls = [0]

    def interrupt_on_rank_1(q, log_p):  # in the 2nd cluster epoch (4 steps an epoch)
        calls[0] += 1
        if rank == 1 and calls[0] == 6:
            os.kill(os.getpid(), signal.SIGINT)
        return original(q, log_p)

    def nan_on_rank_1(q, log_p):
        calls[0] += 1
        loss = original(q, log_p)
        return loss * float("nan") if rank == 1 and calls[0] == 6 else loss

    result = {}
    depict.soft_cross_entropy = interrupt_on_rank_1
    try:
        with pytest.warns(UserWarning, match="interrupted"):
            interrupted = DEPICTClustering(**make).fit(X)
        result["interrupted"] = {**_fitted_state(interrupted), "flag": interrupted.interrupted_}
        calls[0] = 0
        depict.soft_cross_entropy = nan_on_rank_1
        try:
            DEPICTClustering(**make).fit(X)
        except TrainingDivergedError as exc:
            result["diverged"] = str(exc)
    finally:
        depict.soft_cross_entropy = original
    # An estimator of this package as the initial clusterer: fitted on rank 0
    # alone, as in one process (no collective of rank 0 that rank 1 misses).
    inner = JULEClustering(n_clusters=3, hidden_layer_sizes=(8,), embedding_dim=4, n_epochs=1,
                           device="cpu", random_state=0)
    result["nested"] = DEPICTClustering(**{**make, "n_epochs": 1, "init": inner}).fit(X).labels_
    for name, params, data in [("different_data", {}, X + rank),
                               ("small_batch", {"batch_size": 1}, X)]:
        try:
            DEPICTClustering(**{**make, **params}).fit(data)
        except ValueError as exc:
            result[name] = str(exc)
    try:
        with distributed.averaging(2 if rank else "gradients"):
            DEPICTClustering(**make).fit(X)
    except ValueError as exc:
        result["different_averaging"] = str(exc)
    return result


def _task_checks(rank, directory):
    return {"steps": _task_steps(rank, directory),
            "statistics": _task_statistics(rank, directory),
            "edges": _task_edges(rank, directory)}


TASKS = {"checks": _task_checks, "fits": _task_fits}


def _save_fitted(directory):
    """Fit the estimators once here and save them for the spawned ranks."""
    X = _blobs()[0]
    estimators = [estimator.fit(X) for estimator in fast_estimators()]
    with open(os.path.join(directory, "estimators.pkl"), "wb") as f:
        pickle.dump(estimators, f)
    depict, _, damic, _ = estimators
    depict = type(depict)(**{**depict.get_params(), "dropout": 0.0}).fit(X)
    for name, estimator in [("depict.pkl", depict), ("damic.pkl", damic)]:
        with open(os.path.join(directory, name), "wb") as f:
            pickle.dump(estimator, f)
    return estimators


# --------------------------------------------------------------------- tests
@pytest.fixture(scope="module")
def two_ranks(tmp_path_factory):
    """The saved models, this process's statistics, and what 2 ranks computed
    (one spawn for the step, full-pass and interruption tests)."""
    directory = tmp_path_factory.mktemp("two_ranks")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        estimators = _save_fitted(directory)
        X = torch.as_tensor(_blobs()[0], dtype=torch.float32)
        expected = _statistics(estimators, X)
        # One process on the global batches of two (batch_size rows per process),
        # and two processes' local steps replayed here.
        steps = {
            "gradients": {name: _epochs(directory, name, 2 * STEP_BATCH_SIZE)
                          for name in STEP_LOSSES},
            "local": {name: _local_steps_by_hand(directory, name, STEP_EVERY)
                      for name in STEP_LOSSES},
        }
    finally:
        torch.set_num_threads(threads)
    return directory, expected, steps, _spawn("checks", directory)


STEP_LOSSES = ("depict_joint", "depict_pretrain", "damic_joint", "jule_triplets", "ddlsc_terms")


@pytest.mark.parametrize("averaging", ["gradients", "local"])
def test_two_epochs_of_two_processes_are_their_one_process_computation(two_ranks, averaging):
    """``averaging("gradients")``: each step is the step of one process on
    the global batch. Local steps: each process's steps on its parts, with
    the parameters averaged every 3 steps and at the end of each epoch, each
    step at twice the learning rate, as replayed in one process."""
    directory, _, steps, ranks = two_ranks
    for name in STEP_LOSSES:
        loss, params = steps[averaging][name]
        for rank_loss, rank_params in (r["steps"][averaging][name] for r in ranks):
            assert rank_loss == pytest.approx(loss, rel=1e-5), name
            for mine, theirs in zip(params, rank_params):
                torch.testing.assert_close(theirs, mine, rtol=1e-5, atol=1e-6, msg=name)
        # Both ranks hold the very same parameters after the epochs.
        for a, b in zip(*(r["steps"][averaging][name][1] for r in ranks)):
            assert torch.equal(a, b), name
    # Parameters no loss used stay as they were (DEPICT's head while pretraining).
    head = [p.detach() for p in _load(directory, "depict.pkl").network_.head.parameters()]
    for rank in ranks:
        for before, after in zip(head, rank["steps"][averaging]["depict_pretrain"][1][-len(head):]):
            assert torch.equal(before, after)
    # The two ways differ (the test can tell them apart).
    gradients, local = (steps[mode]["depict_joint"][1] for mode in ("gradients", "local"))
    assert not all(torch.allclose(a, b) for a, b in zip(gradients, local))


def test_full_data_passes_are_gathered(two_ranks):
    _, expected, _, ranks = two_ranks
    for statistics in (r["statistics"] for r in ranks):
        assert statistics["rank_zero"] == 10 and statistics["raised"]
        for name, value in expected.items():
            torch.testing.assert_close(statistics[name], value, rtol=1e-5, atol=1e-6, msg=name)
    for name in expected:
        leaves = (torch.utils._pytree.tree_leaves(r["statistics"][name]) for r in ranks)
        for a, b in zip(*leaves):
            assert torch.equal(a, b), name


def test_interrupt_divergence_and_errors_stop_every_rank_together(two_ranks):
    first, second = (r["edges"] for r in two_ranks[3])
    for result in (first, second):
        interrupted = result["interrupted"]
        assert interrupted["flag"]
        # Ctrl-C in the 2nd cluster epoch: the 1st is kept, the 2nd undone.
        assert [h["phase"] for h in interrupted["history"]] == ["pretrain"] * 2 + ["cluster"]
        assert "cluster loss became nan at epoch 2" in result["diverged"]
        assert "different data" in result["different_data"]
        assert "n_samples >= 4" in result["small_batch"]
        assert "average differently" in result["different_averaging"]
        assert "[0, 2]" in result["different_averaging"]
    for key, value in first["interrupted"]["params"].items():
        assert torch.equal(value, second["interrupted"]["params"][key]), key
    np.testing.assert_array_equal(first["nested"], second["nested"])


@pytest.mark.slow
def test_two_process_fit_gives_every_rank_the_same_estimator(tmp_path, one_thread):
    X, truth = _blobs()
    np.save(tmp_path / "X.npy", X)
    (fits, gathered), (other_fits, other_gathered) = _spawn("fits", tmp_path)
    for estimator, (first, first_mapped), (second, _) in zip(fast_estimators(), fits, other_fits):
        name = estimator_id(estimator)
        # A memory-mapped X gives the fit of the same rows in memory.
        for key, value in first["params"].items():
            assert torch.equal(value, first_mapped["params"][key]), (name, key)
        np.testing.assert_array_equal(first["labels"], first_mapped["labels"], err_msg=name)
        assert first["params"].keys() == second["params"].keys()
        for key, value in first["params"].items():
            assert torch.equal(value, second["params"][key]), (name, key)
        np.testing.assert_array_equal(first["labels"], second["labels"], err_msg=name)
        assert first["history"] == second["history"], name
        # Not the same labels as one process (other dropout masks, other
        # batch normalisation statistics): as good a clustering.
        alone = adjusted_rand_score(truth, estimator.fit(X).labels_)
        assert adjusted_rand_score(truth, first["labels"]) >= alone - 0.15, name
    # DiscriminativeLatentClustering with averaged gradients: the global
    # batches of one process, every rank the same estimator.
    for key, value in gathered["params"].items():
        assert torch.equal(value, other_gathered["params"][key]), key
    np.testing.assert_array_equal(gathered["labels"], other_gathered["labels"])
    ddlsc = _fast_ddlsc()
    alone = adjusted_rand_score(truth, ddlsc.fit(X).labels_)
    assert adjusted_rand_score(truth, gathered["labels"]) >= alone - 0.15
    # JULE with "auto": every rank the same number, the one process's.
    jule, other_jule = gathered["jule_auto"], other_gathered["jule_auto"]
    assert jule["n_clusters"] == other_jule["n_clusters"] == _fast_jule_auto().fit(X).n_clusters_ == 3
    np.testing.assert_array_equal(jule["labels"], other_jule["labels"])
    for key, value in jule["params"].items():
        assert torch.equal(value, other_jule["params"][key]), key


def test_a_group_of_one_process_changes_nothing(one_thread):
    X = _blobs()[0]
    alone = [_fitted_state(estimator.fit(X)) for estimator in fast_estimators()]
    dist.init_process_group("gloo", init_method=f"tcp://127.0.0.1:{_free_port()}",
                            rank=0, world_size=1)
    try:
        in_group = [_fitted_state(estimator.fit(X)) for estimator in fast_estimators()]
    finally:
        dist.destroy_process_group()
    for first, second in zip(alone, in_group):
        np.testing.assert_array_equal(first["labels"], second["labels"])
        assert first["history"] == second["history"]
        for key, value in first["params"].items():
            assert torch.equal(value, second["params"][key]), key


def test_outside_a_distributed_fit_the_helpers_are_plain_calls():
    idx = torch.arange(7)
    assert not distributed.active() and distributed.rank() == 0 and distributed.world_size() == 1
    assert distributed.gather_batch(idx) is idx and distributed.gather_rows(idx) is idx
    assert distributed.mean_over_batch(idx.float()) == idx.float().mean()
    assert distributed.on_rank_zero(max, 2, 3) == 3
    assert distributed.mean_over_ranks(1.5) == 1.5
    counts = torch.ones(3)
    assert distributed.sum_over_ranks(counts) is counts and counts.tolist() == [1, 1, 1]
    assert distributed.apply_sharded(lambda X: X * 2, idx).tolist() == (idx * 2).tolist()


@pytest.mark.parametrize("every", ["many", 0, -1, 2.5, True, None])
def test_averaging_refuses_bad_values(every):
    with pytest.raises(ValueError, match="averaging takes"):
        with distributed.averaging(every):
            pass


def test_averaging_is_restored_after_its_context():
    with distributed.averaging(4):
        assert distributed._AVERAGING == 4
        with distributed.averaging("gradients"):
            assert distributed._AVERAGING == "gradients"
        assert distributed._AVERAGING == 4
    assert distributed._AVERAGING == "auto"
