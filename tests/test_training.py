"""The shared training helpers."""

import math
from unittest import mock

import pytest
import scipy.sparse as sp
import torch

from skdeepcluster.data import ArrayRows
from skdeepcluster.training import (
    BatchMean,
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
    optimizer = torch.optim.SGD([weight], lr=0.0)
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
