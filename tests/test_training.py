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
