"""n_clusters="auto" in every estimator (issue 15): the estimate on the
pretrained embedding sets n_clusters_, and every output follows it."""

import pickle
import warnings

import numpy as np
import pytest
from sklearn.datasets import make_blobs

from skdeepcluster import (
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
    estimate_n_clusters,
)
from skdeepcluster.__main__ import main

from .conftest import estimator_id, fast_estimators


@pytest.fixture
def four_blobs():
    """Four separated blobs of unequal sizes, 230 samples x 8 features."""
    return make_blobs([40, 60, 80, 50], n_features=8, random_state=0)


@pytest.fixture
def touching_blobs():
    """Four blobs close enough that the input's graph does not decide the
    number of clusters (no step), 300 samples x 10 features: the estimate
    reads the embedding."""
    return make_blobs([60, 90, 80, 70], n_features=10, cluster_std=3.0, center_box=(-8, 8),
                      random_state=0)


@pytest.fixture
def estimate_calls(monkeypatch):
    """The positional arguments of every call the estimators make to the
    shared estimate (``skdeepcluster.base._estimate``: the embedding,
    ``max_clusters``, ``X_input``, the embedding's and the input's
    neighbours, ...), which still answers."""
    import skdeepcluster.base as base

    calls = []
    estimate = base._estimate

    def spy(*args):
        calls.append(args)
        return estimate(*args)

    monkeypatch.setattr(base, "_estimate", spy)
    return calls


@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
def test_auto_finds_four_blobs(estimator, four_blobs):
    X, y = four_blobs
    estimator.set_params(n_clusters="auto", max_clusters=8).fit(X)
    assert estimator.n_clusters_ == 4
    assert np.unique(estimator.labels_).size == 4
    if hasattr(estimator, "predict_proba"):
        assert estimator.predict_proba(X[:7]).shape == (7, 4)
    loaded = pickle.loads(pickle.dumps(estimator))
    np.testing.assert_array_equal(loaded.predict(X), estimator.predict(X))


def test_outputs_follow_the_estimate(four_blobs):
    X, _ = four_blobs
    kwargs = dict(n_clusters="auto", max_clusters=8, device="cpu", random_state=0)
    depict = DEPICTClustering(hidden_layer_sizes=(16,), n_pretrain_epochs=1, n_epochs=1,
                              **kwargs).fit(X)
    assert depict.network_.head.out_features == 4
    # the embedding is pretrained before the estimate, so its width does not
    # follow it: the last hidden layer's 16 units for these 8 features
    assert depict.transform(X[:2]).shape == (2, 16)
    damic = DAMICClustering(hidden_layer_sizes=(8,), clustering_layer_sizes=(8,),
                            n_pretrain_epochs=1, n_cluster_pretrain_epochs=1, n_epochs=1,
                            **kwargs).fit(X)
    assert damic.reconstruction_errors(X[:3]).shape == (3, 4)
    ddlsc = DiscriminativeLatentClustering(hidden_layer_sizes=(16,), n_pretrain_epochs=1,
                                           n_epochs=1, **kwargs).fit(X)
    assert ddlsc.cluster_centers_.shape == (4, 60)
    jule = JULEClustering(hidden_layer_sizes=(16,), embedding_dim=8, n_epochs=1, **kwargs).fit(X)
    assert jule.predict_proba(X[:3]).shape == (3, jule.n_clusters_)


@pytest.mark.parametrize("final_clustering", ["rc", "sf"])
def test_jule_estimates_again_on_its_final_embedding(touching_blobs, final_clustering,
                                                    monkeypatch):
    # JULE's final re-clustering starts afresh, so "auto" estimates again on
    # the embedding the periods learned; JULE-SF keeps the first estimate,
    # at which its labels stopped.
    X, _ = touching_blobs
    seen = []
    estimate = JULEClustering._estimate_n_clusters

    def spy(self, embedding, random_state, X, **kwargs):
        seen.append(np.array(embedding))
        return estimate(self, embedding, random_state, X, **kwargs)

    monkeypatch.setattr(JULEClustering, "_estimate_n_clusters", spy)
    jule = JULEClustering(n_clusters="auto", max_clusters=8, hidden_layer_sizes=(16,),
                          embedding_dim=8, n_epochs=1, final_clustering=final_clustering,
                          device="cpu", random_state=0).fit(X)
    if final_clustering == "rc":
        assert len(seen) == 2
        np.testing.assert_allclose(seen[1], jule.embedding_)
        X_input = (X - jule.scale_offset_) * jule.scale_factor_
        assert jule.n_clusters_ == estimate_n_clusters(jule.embedding_, 8, X_input=X_input)
    else:
        assert len(seen) == 1
        assert jule.n_clusters_ == np.unique(jule.sf_labels_).size
    assert np.unique(jule.labels_).size == jule.n_clusters_


@pytest.mark.parametrize("k_s_max", [60, None])
def test_jule_reads_its_first_embedding_with_wide_neighbourhoods(touching_blobs, k_s_max,
                                                                   estimate_calls):
    # The first period trains up to max_clusters clusters apart, so its
    # embedding's graph takes k_s_max neighbours (None: the shared 15); the
    # final embedding's and the input's graphs keep the shared 15.
    X, _ = touching_blobs
    JULEClustering(n_clusters="auto", max_clusters=8, hidden_layer_sizes=(16,), embedding_dim=8,
                   n_epochs=1, k_s_max=k_s_max, device="cpu", random_state=0).fit(X)
    assert [call[3:5] for call in estimate_calls] == [(k_s_max or 15, 15), (15, 15)]


def test_jule_reads_its_input_once(four_blobs, monkeypatch):
    # Both of JULE's estimates read the same scaled input with the same
    # bound: its graph is read once, and the answers are those of
    # estimate_n_clusters.
    import skdeepcluster.autok as autok

    calls = []
    input_evidence = autok._input_evidence

    def spy(*args):
        calls.append(args[1:3])
        return input_evidence(*args)

    monkeypatch.setattr(autok, "_input_evidence", spy)
    X, _ = four_blobs
    jule = JULEClustering(n_clusters="auto", max_clusters=8, hidden_layer_sizes=(16,),
                          embedding_dim=8, n_epochs=1, device="cpu", random_state=0).fit(X)
    assert calls == [(8, 15)]  # the bound (max_clusters), the input's 15 neighbours
    X_input = (X - jule.scale_offset_) * jule.scale_factor_
    assert jule.n_clusters_ == estimate_n_clusters(jule.embedding_, 8, X_input=X_input)
    assert len(calls) == 2
    memo = {}
    E = jule.embedding_
    first = autok._estimate(E, 8, X_input, 15, 15, "step-modularity", 0, "cpu", memo)
    assert len(calls) == 3 and list(memo) == [(8, 15)]
    assert autok._estimate(E, 8, X_input, 15, 15, "step-modularity", 0, "cpu", memo) == first
    assert len(calls) == 3
    assert autok._estimate(E, 6, X_input, 15, 15, "step-modularity", 0, "cpu", memo) == \
        estimate_n_clusters(E, 6, X_input=X_input, random_state=0)  # another bound: read again
    assert len(calls) == 5 and list(memo) == [(8, 15), (6, 15)]


@pytest.mark.parametrize("final_clustering", ["rc", "sf"])
def test_jule_takes_the_number_its_input_decides_before_training(four_blobs, final_clustering,
                                                                 estimate_calls):
    # The input's graph falls apart into the four blobs: "auto" knows 4
    # before its first period and unrolls as with n_clusters=4 given (the
    # same periods), estimating on no embedding but the final one (where
    # the input answers 4 again), and on none with JULE-SF.
    X, _ = four_blobs
    kwargs = dict(max_clusters=8, hidden_layer_sizes=(16,), embedding_dim=8, n_epochs=1,
                  final_clustering=final_clustering, device="cpu", random_state=0)
    auto = JULEClustering(n_clusters="auto", **kwargs).fit(X)
    known = JULEClustering(n_clusters=4, **kwargs).fit(X)
    assert auto.n_clusters_ == 4
    assert auto.n_periods_ == known.n_periods_
    assert len(estimate_calls) == (1 if final_clustering == "rc" else 0)
    if estimate_calls:
        np.testing.assert_allclose(estimate_calls[0][0], auto.embedding_)


def test_jule_auto_rejoins_the_schedule_of_its_estimate(monkeypatch):
    # 600 samples start from 104 clusters (the chains of the rows' own
    # distances, as for every input of at most 62 features, scaled by one
    # spread): with k = 3 known the periods target 10, then 3. "auto", told
    # nothing by its input here (these blobs' graph falls apart, which would
    # decide 3 before training), stops its first period at max_clusters (50)
    # to estimate, then merges to 3 at once, where it went 50, 5, 3.
    import skdeepcluster.base as base

    monkeypatch.setattr(base, "_input_decides", lambda *args: None)
    X, _ = make_blobs([150, 250, 200], n_features=10, random_state=0)
    kwargs = dict(hidden_layer_sizes=(16,), embedding_dim=8, n_epochs=1, device="cpu",
                  random_state=0)
    known = JULEClustering(n_clusters=3, **kwargs).fit(X)
    auto = JULEClustering(n_clusters="auto", **kwargs).fit(X)
    assert known.n_initial_clusters_ == auto.n_initial_clusters_ == 104
    assert auto.n_clusters_ == 3
    assert auto.n_periods_ == known.n_periods_ == 2


@pytest.mark.slow
def test_jule_finds_the_digits_ten():
    # Measured (1 thread, doc/results.rst, results_auto_k_jule_wide): 10,
    # 10 and 9 for seeds 0-2; with the first embedding read at 15
    # neighbours 5, 10 and 5 (its first estimate 2 on seeds 0 and 2).
    from sklearn.datasets import load_digits

    X = load_digits().data
    jule = JULEClustering(n_clusters="auto", device="cpu", random_state=0).fit(X)
    assert jule.n_clusters_ == 10


@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
def test_auto_reads_the_scaled_input(estimator, four_blobs, estimate_calls):
    # The estimate reads the training input, as the network sees it, next
    # to the embedding.
    X, _ = four_blobs
    estimator.set_params(n_clusters="auto", max_clusters=8).fit(X)
    assert estimate_calls
    np.testing.assert_allclose(estimate_calls[0][2],
                               (X - estimator.scale_offset_) * estimator.scale_factor_,
                               rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
@pytest.mark.parametrize("smallest_max, in_unit", [(1.2, True), (0.2, False)])
def test_auto_reads_features_of_one_unit_in_that_unit(estimator, four_blobs, estimate_calls,
                                                       smallest_max, in_unit):
    # Few non-negative features whose maxima are all at least half the
    # largest share one unit: where the training standardised them, the
    # estimate reads them in that unit (the input less its mean); features
    # with a maximum below half the largest are read as trained. (With
    # scaling="auto" such comparable features are scaled by one spread,
    # "global", and read as trained: standardised here by request.)
    X, _ = four_blobs
    X = X - X.min(axis=0)
    X = X / X.max(axis=0) * np.linspace(smallest_max, 2.0, X.shape[1])
    if estimator.scaling == "auto" and not isinstance(estimator, DAMICClustering):
        estimator.set_params(scaling="standard")
    estimator.set_params(n_clusters="auto", max_clusters=8).fit(X)
    trained = (X - estimator.scale_offset_) * estimator.scale_factor_
    expected = X - estimator.scale_offset_ if in_unit and estimator.scaling_ == "standard" else trained
    assert in_unit or not np.allclose(expected, X - estimator.scale_offset_)
    np.testing.assert_allclose(estimate_calls[0][2], expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
def test_estimate_at_the_bound_warns(estimator):
    # Eight separated blobs, at most 3 clusters: the estimate stops at the
    # bound, and says so; below the bound it is silent.
    X, _ = make_blobs([30] * 8, n_features=8, cluster_std=0.5, center_box=(-30, 30),
                      random_state=0)
    with pytest.warns(UserWarning, match="max_clusters=3: the data may hold more"):
        estimator.set_params(n_clusters="auto", max_clusters=3).fit(X)
    assert estimator.n_clusters_ == 3
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*the data may hold more")
        estimator.set_params(max_clusters=12).fit(X)
    assert estimator.n_clusters_ < 12


@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
def test_int_sets_n_clusters_(estimator, blobs):
    X, _ = blobs
    assert estimator.fit(X).n_clusters_ == estimator.n_clusters == 3


@pytest.mark.parametrize("estimator", fast_estimators(), ids=estimator_id)
@pytest.mark.parametrize(
    "params, message",
    [
        ({"n_clusters": "many"}, "n_clusters"),
        ({"n_clusters": "auto", "max_clusters": 1}, "max_clusters"),
        ({"n_clusters": "auto", "max_clusters": 61}, "max_clusters <= n_samples"),
    ],
)
def test_bad_values_refused(estimator, blobs, params, message):
    X, _ = blobs
    with pytest.raises(ValueError, match=message):
        estimator.set_params(**params).fit(X)


def test_auto_needs_two_samples():
    with pytest.raises(ValueError, match="n_samples=1"):
        fast_estimators()[0].set_params(n_clusters="auto").fit(np.zeros((1, 3)))


def test_cli_auto(tmp_path, capsys):
    X, _ = make_blobs([40, 60, 50], n_features=5, random_state=0)
    path = tmp_path / "blobs.npy"
    np.save(path, X)
    main(["--method", "ddlsc", "--dataset", str(path), "--n-clusters", "auto",
          "--max-clusters", "6", "--epochs", "1", "--pretrain-epochs", "1", "--device", "cpu"])
    out = capsys.readouterr().out
    assert "estimated number of clusters: 3" in out


def test_cli_refuses_bad_n_clusters(capsys):
    with pytest.raises(SystemExit):
        main(["--n-clusters", "many"])
    assert "neither a positive integer nor 'auto'" in capsys.readouterr().err
