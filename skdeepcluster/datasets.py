"""Loaders of real datasets that are available offline.

Nothing here downloads. Each loader reads files that an installable package
puts on disk (or that you pass by path) and says what to install when they
are absent. Every loader returns a :class:`~sklearn.utils.Bunch` with
``data`` (float32, one flat row per sample), ``target``, ``image_shape``
(``(C, H, W)`` or ``None`` for tabular data) and ``name``.
"""

import gzip
import os
from pathlib import Path

import numpy as np
from sklearn import datasets as _sk_datasets
from sklearn.preprocessing import StandardScaler
from sklearn.utils import Bunch

__all__ = [
    "load_digits", "load_fashion_mnist", "load_fortunes", "load_fortunes_tfidf", "load_tabular",
    "load_dataset",
    "DATASETS",
]

#: Where the Debian package ``dataset-fashion-mnist`` puts its files.
FASHION_MNIST_DIR = Path("/usr/share/datasets/fashion-mnist")
#: Environment variable that can point to a folder with the Fashion-MNIST files.
FASHION_MNIST_ENV = "SKDEEPCLUSTER_FASHION_MNIST"

_FASHION_FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
}


def load_digits():
    """The UCI optical digits bundled with scikit-learn, as 1x8x8 images.

    Returns
    -------
    data : Bunch
        ``data`` of shape (1797, 64), float32 grey levels in [0, 16];
        ``target`` of shape (1797,); ``image_shape=(1, 8, 8)``;
        ``name="digits"``.

    Examples
    --------
    >>> from skdeepcluster.datasets import load_digits
    >>> digits = load_digits()
    >>> digits.data.shape, digits.image_shape
    ((1797, 64), (1, 8, 8))
    """
    digits = _sk_datasets.load_digits()
    return Bunch(
        data=digits.data.astype(np.float32),
        target=digits.target.astype(np.int64),
        image_shape=(1, 8, 8),
        name="digits",
    )


def _read_idx(path, offset):
    with gzip.open(path, "rb") as handle:
        return np.frombuffer(handle.read(), dtype=np.uint8, offset=offset)


def load_fashion_mnist(subset="test", path=None):
    """Fashion-MNIST (Xiao et al., 2017) from local IDX files, as 1x28x28 images.

    Parameters
    ----------
    subset : {"test", "train", "all"}, default="test"
        The 10,000 test images, the 60,000 training images, or all 70,000
        (train first).
    path : str or path-like, default=None
        Folder holding ``{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz``.
        By default the environment variable ``SKDEEPCLUSTER_FASHION_MNIST``,
        else ``/usr/share/datasets/fashion-mnist`` (Debian/Ubuntu package
        ``dataset-fashion-mnist``).

    Returns
    -------
    data : Bunch
        ``data`` float32 grey levels in [0, 255] of shape (n, 784);
        ``target`` int64 in 0-9; ``image_shape=(1, 28, 28)``;
        ``name="fashion_mnist"``.

    Raises
    ------
    FileNotFoundError
        When the files are absent, naming the package to install or the files
        to fetch.
    """
    if subset not in ("test", "train", "all"):
        raise ValueError(f"subset must be 'test', 'train' or 'all'; got {subset!r}.")
    folder = Path(path or os.environ.get(FASHION_MNIST_ENV) or FASHION_MNIST_DIR)
    parts = ["train", "test"] if subset == "all" else [subset]
    images, labels = [], []
    for part in parts:
        image_file, label_file = (folder / name for name in _FASHION_FILES[part])
        missing = [str(f) for f in (image_file, label_file) if not f.is_file()]
        if missing:
            raise FileNotFoundError(
                f"Fashion-MNIST files not found: {', '.join(missing)}. On Debian or "
                "Ubuntu run `apt-get install dataset-fashion-mnist`; elsewhere "
                "download the four .gz files from "
                "https://github.com/zalandoresearch/fashion-mnist and pass their "
                f"folder as path= or in the {FASHION_MNIST_ENV} environment variable."
            )
        images.append(_read_idx(image_file, 16).reshape(-1, 784))
        labels.append(_read_idx(label_file, 8))
    return Bunch(
        data=np.concatenate(images).astype(np.float32),
        target=np.concatenate(labels).astype(np.int64),
        image_shape=(1, 28, 28),
        name="fashion_mnist" if subset == "test" else f"fashion_mnist_{subset}",
    )


#: Where the Debian package ``fortunes`` puts its files.
FORTUNES_DIR = Path("/usr/share/games/fortunes")
#: Topical categories of the fortunes package used by default.
FORTUNE_CATEGORIES = ("food", "law", "linux", "sports", "startrek")


def load_fortunes(categories=FORTUNE_CATEGORIES, path=None):
    """A small labelled text corpus: fortune cookies by category.

    Each file of the Debian package ``fortunes`` (BSD fortune-mod's
    collection) holds the texts of one category, separated by lines of a
    single ``%``. The category is the label. Use it to test text clustering
    offline, for example on :class:`~sklearn.feature_extraction.text.TfidfVectorizer`
    features (a sparse matrix).

    Parameters
    ----------
    categories : sequence of str, default=FORTUNE_CATEGORIES
        File names of the categories, e.g. ``("food", "law", "linux",
        "sports", "startrek")`` (1,133 texts).
    path : str or path-like, default=None
        Folder holding the category files; by default
        ``/usr/share/games/fortunes`` (``apt-get install fortunes``).

    Returns
    -------
    data : Bunch
        ``data``: list of str; ``target``: int64 index into
        ``target_names``; ``target_names``: the categories; ``name``.

    Raises
    ------
    FileNotFoundError
        When a category file is absent, naming the package to install.
    """
    folder = Path(path or FORTUNES_DIR)
    texts, labels = [], []
    for index, category in enumerate(categories):
        file = folder / category
        if not file.is_file():
            raise FileNotFoundError(
                f"Fortunes file not found: {file}. On Debian or Ubuntu run "
                "`apt-get install fortunes`, or pass the folder of the category "
                "files as path=."
            )
        raw = file.read_text(encoding="utf-8", errors="replace")
        entries = [e.strip() for e in raw.split("\n%\n")]
        entries = [e.removesuffix("\n%").strip() for e in entries]
        entries = [e for e in entries if e and e != "%"]
        texts += entries
        labels += [index] * len(entries)
    return Bunch(
        data=texts, target=np.asarray(labels, dtype=np.int64),
        target_names=list(categories), image_shape=None, name="fortunes",
    )


def load_fortunes_tfidf(categories=FORTUNE_CATEGORIES, max_features=2000, path=None):
    """The fortunes corpus (:func:`load_fortunes`) as tf-idf rows.

    :class:`~sklearn.feature_extraction.text.TfidfVectorizer` with the
    ``max_features`` most frequent words, English stop words removed and
    sublinear term frequencies; each row has unit L2 norm (a text with no
    word left is a row of zeros). Returned dense (9 MB as float32 for the
    default 1,114 texts), as every estimator accepts it; a text set of the
    sparse kind (99.5% zeros, see ``base.SPARSE_ZERO_FRACTION``).

    Parameters
    ----------
    categories : sequence of str, default=FORTUNE_CATEGORIES
        As for :func:`load_fortunes`.
    max_features : int, default=2000
    path : str or path-like, default=None
        As for :func:`load_fortunes`.

    Returns
    -------
    data : Bunch
        ``data`` float32 of shape (n_texts, max_features); ``target``;
        ``target_names``; ``image_shape=None``; ``name``.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    corpus = load_fortunes(categories, path=path)
    vectorizer = TfidfVectorizer(max_features=max_features, stop_words="english",
                                 sublinear_tf=True)
    rows = vectorizer.fit_transform(corpus.data).toarray().astype(np.float32)
    return Bunch(data=rows, target=corpus.target, target_names=corpus.target_names,
                 image_shape=None, name="fortunes_tfidf")


_TABULAR = {
    "iris": _sk_datasets.load_iris,
    "wine": _sk_datasets.load_wine,
    "breast_cancer": _sk_datasets.load_breast_cancer,
}


def load_tabular(name):
    """A labelled tabular set bundled with scikit-learn, standardised.

    Parameters
    ----------
    name : {"iris", "wine", "breast_cancer"}

    Returns
    -------
    data : Bunch
        ``data`` float32, each feature with zero mean and unit variance;
        ``target``; ``image_shape=None``; ``name``.
    """
    if name not in _TABULAR:
        raise ValueError(f"Unknown tabular dataset {name!r}; choose from {sorted(_TABULAR)}.")
    raw = _TABULAR[name]()
    return Bunch(
        data=StandardScaler().fit_transform(raw.data).astype(np.float32),
        target=raw.target.astype(np.int64),
        image_shape=None,
        name=name,
    )


#: Names accepted by :func:`load_dataset`.
DATASETS = (
    "digits", "fashion_mnist", "fashion_mnist_train", "fashion_mnist_all",
    *_TABULAR, "fortunes_tfidf",
)


def load_dataset(name):
    """Load a dataset by name (see :data:`DATASETS`)."""
    if name == "digits":
        return load_digits()
    if name in DATASETS and name.startswith("fashion_mnist"):
        subset = name.removeprefix("fashion_mnist").lstrip("_") or "test"
        return load_fashion_mnist(subset=subset)
    if name in _TABULAR:
        return load_tabular(name)
    if name == "fortunes_tfidf":
        return load_fortunes_tfidf()
    raise ValueError(f"Unknown dataset {name!r}; choose from {', '.join(DATASETS)}.")
