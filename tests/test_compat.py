"""The private scikit-learn names stay behind skdeepcluster._compat, and the
package still imports, validates and fits when scikit-learn has moved them."""

import ast
import importlib
import pathlib
import sys

import numpy as np
import pytest
import sklearn.base
from sklearn.cluster import KMeans

import skdeepcluster

PACKAGE_DIR = pathlib.Path(skdeepcluster.__file__).parent


def _private_sklearn_imports(path):
    """``(line, text)`` of each import of a private scikit-learn name or
    module (a dotted part or an imported name starting with "_")."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules, names = [node.module], [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            modules, names = [alias.name for alias in node.names], []
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] != "sklearn":
                continue
            if any(part.startswith("_") for part in parts[1:] + names):
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_only_compat_imports_private_sklearn_names():
    offenders = {
        str(path.relative_to(PACKAGE_DIR)): hits
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        if path.name != "_compat.py" and (hits := _private_sklearn_imports(path))
    }
    assert offenders == {}


def test_the_scan_sees_private_imports(tmp_path):
    source = tmp_path / "mod.py"
    source.write_text(
        "from sklearn.base import _fit_context, clone\n"
        "from sklearn.utils._param_validation import Interval\n"
        "import sklearn.utils._testing\n"
        "from sklearn.cluster import KMeans\n"
    )
    assert [line for line, _ in _private_sklearn_imports(source)] == [1, 2, 3]


@pytest.fixture
def fallback_skdeepcluster(monkeypatch):
    """skdeepcluster imported afresh while scikit-learn lacks its private
    validation names; the original modules come back afterwards."""
    monkeypatch.setitem(sys.modules, "sklearn.utils._param_validation", None)
    monkeypatch.delattr(sklearn.base, "_fit_context")
    saved = {
        name: module for name, module in sys.modules.items()
        if name == "skdeepcluster" or name.startswith("skdeepcluster.")
    }
    for name in saved:
        del sys.modules[name]
    try:
        yield importlib.import_module("skdeepcluster")
    finally:
        for name in [n for n in sys.modules if n == "skdeepcluster" or n.startswith("skdeepcluster.")]:
            del sys.modules[name]
        sys.modules.update(saved)


def test_fallback_validates_and_fits(fallback_skdeepcluster, blobs):
    package = fallback_skdeepcluster
    compat = sys.modules["skdeepcluster._compat"]
    assert compat.USING_FALLBACK
    assert compat.Interval.__module__ == "skdeepcluster._compat"
    X, _ = blobs
    fast = dict(hidden_layer_sizes=(16,), n_pretrain_epochs=1, n_epochs=1, batch_size=16,
                device="cpu", random_state=0)
    bad_params = [
        ("n_epochs", -1), ("n_epochs", True), ("target_rule", "cubic"),
        ("init", object()), ("random_state", "seed"), ("device", 0),
    ]
    for name, value in bad_params:
        model = package.DEPICTClustering(3, **{**fast, name: value})
        with pytest.raises(ValueError, match=f"'{name}' parameter of DEPICTClustering"):
            model.fit(X)
    # nested validation is not skipped: a bad init clusterer reports itself
    model = package.DEPICTClustering(3, **{**fast, "init": KMeans(n_clusters="three")})
    with pytest.raises(ValueError, match="'n_clusters' parameter of KMeans"):
        model.fit(X)
    labels = package.DEPICTClustering(3, **fast).fit_predict(X)
    assert labels.shape == (X.shape[0],) and np.unique(labels).size <= 3


def test_fallback_gdl(fallback_skdeepcluster, blobs):
    from skdeepcluster.gdl import GDLClustering

    X, _ = blobs
    with pytest.raises(TypeError, match="'l2_normalize' parameter"):
        GDLClustering(3, l2_normalize="yes").fit(X)
    assert GDLClustering(3).fit(X).labels_.shape == (X.shape[0],)


def test_fallback_interval_bounds():
    from numbers import Integral, Real

    from skdeepcluster._compat import _Interval

    half_open = _Interval(Real, 0, 1, closed="left")
    assert [half_open.accepts(v) for v in (0, 0.5, 1, -0.1, float("nan"), False)] == [
        True, True, False, False, False, False
    ]
    at_least_one = _Interval(Integral, 1, None, closed="left")
    assert [at_least_one.accepts(v) for v in (1, np.int64(7), 0, 1.5, True)] == [
        True, True, False, False, False
    ]
    assert str(at_least_one) == "an int in the range [1, inf)"
