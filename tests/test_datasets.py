import numpy as np
import pytest

from skdeepcluster import datasets


def test_digits_as_images():
    d = datasets.load_digits()
    assert d.data.shape == (1797, 64) and d.data.dtype == np.float32
    assert d.image_shape == (1, 8, 8) and set(np.unique(d.target)) == set(range(10))


@pytest.mark.parametrize("name", ["iris", "wine", "breast_cancer"])
def test_tabular_are_standardised(name):
    d = datasets.load_dataset(name)
    assert d.image_shape is None
    np.testing.assert_allclose(d.data.mean(0), 0, atol=1e-5)


def test_fashion_mnist_missing_files_say_what_to_install(tmp_path):
    with pytest.raises(FileNotFoundError, match="apt-get install dataset-fashion-mnist"):
        datasets.load_fashion_mnist(path=tmp_path)


def test_fashion_mnist_from_a_given_path(tmp_path):
    import gzip

    images = np.arange(2 * 784, dtype=np.uint8).reshape(2, 784)
    with gzip.open(tmp_path / "t10k-images-idx3-ubyte.gz", "wb") as f:
        f.write(b"\0" * 16 + images.tobytes())
    with gzip.open(tmp_path / "t10k-labels-idx1-ubyte.gz", "wb") as f:
        f.write(b"\0" * 8 + bytes([3, 7]))
    d = datasets.load_fashion_mnist("test", path=tmp_path)
    np.testing.assert_array_equal(d.data, images.astype(np.float32))
    np.testing.assert_array_equal(d.target, [3, 7])


@pytest.mark.skipif(not datasets.FASHION_MNIST_DIR.is_dir(), reason="dataset-fashion-mnist not installed")
def test_fashion_mnist_from_debian_package():
    d = datasets.load_fashion_mnist("test")
    assert d.data.shape == (10000, 784) and d.image_shape == (1, 28, 28)
    assert np.bincount(d.target).tolist() == [1000] * 10


def test_unknown_names():
    with pytest.raises(ValueError, match="choose from"):
        datasets.load_dataset("mnist")
    with pytest.raises(ValueError, match="subset"):
        datasets.load_fashion_mnist("valid")


@pytest.mark.skipif(not datasets.FORTUNES_DIR.is_dir(), reason="fortunes not installed")
def test_fortunes_tfidf_is_text_of_the_sparse_kind():
    from skdeepcluster.base import is_sparse_kind

    d = datasets.load_dataset("fortunes_tfidf")
    assert d.data.dtype == np.float32 and d.data.shape[1] == 2000 and d.image_shape is None
    assert len(d.data) == len(d.target) and d.target_names == list(datasets.FORTUNE_CATEGORIES)
    norms = np.linalg.norm(d.data, axis=1)
    np.testing.assert_allclose(norms[norms > 0], 1, rtol=1e-5)  # tf-idf rows, unit L2 norm
    assert is_sparse_kind(d.data)


def test_fortunes_tfidf_missing_files_say_what_to_install(tmp_path):
    with pytest.raises(FileNotFoundError, match="apt-get install fortunes"):
        datasets.load_fortunes_tfidf(path=tmp_path)
