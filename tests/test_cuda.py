"""Training and inference on CUDA, for machines that have it.

Skipped where :func:`torch.cuda.is_available` is false (CI and the 2-core
development machines); run on a GPU machine with ``python -m pytest
tests/test_cuda.py``. Each estimator is the fast one of ``conftest.py``
with ``device="auto"``, so these also check that "auto" picks CUDA.
"""

import pickle

import numpy as np
import pytest
import torch
from sklearn.base import clone
from sklearn.metrics import adjusted_rand_score

from .conftest import estimator_id, fast_estimators, inference_outputs

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")

ESTIMATORS = [clone(estimator).set_params(device="auto") for estimator in fast_estimators()]
each_estimator = pytest.mark.parametrize("estimator", ESTIMATORS, ids=estimator_id)


def _assert_close_outputs(first, second, atol):
    assert first.keys() == second.keys()
    for key in first:
        if key == "predict":
            np.testing.assert_array_equal(first[key], second[key], err_msg=key)
        else:
            np.testing.assert_allclose(first[key], second[key], rtol=1e-4, atol=atol, err_msg=key)


@each_estimator
def test_auto_trains_on_cuda(estimator, blobs):
    X, y = blobs
    model = clone(estimator).fit(X)
    assert model.device_.type == "cuda"
    modules = model._modules()
    assert modules
    for module in modules:
        for name, tensor in [*module.named_parameters(), *module.named_buffers()]:
            assert tensor.device.type == "cuda", name
    assert all(np.isfinite(h["loss"]) for h in model.history_)
    outputs = inference_outputs(model, X)
    for key, value in outputs.items():
        assert isinstance(value, (np.ndarray, float, np.floating)), key
        assert np.isfinite(value).all(), key
    assert outputs["predict"].shape == (len(X),)
    assert outputs["transform"].shape[0] == len(X)
    assert adjusted_rand_score(y, model.labels_) > 0.3  # random labels: about 0


@each_estimator
def test_cuda_fit_moves_to_the_cpu_and_pickles(estimator, blobs):
    """The same outputs after a pickle round trip on CUDA, and (to float
    tolerance) with the fitted model moved to the CPU."""
    X, _ = blobs
    model = clone(estimator).fit(X)
    on_cuda = inference_outputs(model, X)
    restored = pickle.loads(pickle.dumps(model))
    assert restored.device_.type == "cuda"
    _assert_close_outputs(inference_outputs(restored, X), on_cuda, atol=0)
    restored.set_params(device="cpu")
    on_cpu = inference_outputs(restored, X)
    assert restored.device_ == torch.device("cpu")
    assert all(t.device.type == "cpu" for m in restored._modules() for t in m.parameters())
    _assert_close_outputs(on_cpu, on_cuda, atol=1e-4)


@each_estimator
def test_cuda_images_and_auto_k(estimator, tiny_images):
    model = clone(estimator).set_params(image_shape=(1, 8, 8)).fit(tiny_images)
    assert model.device_.type == "cuda"
    assert model.labels_.shape == (len(tiny_images),)
    rng = np.random.RandomState(0)
    centres = rng.uniform(-10, 10, size=(4, 5))
    X = centres[np.repeat(np.arange(4), 25)] + rng.normal(size=(100, 5))
    auto = clone(estimator).set_params(n_clusters="auto", max_clusters=8).fit(X)
    assert auto.device_.type == "cuda"
    assert 1 <= auto.n_clusters_ <= 8
    assert auto.predict(X).max() < auto.n_clusters_


@each_estimator
def test_cuda_fit_of_a_memmap(estimator, blobs, tmp_path):
    X, y = blobs
    path = tmp_path / "rows.npy"
    np.save(path, X.astype(np.float32))
    rows = np.load(path, mmap_mode="r")
    model = clone(estimator).fit(rows)
    assert model.device_.type == "cuda"
    assert adjusted_rand_score(y, model.predict(rows)) > 0.3  # random labels: about 0



def test_damic_autoencoders_unstack_on_cuda(blobs):
    X, _ = blobs
    model = clone(ESTIMATORS[2]).fit(X)
    loop = model.autoencoders_.unstack()
    assert all(t.device.type == "cuda" for t in loop.parameters())
