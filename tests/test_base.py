"""The shared estimator base: nested validation and the shared validators."""

import re
import warnings

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


# ------------------------------------------------------- scaling="auto"
def test_shares_one_unit_tells_pixels_from_mixed_units():
    from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine

    from skdeepcluster.base import shares_one_unit

    assert shares_one_unit(load_digits().data)
    assert shares_one_unit(load_digits().data / 16)
    assert shares_one_unit(load_iris().data)  # four lengths in cm
    assert not shares_one_unit(load_wine().data)
    assert not shares_one_unit(load_breast_cancer().data)
    assert not shares_one_unit(load_digits().data - 8)  # negative values
    assert not shares_one_unit(np.zeros((5, 3)))  # nothing varies


@pytest.mark.parametrize(
    "make_X, image_shape, expected",
    [
        (lambda: np.random.RandomState(0).randint(0, 17, size=(40, 16)).astype(float), None, "minmax"),
        (lambda: np.random.RandomState(0).normal(size=(40, 16)), None, "standard"),
        (lambda: np.random.RandomState(0).uniform(size=(40, 16)) * np.logspace(0, 4, 16), None, "standard"),
        (lambda: np.random.RandomState(0).randint(0, 17, size=(40, 16)).astype(float), (1, 4, 4), "standard"),
        (lambda: np.random.RandomState(0).randint(0, 17, size=(40, 4)).astype(float), None, "standard"),
    ],
    ids=["pixel-like", "signed", "mixed-units", "images", "few-features"],
)
def test_auto_scaling_is_chosen_from_the_data(make_X, image_shape, expected):
    from skdeepcluster import DEPICTClustering

    X = make_X()
    model = DEPICTClustering(
        n_clusters=2, image_shape=image_shape, hidden_layer_sizes=(8,), n_filters=2,
        n_pretrain_epochs=1, n_epochs=1, batch_size=20, device="cpu", random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(X)
    assert model.scaling_ == expected
    # an explicit scaling is always used as given
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert model.set_params(scaling="standard").fit(X).scaling_ == "standard"


def test_methods_whose_own_auto_is_minmax_keep_it_and_sparse_gets_maxabs():
    import scipy.sparse as sp

    from skdeepcluster import DAMICClustering

    X = np.random.RandomState(0).normal(size=(40, 6))
    kw = dict(n_clusters=2, hidden_layer_sizes=(8,), clustering_layer_sizes=(8,), n_pretrain_epochs=1,
              n_cluster_pretrain_epochs=1, n_epochs=1, batch_size=20, device="cpu", random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert DAMICClustering(**kw).fit(X).scaling_ == "minmax"
        assert DAMICClustering(**kw).fit(sp.csr_matrix(np.abs(X))).scaling_ == "maxabs"


def test_kmeans_start_centres_the_embedding_in_place(monkeypatch):
    # init="kmeans" runs k-means with copy_x=False (no second copy of a
    # large embedding): the same labels as on a copy, and the embedding put
    # back up to rounding.
    import skdeepcluster.base as base

    made = []

    class Recording(KMeans):
        def fit(self, X, y=None, sample_weight=None):
            made.append(self.copy_x)
            return super().fit(X, y, sample_weight)

    monkeypatch.setattr(base, "KMeans", Recording)
    Z = np.random.RandomState(0).normal(size=(300, 6)) + 5.0
    Z[:100] += 8.0
    before = Z.copy()
    labels = base.initial_clustering(Z, 3, "kmeans", np.random.RandomState(1))
    assert made == [False]
    np.testing.assert_allclose(Z, before, rtol=0, atol=1e-12)
    seed = np.random.RandomState(1).randint(np.iinfo(np.int32).max)
    expected = KMeans(3, n_init=20, random_state=seed).fit_predict(before)
    np.testing.assert_array_equal(labels, np.unique(expected, return_inverse=True)[1])
