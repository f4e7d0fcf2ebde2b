"""The shared training helpers."""

import math
import subprocess
import sys
import textwrap
from unittest import mock

import pytest
import scipy.sparse as sp
import torch

from skdeepcluster.data import ArrayRows
from skdeepcluster.training import (
    SGD,
    Adam,
    BatchMean,
    adam,
    apply_in_batches,
    make_generator,
    minibatches,
    resolve_device,
    train_epoch,
)


@pytest.mark.parametrize("n, size, expected", [(10, 4, [4, 4, 2]), (9, 4, [4, 5]), (1, 4, [1]), (8, 4, [4, 4])])
def test_minibatches_cover_every_sample_and_never_leave_one_alone(n, size, expected):
    batches = list(minibatches(n, size, generator=make_generator(0, "cpu")))
    assert [len(b) for b in batches] == expected
    assert sorted(torch.cat(batches).tolist()) == list(range(n))


def test_resolve_device_refuses_a_cuda_index_the_machine_lacks():
    with mock.patch.object(torch.cuda, "is_available", return_value=True), \
            mock.patch.object(torch.cuda, "device_count", return_value=1):
        assert resolve_device("cuda:0") == torch.device("cuda", 0)
        assert resolve_device("cuda") == torch.device("cuda")
        with pytest.raises(ValueError, match="has 1 CUDA device"):
            resolve_device("cuda:3")


@pytest.mark.parametrize("n_epochs, n_samples, batch_size, expected", [
    (10, 10_000, 100, 10),   # 1,000 steps: enough
    (10, 1_797, 100, 28),    # 18 batches an epoch: 28 epochs for 500 steps
    (10, 50, 100, 500),      # one batch an epoch
])
def test_epochs_for_steps_raises_the_budget_of_small_data_only(n_epochs, n_samples, batch_size,
                                                                 expected):
    from skdeepcluster.training import epochs_for_steps

    assert epochs_for_steps(n_epochs, n_samples, batch_size, min_steps=500) == expected


@pytest.mark.parametrize("n_epochs, n_samples, expected", [
    (100, 10_000, 100),   # 10,000 steps: within the cap
    (100, 70_000, 29),    # 700 batches an epoch: 29 epochs for 20,000 steps
    (100, 10_000_000, 1),  # never less than one epoch
    (0, 70_000, 0),
])
def test_epochs_for_steps_caps_the_budget_of_large_data(n_epochs, n_samples, expected):
    from skdeepcluster.training import epochs_for_steps

    assert epochs_for_steps(n_epochs, n_samples, 100, max_steps=20_000) == expected


def test_batch_mean_equals_the_mean_of_the_stacked_values_bit_for_bit():
    generator = torch.Generator().manual_seed(0)
    weight = torch.ones((), requires_grad=True)
    # Values of different magnitudes, enough for the buffer to grow twice.
    values = [weight * torch.rand((), generator=generator) * 10.0 ** (i % 7 - 3)
              for i in range(2 * BatchMean.INITIAL_SIZE + 7)]
    record = BatchMean()
    for value in values:
        record.add(value)
    assert record.count == len(values)
    assert record.mean() == float(torch.stack([v.detach() for v in values]).mean())


def test_batch_mean_keeps_no_gradient_and_is_nan_when_empty():
    assert math.isnan(BatchMean().mean())
    record = BatchMean()
    weight = torch.ones((), requires_grad=True)
    record.add(weight * 3.0)
    record.add(torch.tensor(1.0, dtype=torch.float64))
    assert record.mean() == 2.0
    assert not record._values.requires_grad


def test_train_epoch_returns_the_mean_batch_loss():
    weight = torch.nn.Parameter(torch.zeros(()))
    optimizer = SGD([weight], lr=0.0)
    seen = []

    def batch_loss(idx):
        loss = weight + idx.float().mean()
        seen.append(loss.detach())
        return loss

    loss = train_epoch(batch_loss, optimizer, 1000, 7, make_generator(0, "cpu"))
    assert len(seen) == 143
    assert loss == float(torch.stack(seen).mean())


@pytest.mark.parametrize("kind", ["tensor", "csr", "rows"])
def test_apply_in_batches_equals_the_function_on_all_rows(kind):
    X = torch.rand(23, 5, generator=torch.Generator().manual_seed(0))
    source = {"tensor": X, "csr": sp.csr_matrix(X.numpy()),
              "rows": ArrayRows(X.numpy())}[kind]

    def two_outputs(x):
        return x * 2.0, x.argmax(1)

    doubled, best = apply_in_batches(two_outputs, source, batch_size=4, device="cpu")
    assert torch.equal(doubled, X * 2.0) and torch.equal(best, X.argmax(1))
    assert best.dtype == torch.int64
    sums = apply_in_batches(lambda x: x.sum(1), source, batch_size=10, device="cpu")
    assert torch.equal(sums, torch.cat([X[:10].sum(1), X[10:20].sum(1), X[20:].sum(1)]))


def _trained_parameters(make_optimizer, n_steps=12):
    """A small network's parameters after steps of ``make_optimizer``, with a
    learning rate changed between steps and some steps that leave the later
    layers without gradients."""
    torch.manual_seed(0)
    network = torch.nn.Sequential(torch.nn.Linear(6, 8), torch.nn.BatchNorm1d(8), torch.nn.ReLU(),
                                  torch.nn.Linear(8, 3))
    optimizer = make_optimizer(network.parameters())
    generator = torch.Generator().manual_seed(1)
    for step in range(n_steps):
        x = torch.randn(16, 6, generator=generator)
        loss = network[0](x).sum() if step % 3 == 0 else network(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        for group in optimizer.param_groups:
            group["lr"] *= 0.9
    return [p.detach().clone() for p in network.parameters()]


def _torch_adam(params, lr):
    """torch.optim.Adam in its fused form where the torch installed has one."""
    params = list(params)
    try:
        return torch.optim.Adam(params, lr=lr, fused=True)
    except (RuntimeError, TypeError, ValueError):
        return torch.optim.Adam(params, lr=lr)


@pytest.mark.parametrize("ours, theirs", [
    (lambda p: Adam(p, lr=1e-2), lambda p: torch.optim.Adam(p, lr=1e-2)),
    (lambda p: adam(p, 1e-2), lambda p: _torch_adam(p, lr=1e-2)),
    (lambda p: SGD(p, lr=0.05, momentum=0.9, weight_decay=1e-3),
     lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, weight_decay=1e-3)),
    (lambda p: SGD(p, lr=0.05), lambda p: torch.optim.SGD(p, lr=0.05)),
], ids=["adam", "adam-factory", "sgd-momentum", "sgd"])
def test_optimizers_step_exactly_as_their_torch_optim_namesakes(ours, theirs):
    for mine, reference in zip(_trained_parameters(ours), _trained_parameters(theirs)):
        assert torch.equal(mine, reference)
    assert any(not torch.equal(a, b) for a, b in zip(_trained_parameters(ours, 0),
                                                    _trained_parameters(ours)))


def test_optimizers_refuse_sparse_gradients():
    weight = torch.nn.Parameter(torch.zeros(3, 2))
    weight.grad = torch.zeros(3, 2).to_sparse()
    with pytest.raises(RuntimeError, match="sparse"):
        Adam([weight], lr=0.1).step()


@pytest.mark.slow
def test_fits_do_not_import_torch_dynamo():
    """torch.optim's optimisers import torch._dynamo at their first use in a
    process (1.3-1.7 s); no estimator's fit should (a fresh interpreter, as a
    user's script or ``python -m skdeepcluster`` starts)."""
    script = textwrap.dedent("""
        import sys
        import numpy as np
        import skdeepcluster as sk
        before = "torch._dynamo" in sys.modules
        X = np.random.RandomState(0).rand(60, 64)
        for method in (sk.DEPICTClustering, sk.JULEClustering, sk.DAMICClustering,
                       sk.DiscriminativeLatentClustering):
            est = method(n_clusters=3, random_state=0, device="cpu")
            est.set_params(**{k: 1 for k in ("n_pretrain_epochs", "n_epochs")
                              if k in est.get_params()}).fit(X)
        print(before, "torch._dynamo" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, timeout=300)
    before, after = out.stdout.split()
    assert after == before, out.stdout
