"""The shared estimator base: nested validation and the shared validators."""

import re

import numpy as np
import pytest
from sklearn.cluster import KMeans

from skdeepcluster import DEPICTClustering
from skdeepcluster.base import check_positive_ints


def test_an_init_clusterer_is_validated_when_fitted_inside(blobs):
    # fit does not skip nested validation, so KMeans reports its own bad
    # parameter instead of failing somewhere inside its fit
    X, _ = blobs
    model = DEPICTClustering(
        3, init=KMeans(n_clusters="three"), hidden_layer_sizes=(16,), n_pretrain_epochs=1,
        n_epochs=1, batch_size=16, device="cpu", random_state=0,
    )
    with pytest.raises(ValueError, match="'n_clusters' parameter of KMeans must be"):
        model.fit(X)


@pytest.mark.parametrize(
    "value, kwargs, expected",
    [
        ((500, 500), {}, (500, 500)),
        ([np.int64(3)], {}, (3,)),
        ((), {}, ()),
        ((16, 32), {"n": 2}, (16, 32)),
        ((8,), {"min_len": 1}, (8,)),
    ],
)
def test_check_positive_ints_accepts(value, kwargs, expected):
    checked = check_positive_ints(value, "sizes", **kwargs)
    assert checked == expected and all(type(s) is int for s in checked)


@pytest.mark.parametrize(
    "value, kwargs, message",
    [
        ((8, 0), {}, "sizes must hold positive integers; got (8, 0)."),
        ((8, -1), {"min_len": 1}, "sizes must hold one or more positive integers"),
        ((True, 4), {}, "sizes must hold positive integers"),
        ((8, 2.5), {}, "sizes must hold positive integers"),
        (7, {}, "sizes must hold positive integers; got 7."),
        ((), {"min_len": 1}, "sizes must hold one or more positive integers; got ()."),
        ((4,), {"n": 2}, "sizes must hold two positive integers; got (4,)."),
        ((4, 4, 4), {"n": 2}, "sizes must hold two positive integers"),
        ([4], {"min_len": 2}, "sizes must hold at least 2 positive integers; got [4]."),
    ],
)
def test_check_positive_ints_refuses(value, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        check_positive_ints(value, "sizes", **kwargs)
