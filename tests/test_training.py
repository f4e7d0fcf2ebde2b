"""The shared training helpers."""

import pytest
import torch

from skdeepcluster.training import make_generator, minibatches


@pytest.mark.parametrize("n, size, expected", [(10, 4, [4, 4, 2]), (9, 4, [4, 5]), (1, 4, [1]), (8, 4, [4, 4])])
def test_minibatches_cover_every_sample_and_never_leave_one_alone(n, size, expected):
    batches = list(minibatches(n, size, generator=make_generator(0, "cpu")))
    assert [len(b) for b in batches] == expected
    assert sorted(torch.cat(batches).tolist()) == list(range(n))
