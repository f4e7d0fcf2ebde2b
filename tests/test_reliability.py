"""One battery over every estimator: bad input, degenerate data, persistence,
determinism and interruption. A new estimator is covered by adding it to
``fast_estimators`` in conftest.py."""

import io
import pickle
import warnings
from unittest import mock

import joblib
import numpy as np
import pytest
import scipy.sparse as sp
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning

from skdeepcluster import __version__
from skdeepcluster.base import _load_device, _SavedModule, _SerializedModule
from skdeepcluster.training import TrainingDivergedError, _Progress

from .conftest import estimator_id, fast_estimators, inference_outputs

ESTIMATORS = fast_estimators()
each_estimator = pytest.mark.parametrize("estimator", ESTIMATORS, ids=estimator_id)


def _data(n=30, d=6, seed=0):
    return np.random.RandomState(seed).normal(size=(n, d))


def _assert_valid_fit(model, n_samples):
    assert model.labels_.shape == (n_samples,)
    assert model.labels_.min() >= 0 and model.labels_.max() < model.n_clusters
    assert np.isfinite(model.transform(np.zeros((1, model.n_features_in_)))).all()
    assert all(np.isfinite(h["loss"]) for h in model.history_)


# ------------------------------------------------------------ bad input
@each_estimator
@pytest.mark.parametrize("value, match", [(np.nan, "NaN"), (np.inf, "infinity")])
def test_non_finite_values_are_refused(estimator, value, match):
    X = _data()
    X[3, 2] = value
    with pytest.raises(ValueError, match=match):
        clone(estimator).fit(X)


@each_estimator
@pytest.mark.parametrize(
    "X, match",
    [
        (np.empty((0, 4)), "0 sample"),
        (np.zeros(10), "Reshape your data"),
        (np.zeros((4, 3, 2)), "dim 3"),
        (np.array([["a", "b"], ["c", "d"], ["e", "f"]], dtype=object), "could not convert|Unable to convert"),
        (np.ones((5, 2)) * (1 + 1j), "Complex data not supported"),
    ],
    ids=["empty", "1d", "3d", "strings", "complex"],
)
def test_malformed_arrays_are_refused(estimator, X, match):
    with pytest.raises(ValueError, match=match):
        clone(estimator).fit(X)


@each_estimator
def test_fewer_samples_than_clusters(estimator):
    with pytest.raises(ValueError, match=r"n_samples=1 should be >= n_clusters=3"):
        clone(estimator).fit(_data(n=1))
    with pytest.raises(ValueError, match=r"n_samples=2 should be >= n_clusters=3"):
        clone(estimator).fit(_data(n=2))


@each_estimator
def test_one_cluster(estimator):
    model = clone(estimator).set_params(n_clusters=1).fit(_data())
    assert set(model.labels_) == {0}
    np.testing.assert_array_equal(model.predict(_data(seed=1)), 0)


@each_estimator
def test_sparse_input_is_refused_with_advice_or_equals_dense(estimator):
    X = np.abs(_data())
    if not estimator.__sklearn_tags__().input_tags.sparse:
        with pytest.raises(TypeError, match="dense data is required.*toarray"):
            clone(estimator).fit(sp.csr_matrix(X))
        return
    model = clone(estimator).set_params(scaling="maxabs")
    sparse_labels = model.fit(sp.csr_matrix(X)).labels_
    np.testing.assert_array_equal(model.predict(X), sparse_labels)
    np.testing.assert_array_equal(clone(model).fit(X).labels_, sparse_labels)
    with pytest.raises(ValueError, match="centre the sparse input"):
        clone(estimator).set_params(scaling="standard").fit(sp.csr_matrix(X))


@each_estimator
@pytest.mark.parametrize(
    "image_shape, n_features, match",
    [
        ((1, 5, 5), 36, r"holds 25 values per sample but X has n_features=36"),
        ("auto", 30, "not a perfect square"),
        ((1, 0, 6), 36, "positive integers"),
        ((1, 2, 3, 6), 36, "channels, height, width"),
        ((1, 3, 3), 9, "too small"),
    ],
)
def test_wrong_image_shape(estimator, image_shape, n_features, match):
    model = clone(estimator).set_params(image_shape=image_shape)
    with pytest.raises(ValueError, match=match):
        model.fit(_data(n=20, d=n_features))


@each_estimator
def test_images_given_as_height_width(estimator, tiny_images):
    model = clone(estimator).set_params(image_shape=(8, 8)).fit(tiny_images)
    assert model.input_shape_ == (1, 8, 8)
    auto = clone(estimator).set_params(image_shape="auto").fit(tiny_images)
    assert auto.input_shape_ == (1, 8, 8)


@each_estimator
def test_predict_checks_the_number_of_features(estimator):
    model = clone(estimator).fit(_data())
    with pytest.raises(ValueError, match="features"):
        model.predict(_data(d=4))


@each_estimator
def test_dataframes_keep_feature_names(estimator):
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(_data(), columns=[f"f{i}" for i in range(6)])
    model = clone(estimator).fit(frame)
    assert list(model.feature_names_in_) == list(frame.columns)
    np.testing.assert_array_equal(model.predict(frame), model.labels_)


@each_estimator
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int64, np.int32])
def test_dtypes(estimator, dtype):
    X = (_data() * 10).astype(dtype)
    model = clone(estimator).fit(X)
    _assert_valid_fit(model, len(X))
    assert model.transform(X).dtype == np.float32


# -------------------------------------------------------- degenerate data
@each_estimator
@pytest.mark.parametrize(
    "kind", ["identical_rows", "many_duplicates", "constant_feature", "huge_values", "imbalanced"]
)
def test_degenerate_data_fits_without_nan(estimator, kind):
    rng = np.random.RandomState(0)
    X = rng.normal(size=(40, 5))
    if kind == "identical_rows":
        X[:] = X[0]
    elif kind == "many_duplicates":
        X[5:] = X[rng.randint(3, size=35)]
    elif kind == "constant_feature":
        X[:, 2] = 7.0
    elif kind == "huge_values":
        X *= 1e30
    elif kind == "imbalanced":
        X[:38] *= 0.01
        X[38:] += 100
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # k-means may warn about duplicate points
        model = clone(estimator).fit(X)
    _assert_valid_fit(model, len(X))
    assert np.isfinite(model.transform(X)).all()


@each_estimator
def test_diverging_training_stops_with_a_clear_error(estimator):
    model = clone(estimator).set_params(learning_rate=1e30)
    with pytest.raises(TrainingDivergedError, match="loss became .* learning_rate"):
        model.fit(_data())


@each_estimator
def test_extreme_unscaled_values_never_pass_silently(estimator):
    """Values of 1e30 without scaling: an error, or a warning that the
    embedding collapsed (networks that normalise stay finite)."""
    model = clone(estimator).set_params(scaling=None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model.fit(_data() * 1e30)
        except TrainingDivergedError as exc:
            assert "learning_rate" in str(exc)
            return
    assert any(
        issubclass(w.category, ConvergenceWarning) and "embedding" in str(w.message)
        for w in caught
    ), [str(w.message) for w in caught]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n_samples=st.integers(3, 25),
    n_features=st.integers(1, 6),
    dtype=st.sampled_from([np.float32, np.float64, np.int64]),
    scale=st.floats(1e-3, 1e6),
    seed=st.integers(0, 2**16),
)
@pytest.mark.parametrize("estimator", ESTIMATORS, ids=estimator_id)
def test_fit_predict_properties(estimator, n_samples, n_features, dtype, scale, seed):
    X = (np.random.RandomState(seed).normal(size=(n_samples, n_features)) * scale).astype(dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = clone(estimator).set_params(n_epochs=1).fit(X)
    labels = model.predict(X)
    assert labels.shape == (n_samples,) and labels.dtype.kind == "i"
    assert ((labels >= 0) & (labels < model.n_clusters)).all()
    np.testing.assert_array_equal(labels, model.labels_)
    assert np.isfinite(model.transform(X)).all()


# ---------------------------------------------------------- persistence
def _assert_same_outputs(first, second):
    assert first.keys() == second.keys()
    for key in first:
        np.testing.assert_array_equal(first[key], second[key], err_msg=key)


def _fitted_modules(model):
    return {key: value for key, value in vars(model).items() if isinstance(value, torch.nn.Module)}


class _RecordingUnpickler(pickle.Unpickler):
    """Records every global (module, name) an outer pickle refers to."""

    def __init__(self, file):
        super().__init__(file)
        self.globals = set()

    def find_class(self, module, name):
        self.globals.add((module, name))
        return super().find_class(module, name)


@pytest.fixture
def weights_only_loads(monkeypatch):
    """Make every torch.load assert weights_only=True; counts the calls."""
    calls = []
    real_load = torch.load

    def checked_load(*args, **kwargs):
        assert kwargs.get("weights_only") is True, "torch.load without weights_only=True"
        calls.append(kwargs.get("map_location"))
        return real_load(*args, **kwargs)

    monkeypatch.setattr(torch, "load", checked_load)
    return calls


@each_estimator
@pytest.mark.parametrize("dumper", ["pickle", "joblib"])
@pytest.mark.parametrize("kind", ["flat", "images"])
def test_round_trip_gives_identical_outputs(estimator, dumper, kind, tiny_images, tmp_path,
                                            weights_only_loads):
    """Outputs, parameters and buffers (batch norm statistics) come back
    exactly, in eval mode, on the CPU, through torch.load(weights_only=True)."""
    if kind == "flat":
        model, X = clone(estimator).fit(_data()), _data()
    else:
        X = tiny_images
        model = clone(estimator).set_params(image_shape=(8, 8)).fit(X)
    before = inference_outputs(model, X)
    rng_state = torch.get_rng_state()
    if dumper == "pickle":
        loaded = pickle.loads(pickle.dumps(model))
    else:
        joblib.dump(model, tmp_path / "model.joblib")
        loaded = joblib.load(tmp_path / "model.joblib")
    assert torch.equal(rng_state, torch.get_rng_state())
    assert len(weights_only_loads) == len(_fitted_modules(model)) > 0
    _assert_same_outputs(inference_outputs(loaded, X), before)
    np.testing.assert_array_equal(loaded.labels_, model.labels_)
    assert loaded.device_ == torch.device("cpu")
    modules = _fitted_modules(loaded)
    assert modules.keys() == _fitted_modules(model).keys()
    for key, module in modules.items():
        assert type(module) is type(getattr(model, key))
        assert not any(m.training for m in module.modules())
        original = getattr(model, key).state_dict()
        restored = module.state_dict()
        assert restored.keys() == original.keys()
        for name, value in restored.items():
            assert value.device == loaded.device_
            assert torch.equal(value, original[name]), f"{key}.{name}"


def test_batch_norm_statistics_round_trip(tiny_images):
    """The running statistics of batch norm are saved, not rebuilt fresh."""
    model = clone(ESTIMATORS[1]).set_params(image_shape=(8, 8)).fit(tiny_images)
    buffers = {n: b for n, b in model.network_.named_buffers() if n.endswith("running_mean")}
    assert buffers and not all(torch.all(b == 0) for b in buffers.values())
    loaded = pickle.loads(pickle.dumps(model))
    for name, value in loaded.network_.named_buffers():
        assert torch.equal(value, dict(model.network_.named_buffers())[name])


@each_estimator
def test_pickle_holds_weights_not_modules(estimator):
    """The pickle refers to no torch module class: each network is a
    builder's name with plain-data arguments plus a state_dict."""
    model = clone(estimator).fit(_data())
    state = model.__getstate__()
    saved = {key: value for key, value in state.items() if isinstance(value, _SavedModule)}
    assert saved.keys() == _fitted_modules(model).keys()
    for value in saved.values():
        assert value.recipe["module"].startswith("skdeepcluster.nn.")
        assert value.recipe["qualname"].startswith("build_")
        assert isinstance(value.recipe["args"], tuple) and isinstance(value.recipe["kwargs"], dict)
        assert isinstance(value.state, bytes)
    unpickler = _RecordingUnpickler(io.BytesIO(pickle.dumps(model)))
    unpickler.load()
    torch_globals = {g for g in unpickler.globals if g[0].split(".")[0] == "torch"}
    assert torch_globals <= {("torch", "device")}, torch_globals
    assert not any(g[0].startswith("skdeepcluster.nn") for g in unpickler.globals)


@each_estimator
def test_model_saved_on_gpu_loads_on_cpu(estimator, monkeypatch, weights_only_loads):
    """A state saved on cuda:3 opens on a CPU-only machine, on the CPU, and
    predicts the same."""
    X = _data()
    model = clone(estimator).fit(X)
    before = inference_outputs(model, X)
    state = model.__getstate__()
    state["device_"] = torch.device("cuda", 3)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    loaded = type(model).__new__(type(model))
    loaded.__setstate__(state)
    assert loaded.device_ == torch.device("cpu")
    assert weights_only_loads and all(torch.device(m) == torch.device("cpu") for m in weights_only_loads)
    for module in _fitted_modules(loaded).values():
        assert all(p.device == loaded.device_ for p in module.parameters())
    _assert_same_outputs(inference_outputs(loaded, X), before)


@pytest.mark.parametrize(
    "available, count, saved, expected",
    [
        (False, 0, torch.device("cuda", 3), "cpu"),
        (False, 0, "cuda", "cpu"),
        (True, 1, torch.device("cuda", 3), "cuda:0"),
        (True, 1, torch.device("cuda", 1), "cuda:0"),
        (True, 4, torch.device("cuda", 3), "cuda:3"),
        (True, 1, torch.device("cuda", 0), "cuda:0"),
        (True, 1, torch.device("cuda"), "cuda"),
        (True, 1, torch.device("cpu"), "cpu"),
        (True, 1, None, "cpu"),
        (False, 0, "cpu", "cpu"),
    ],
)
def test_load_device_maps_missing_cuda_devices(available, count, saved, expected):
    with mock.patch.object(torch.cuda, "is_available", return_value=available), \
            mock.patch.object(torch.cuda, "device_count", return_value=count):
        assert _load_device(saved) == torch.device(expected)


def test_load_device_other_accelerator_falls_back_to_cpu():
    with mock.patch.object(torch.mps, "is_available", return_value=False):
        assert _load_device(torch.device("mps")) == torch.device("cpu")
    with mock.patch.object(torch.mps, "is_available", return_value=True):
        assert _load_device(torch.device("mps")) == torch.device("mps")


@each_estimator
def test_model_saved_on_cuda3_opens_on_cuda0_of_a_one_gpu_machine(estimator):
    """The mapping is applied to every module (tensors are not moved here:
    the rebuilding is replaced by a recorder)."""
    state = clone(estimator).fit(_data()).__getstate__()
    state["device_"] = torch.device("cuda", 3)
    placed = []

    def record(saved, device):
        placed.append(device)
        return torch.nn.Identity()

    loaded = type(estimator).__new__(type(estimator))
    with mock.patch.object(torch.cuda, "is_available", return_value=True), \
            mock.patch.object(torch.cuda, "device_count", return_value=1), \
            mock.patch("skdeepcluster.base._load_module", side_effect=record):
        loaded.__setstate__(state)
    assert loaded.device_ == torch.device("cuda", 0)
    assert placed and all(device == torch.device("cuda", 0) for device in placed)


@each_estimator
def test_device_set_after_fit_is_honoured(estimator, monkeypatch):
    X = _data()
    model = clone(estimator).fit(X)
    before = inference_outputs(model, X)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    for device in ("cpu", "auto", torch.device("cpu")):
        model.set_params(device=device)
        _assert_same_outputs(inference_outputs(model, X), before)
        assert model.device_ == torch.device("cpu")
    # modules recorded elsewhere (as after a fit on a GPU) come to the new device
    model.set_params(device="cpu")
    model.device_ = torch.device("cuda", 3)
    model.set_params(device="auto")
    _assert_same_outputs(inference_outputs(model, X), before)
    assert model.device_ == torch.device("cpu")
    model.set_params(device="cuda")
    with pytest.raises(ValueError, match="CUDA is not available"):
        model.predict(X)


def test_model_of_0_1_0_is_refused_with_advice(monkeypatch):
    """A 0.1.0 pickle (whole modules by torch.save) opens far enough to be
    refused, and torch.load is never called on its payload."""
    model = clone(ESTIMATORS[0]).fit(_data())
    buffer = io.BytesIO()
    torch.save(model.network_, buffer)
    legacy = dict(model.__getstate__(), network_=_SerializedModule(buffer.getvalue()))
    monkeypatch.setattr(type(model), "__getstate__", lambda self: legacy)
    data = pickle.dumps(model)
    monkeypatch.undo()
    assert b"_SerializedModule" in data
    loads = []
    monkeypatch.setattr(torch, "load", lambda *args, **kwargs: loads.append(args))
    with pytest.raises(ValueError, match=r"(?s)0\.1\.0.*arbitrary code.*Refit"):
        pickle.loads(data)
    assert not loads


@pytest.mark.parametrize("module, qualname", [
    ("os", "system"),
    ("skdeepcluster.nn._layers", "seeded_dropout"),
    ("skdeepcluster.nn.jule", "build_depict_mlp"),
])
def test_only_network_builders_are_called_on_load(module, qualname):
    model = clone(ESTIMATORS[0]).fit(_data())
    state = model.__getstate__()
    state["network_"].recipe = dict(state["network_"].recipe, module=module, qualname=qualname)
    loaded = type(model).__new__(type(model))
    with pytest.raises(ValueError, match="not a network builder of skdeepcluster.nn"):
        loaded.__setstate__(state)


def test_modules_must_be_built_from_a_builder_of_skdeepcluster_nn():
    model = clone(ESTIMATORS[0])
    model.device_ = torch.device("cpu")
    with pytest.raises(TypeError, match="functools.partial"):
        model._build_module(lambda: torch.nn.Linear(2, 2), lambda module: None)
    fitted = clone(ESTIMATORS[0]).fit(_data())
    fitted.network_ = torch.nn.Linear(2, 2)
    with pytest.raises(TypeError, match="network_ was not built by"):
        pickle.dumps(fitted)


@each_estimator
def test_loading_a_model_of_another_version_warns(estimator):
    model = clone(estimator).fit(_data())
    state = model.__getstate__()
    state["_skdeepcluster_version"] = "0.0.1"
    loaded = type(model).__new__(type(model))
    with pytest.warns(UserWarning, match=f"saved by skdeepcluster 0.0.1 and is loaded by {__version__}"):
        loaded.__setstate__(state)


# ---------------------------------------------------------- determinism
@each_estimator
def test_same_seed_same_result_and_global_rng_untouched(estimator):
    X = _data()
    torch_state, numpy_state = torch.get_rng_state(), np.random.get_state()
    first = clone(estimator).set_params(random_state=42).fit(X)
    assert torch.equal(torch_state, torch.get_rng_state())
    assert all(np.array_equal(a, b) for a, b in zip(numpy_state, np.random.get_state()))
    second = clone(estimator).set_params(random_state=42).fit(X)
    np.testing.assert_array_equal(first.labels_, second.labels_)
    np.testing.assert_array_equal(first.transform(X), second.transform(X))
    reloaded = pickle.loads(pickle.dumps(first))
    np.testing.assert_array_equal(reloaded.transform(X), second.transform(X))
    other = clone(estimator).set_params(random_state=7).fit(X)
    assert not np.array_equal(other.transform(X), first.transform(X))
    unseeded = clone(estimator).set_params(random_state=None).fit(X)
    _assert_valid_fit(unseeded, len(X))


# ---------------------------------------------------------- interruption
@each_estimator
def test_keyboard_interrupt_leaves_a_usable_model(estimator, monkeypatch):
    X = _data()
    calls = {"n": 0}
    real_update = _Progress.update

    def interrupt_on_second_epoch(self, record):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_update(self, record)

    monkeypatch.setattr(_Progress, "update", interrupt_on_second_epoch)
    with pytest.warns(UserWarning, match="interrupted"):
        first_phase = "n_pretrain_epochs" if "n_pretrain_epochs" in estimator.get_params() else "n_epochs"
        model = clone(estimator).set_params(**{first_phase: 3}).fit(X)
    assert model.interrupted_
    assert len(model.history_) == 2  # two epochs completed, the rest skipped
    _assert_valid_fit(model, len(X))
    np.testing.assert_array_equal(model.predict(X), model.labels_)
