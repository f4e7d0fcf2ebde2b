"""The shared training helpers."""

from unittest import mock

import pytest
import torch

from skdeepcluster.training import make_generator, minibatches, resolve_device


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
