"""Out-of-core input: memmaps and other array-likes read in chunks.

The chunks and the inference batches are made small, so that every pass
crosses several of them."""

import threading

import numpy as np
import pytest
import torch
from sklearn.base import clone
from sklearn.datasets import load_digits

from skdeepcluster import base, data
from skdeepcluster.data import ArrayRows, ColumnStats, is_out_of_core, read_ahead

from .conftest import estimator_id, fast_estimators

ESTIMATORS = fast_estimators()
each_estimator = pytest.mark.parametrize("estimator", ESTIMATORS, ids=estimator_id)

#: Rows per chunk in these tests.
CHUNK_ROWS = 29


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    """Chunks of CHUNK_ROWS rows (of 64 float64 features) and inference
    batches of 50 rows."""
    monkeypatch.setattr(data, "CHUNK_BYTES", 8 * 64 * CHUNK_ROWS)
    monkeypatch.setattr(base, "INFERENCE_BATCH_SIZE", 50)


def _pixels(n=160):
    """Digits as float32 pixels: ``scaling="auto"`` makes them min-max."""
    return load_digits().data[:n].astype(np.float32)


def _tabular(n=160):
    """Features in different units: ``scaling="auto"`` standardises them."""
    rng = np.random.RandomState(0)
    return rng.normal(size=(n, 64)) * np.geomspace(0.01, 100, 64) + np.linspace(-5, 5, 64)


def _memmap(X, tmp_path, name="X.dat"):
    path = tmp_path / name
    written = np.memmap(path, dtype=X.dtype, mode="w+", shape=X.shape)
    written[:] = X
    written.flush()
    return np.memmap(path, dtype=X.dtype, mode="r", shape=X.shape)


class RowStore:
    """A duck-typed array-like, as an h5py dataset behaves: ``shape``,
    ``dtype``, rows by slice or by increasing index array; it records the
    largest read, to show the data are never read whole."""

    def __init__(self, array):
        self._array = array
        self.shape = array.shape
        self.dtype = array.dtype
        self.largest_read = 0

    def __len__(self):
        return self.shape[0]

    def __getitem__(self, key):
        if isinstance(key, np.ndarray) and np.any(np.diff(key) <= 0):
            raise TypeError("Indexing elements must be in increasing order")
        rows = np.array(self._array[key])
        self.largest_read = max(self.largest_read, len(rows))
        return rows


# --------------------------------------------------------- same results
@each_estimator
@pytest.mark.parametrize("make_data", [_pixels, _tabular], ids=["pixels", "tabular"])
def test_memmap_fit_equals_the_in_memory_fit(estimator, make_data, tmp_path):
    X = make_data()
    mapped = _memmap(X, tmp_path)
    in_memory = clone(estimator).fit(X)
    streamed = clone(estimator).fit(mapped)
    assert streamed.scaling_ == in_memory.scaling_
    np.testing.assert_array_equal(streamed.scale_offset_, in_memory.scale_offset_)
    np.testing.assert_array_equal(streamed.scale_factor_, in_memory.scale_factor_)
    np.testing.assert_array_equal(streamed.labels_, in_memory.labels_)
    assert [h["loss"] for h in streamed.history_] == [h["loss"] for h in in_memory.history_]
    np.testing.assert_array_equal(streamed.transform(mapped), in_memory.transform(X))
    np.testing.assert_array_equal(streamed.predict(mapped), in_memory.predict(X))
    assert streamed.score(mapped) == in_memory.score(X)
    if hasattr(in_memory, "predict_proba"):
        np.testing.assert_array_equal(in_memory.predict_proba(mapped), in_memory.predict_proba(X))
    assert streamed.n_features_in_ == X.shape[1]


def test_duck_typed_array_like_is_read_in_chunks():
    X = _pixels()
    store = RowStore(X)
    assert is_out_of_core(store)
    estimator = ESTIMATORS[0]
    streamed = clone(estimator).fit(store)
    np.testing.assert_array_equal(streamed.labels_, clone(estimator).fit(X).labels_)
    np.testing.assert_array_equal(streamed.transform(store), streamed.transform(X))
    assert store.largest_read <= max(CHUNK_ROWS, 50)


def test_h5py_dataset(tmp_path):
    h5py = pytest.importorskip("h5py")
    X = _pixels()
    with h5py.File(tmp_path / "X.h5", "w") as f:
        f["X"] = X
    estimator = ESTIMATORS[0]
    with h5py.File(tmp_path / "X.h5", "r") as f:
        streamed = clone(estimator).fit(f["X"])
        np.testing.assert_array_equal(streamed.predict(f["X"]), streamed.labels_)
    np.testing.assert_array_equal(streamed.labels_, clone(estimator).fit(X).labels_)


def test_integer_memmap_is_read_as_float64(tmp_path):
    X = (_pixels() * 10).astype(np.int16)
    estimator = ESTIMATORS[0]
    np.testing.assert_array_equal(
        clone(estimator).fit(_memmap(X, tmp_path)).labels_, clone(estimator).fit(X).labels_
    )


# -------------------------------------------------------------- scaling
@pytest.mark.parametrize("make_data", [_pixels, _tabular], ids=["pixels", "tabular"])
def test_column_stats_equal_numpy(make_data):
    X = make_data()
    stats = ColumnStats(X.shape[1])
    for rows in data.chunk_slices(*X.shape):
        stats.update(X[rows])
    for rows in data.chunk_slices(*X.shape):
        stats.update_deviations(X[rows])
    assert stats.n_samples == len(X)
    assert (stats.min, stats.max, stats.absmax) == (X.min(), X.max(), abs(X).max())
    np.testing.assert_array_equal(stats.column_min, X.min(axis=0))
    np.testing.assert_array_equal(stats.column_max, X.max(axis=0))
    np.testing.assert_allclose(stats.mean, X.mean(axis=0, dtype=np.float64), rtol=1e-12)
    np.testing.assert_allclose(stats.std, X.std(axis=0, dtype=np.float64), rtol=1e-12)


@pytest.mark.parametrize("scaling", ["auto", "minmax", "standard", "global", "maxabs", None])
@pytest.mark.parametrize("make_data", [_pixels, _tabular], ids=["pixels", "tabular"])
def test_scaling_of_a_memmap_equals_in_memory(scaling, make_data, tmp_path):
    X = make_data()
    mapped = _memmap(X, tmp_path)
    fitted = []
    for source in (X, mapped):
        estimator = clone(ESTIMATORS[0]).set_params(scaling=scaling)
        estimator.input_shape_ = None
        validated = estimator._validate_input(source, reset=True)
        estimator._fit_scaling(validated)
        fitted.append(estimator)
    in_memory, streamed = fitted
    assert streamed.scaling_ == in_memory.scaling_
    np.testing.assert_allclose(streamed.scale_offset_, in_memory.scale_offset_, rtol=1e-12)
    np.testing.assert_allclose(streamed.scale_factor_, in_memory.scale_factor_, rtol=1e-12)


# ----------------------------------------------------------- validation
@pytest.mark.parametrize("value, match", [(np.nan, "NaN"), (np.inf, "infinity")])
def test_non_finite_value_in_a_late_chunk_names_its_row(value, match, tmp_path):
    X = _pixels()
    row = 5 * CHUNK_ROWS + 3
    X[row, 7] = value
    mapped = _memmap(X, tmp_path)
    with pytest.raises(ValueError, match=rf"(?s){match}.*row {row} of X"):
        clone(ESTIMATORS[0]).fit(mapped)
    fitted = clone(ESTIMATORS[0]).fit(_pixels())
    with pytest.raises(ValueError, match=rf"(?s){match}.*row {row} of X"):
        fitted.predict(mapped)


def test_wrong_number_of_features_has_the_in_memory_message(tmp_path):
    fitted = clone(ESTIMATORS[0]).fit(_pixels())
    X = _pixels()[:, :10].copy()
    with pytest.raises(ValueError) as in_memory:
        fitted.transform(X)
    with pytest.raises(ValueError) as streamed:
        fitted.transform(_memmap(X, tmp_path))
    assert str(streamed.value) == str(in_memory.value)
    assert "10 features" in str(streamed.value)


@pytest.mark.parametrize("X, match", [
    (np.zeros(40, dtype=np.float32), "Reshape your data"),
    (np.zeros((0, 4), dtype=np.float32), "0 sample"),
    (np.zeros((4, 3, 2), dtype=np.float32), "dim 3"),
    (np.ones((5, 2), dtype=np.complex64), "Complex data not supported"),
])
def test_bad_memmaps_are_refused_as_arrays_are(X, match, tmp_path):
    path = tmp_path / "bad.dat"
    mapped = np.memmap(path, dtype=X.dtype, mode="w+", shape=X.shape) if X.size else X
    if X.size:
        mapped[:] = X
    source = mapped if X.size else RowStore(X)  # numpy cannot map an empty file
    with pytest.raises(ValueError, match=match):
        clone(ESTIMATORS[0]).fit(source)


def test_too_few_samples_for_the_clusters(tmp_path):
    with pytest.raises(ValueError, match="should be >= n_clusters"):
        clone(ESTIMATORS[0]).set_params(n_clusters=5).fit(_memmap(_pixels(4), tmp_path))


# ------------------------------------------------------- batch source
def test_rows_come_back_in_the_order_asked(tmp_path):
    X = _tabular()
    offset, factor = X.mean(0), 1 / X.std(0)
    rows = ArrayRows(RowStore(X), offset, factor)
    idx = torch.tensor([57, 3, 140, 4, 99])
    expected = np.ascontiguousarray((X[idx.numpy()] - offset) * factor, dtype=np.float32)
    np.testing.assert_array_equal(rows[idx].numpy(), expected)
    np.testing.assert_array_equal(rows[2:5].numpy(), rows.read(torch.tensor([2, 3, 4])).numpy())
    assert rows.shape == X.shape and len(rows) == len(X)


def test_read_ahead_serves_each_batch_and_stops_its_thread():
    X = _tabular()
    rows = ArrayRows(X)
    batches = [torch.tensor([5, 1]), torch.tensor([9, 0, 3]), torch.tensor([2])]
    with read_ahead(rows, batches) as ahead:
        for idx in ahead:
            assert rows._ready[0] is idx
            np.testing.assert_array_equal(rows[idx].numpy(), X[idx.numpy()].astype(np.float32))
    assert rows._ready is None
    assert not [t for t in threading.enumerate() if t.name == "skdeepcluster-read-ahead"]


def test_read_ahead_raises_the_reading_error():
    rows = ArrayRows(RowStore(_tabular()))
    with pytest.raises(IndexError):
        with read_ahead(rows, [slice(0, 2), np.array([3, 10_000])]) as ahead:
            for batch in ahead:
                rows[batch]


def test_keyboard_interrupt_during_a_memmap_fit(monkeypatch, tmp_path):
    estimator = clone(ESTIMATORS[0]).set_params(n_pretrain_epochs=2)
    calls = {"n": 0}
    real = type(estimator)._batch_losses

    def interrupt(self, x, noise):
        calls["n"] += 1
        if calls["n"] == 15:  # in the second pretraining epoch
            raise KeyboardInterrupt
        return real(self, x, noise)

    monkeypatch.setattr(type(estimator), "_batch_losses", interrupt)
    with pytest.warns(UserWarning, match="interrupted"):
        model = estimator.fit(_memmap(_pixels(), tmp_path))
    assert model.interrupted_ and len(model.history_) == 1
    assert not [t for t in threading.enumerate() if t.name == "skdeepcluster-read-ahead"]
    np.testing.assert_array_equal(model.predict(_pixels()), model.labels_)


# --------------------------------------------------------------- graphs
def test_streamed_neighbour_graph_equals_the_in_memory_one(monkeypatch):
    from skdeepcluster import graph

    X = _pixels()
    monkeypatch.setattr(graph, "_STREAM_QUERY_FLOATS", 64 * 40)  # blocks of 40 queries
    monkeypatch.setattr(graph, "_KNN_BLOCK_FLOATS", 40 * 25)  # against 25 references
    W, neighbors, squared, sigma2 = graph.knn_graph(torch.from_numpy(X), 10)
    W_s, neighbors_s, squared_s, sigma2_s = graph.knn_graph(ArrayRows(RowStore(X)), 10)
    np.testing.assert_allclose(squared_s, squared, atol=1e-5)
    assert (neighbors_s == neighbors).mean() > 0.99  # ties may swap
    np.testing.assert_allclose(sigma2_s, sigma2, rtol=1e-5)


def test_cluster_means_of_out_of_core_features():
    from skdeepcluster.graph import _streamed_means

    X = _tabular()
    groups = [np.array([3, 100, 7]), np.arange(30, 90), np.array([159])]
    np.testing.assert_allclose(
        _streamed_means(ArrayRows(X), groups),
        np.stack([X[g].astype(np.float32).mean(0) for g in groups]), rtol=1e-5, atol=1e-6,
    )
