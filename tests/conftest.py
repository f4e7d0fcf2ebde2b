"""Shared fixtures. ``fast_estimators()`` is the one list every estimator-wide
test runs over: a new estimator is covered by adding it here."""

import os

import numpy as np
import pytest
import torch

from skdeepcluster import (
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
)
from skdeepcluster.nn import glorot_init_

CORES = os.cpu_count() or 1
XDIST_WORKERS = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
if XDIST_WORKERS:
    # One of several test processes (pytest-xdist): one thread each, torch's
    # and the BLAS / OpenMP pools', so that the processes share the cores
    # instead of contending for them.
    from threadpoolctl import threadpool_limits

    torch.set_num_threads(1)
    threadpool_limits(1)
else:
    torch.set_num_threads(min(2, torch.get_num_threads()))


def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (pyproject.toml's addopts): one worker a core, at most
    eight (a worker holds up to about 1 GB)."""
    return min(8, CORES)


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist, the slow tests first (a stable sort), so that the
    workers do not end on one long test while the other cores idle."""
    if XDIST_WORKERS:
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def fast_estimators():
    """Every public estimator, with tiny networks and 1-2 epochs."""
    return [
        DEPICTClustering(
            n_clusters=3, hidden_layer_sizes=(16,), n_filters=4, n_pretrain_epochs=1,
            n_epochs=2, batch_size=16, device="cpu", random_state=0,
        ),
        JULEClustering(
            n_clusters=3, hidden_layer_sizes=(16,), n_filters=4, embedding_dim=8, n_epochs=1,
            batch_size=16, device="cpu", random_state=0,
        ),
        # the automatic code width (a code as wide as sklearn's 2-D blobs lets
        # every autoencoder copy every sample) and enough epochs of the
        # clustering network on the initial labels to learn them (160 steps;
        # with 5 or 20 epochs one of the three clusters of check_clustering's
        # noisy blobs, standardised, ended empty; the defaults take 500)
        DAMICClustering(
            n_clusters=3, hidden_layer_sizes=(8,), clustering_layer_sizes=(8,),
            n_filters=(2, 2), n_pretrain_epochs=1, n_cluster_pretrain_epochs=40, n_epochs=1,
            batch_size=16, device="cpu", random_state=0,
        ),
        DiscriminativeLatentClustering(
            n_clusters=3, hidden_layer_sizes=(16,), n_filters=(4, 4), n_pretrain_epochs=1,
            n_epochs=2, batch_size=16, device="cpu", random_state=0,
        ),
    ]


def inference_outputs(model, X):
    """Every inference output of a fitted ``model`` on ``X``."""
    outputs = {"predict": model.predict(X), "transform": model.transform(X)}
    for method in ("predict_proba", "score", "reconstruction_errors"):
        if hasattr(model, method):
            outputs[method] = getattr(model, method)(X)
    return outputs


def assert_channels_last_equals_contiguous(build, n_features, init=glorot_init_):
    """``build()`` returns a fresh convolutional network with channels-last
    weights: its convolutions must output channels-last maps, and it must
    compute what the same network in the default layout computes, from the
    same initial values (``init(module, generator)`` must draw them
    whatever the layout)."""
    net, plain = build(), build().to(memory_format=torch.contiguous_format)
    convs = [m for m in net.modules() if isinstance(m, torch.nn.Conv2d)]
    assert convs and all(m.weight.is_contiguous(memory_format=torch.channels_last) for m in convs)
    maps = []
    hooks = [m.register_forward_hook(lambda m, i, out: maps.append(out)) for m in convs]
    init(net, torch.Generator().manual_seed(3))
    init(plain, torch.Generator().manual_seed(3))
    for a, b in zip(net.state_dict().values(), plain.state_dict().values()):
        assert torch.equal(a, b)
    x = torch.rand(40, n_features, generator=torch.Generator().manual_seed(0))
    for mode in (True, False):  # batch statistics, then running ones
        with torch.no_grad():
            outputs, refs = net.train(mode)(x), plain.train(mode)(x)
        if isinstance(outputs, torch.Tensor):
            outputs, refs = (outputs,), (refs,)
        for out, ref in zip(outputs, refs):
            assert torch.allclose(out, ref, rtol=1e-3, atol=1e-3 * float(ref.abs().max()))
    for hook in hooks:
        hook.remove()
    # (a one-channel weight is contiguous in both layouts; the maps tell)
    assert all(m.is_contiguous(memory_format=torch.channels_last) for m in maps)
    assert not all(m.is_contiguous() for m in maps if m.shape[1] > 1)


def estimator_id(estimator):
    return type(estimator).__name__


@pytest.fixture
def blobs():
    """Three well separated Gaussian blobs, 60 samples x 5 features."""
    rng = np.random.RandomState(0)
    centres = rng.uniform(-10, 10, size=(3, 5))
    labels = np.repeat(np.arange(3), 20)
    return centres[labels] + rng.normal(size=(60, 5)), labels


@pytest.fixture
def tiny_images():
    """36 random 1x8x8 images (flat rows) with values in [0, 16]."""
    rng = np.random.RandomState(0)
    return rng.uniform(0, 16, size=(36, 64))


@pytest.fixture
def umap_gmm_digits():
    """UMAP + GMM on the digits (benchmarks/compare.py, umap-gmm, mean of
    seeds 0-2, doc/results.rst), the peer the digits tests must beat. Written
    as numbers so that the suite needs no umap-learn."""
    return {"ACC": 0.884, "NMI": 0.911}


def _fit_on_one_thread(estimator, X):
    """``estimator.fit(X)`` on one torch thread (in a worker process of
    :func:`fit_side_by_side`)."""
    torch.set_num_threads(1)
    return estimator.fit(X)


@pytest.fixture(scope="session")
def fit_side_by_side():
    """``fit(estimators, X)``: ``[estimator.fit(X) for estimator in
    estimators]``, the fits side by side in worker processes (joblib), one
    torch thread each: the same models as one after the other on one
    thread, in about half the time on two cores (the tests that fit several
    seeds are most of the suite's time). Under pytest-xdist, whose workers
    already keep every core busy, in as many processes as each worker has
    cores (on two cores and two workers: one after the other, in the
    worker's own process)."""
    from joblib import Parallel, delayed

    def fit(estimators, X):
        # under pytest-xdist the workers already fill the cores
        n_jobs = max(1, CORES // XDIST_WORKERS) if XDIST_WORKERS else max(3, CORES)
        n_jobs = min(len(estimators), n_jobs)
        return Parallel(n_jobs=n_jobs)(delayed(_fit_on_one_thread)(e, X) for e in estimators)

    return fit


@pytest.fixture(scope="session")
def digits_seed_scores(fit_side_by_side):
    """``scores(Estimator, check=None)``: ACC and NMI lists of
    ``Estimator(10)`` (as a user builds it, on the CPU) fitted on the
    bundled digits with seeds 0-2 on one torch thread each, as measured
    (:func:`fit_side_by_side`), and k-means' ACC; ``check(model, digits)``,
    if given, is called on each fitted model."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import normalized_mutual_info_score

    from skdeepcluster.datasets import load_digits
    from skdeepcluster.metrics import clustering_accuracy

    def scores(estimator_class, check=None):
        digits = load_digits()
        kmeans = KMeans(10, n_init=10, random_state=0).fit_predict(digits.data)
        models = fit_side_by_side(
            [estimator_class(10, device="cpu", random_state=seed) for seed in (0, 1, 2)],
            digits.data)
        accs, nmis = [], []
        for model in models:
            if check is not None:
                check(model, digits)
            accs.append(clustering_accuracy(digits.target, model.labels_))
            nmis.append(normalized_mutual_info_score(digits.target, model.labels_))
        return accs, nmis, clustering_accuracy(digits.target, kmeans)

    return scores
