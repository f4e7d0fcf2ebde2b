"""The Parameters section of every public estimator's docstring matches its code.

For each estimator: every ``__init__`` parameter is documented, every
documented parameter exists, and each ``default=X`` of the docstring equals
the default ``get_params()`` reports. The section is parsed with a small
regex of numpydoc's ``name : type, default=VALUE`` lines, so the test needs
no docs dependency and never skips.
"""

import ast
import inspect
import math
import re

import pytest
from sklearn.base import BaseEstimator

import skdeepcluster

try:  # its own module once graph.py keeps only the graph code
    from skdeepcluster.gdl import GDLClustering
except ImportError:
    from skdeepcluster.graph import GDLClustering


def _public_estimators():
    found = [
        getattr(skdeepcluster, name)
        for name in skdeepcluster.__all__
        if inspect.isclass(getattr(skdeepcluster, name))
        and issubclass(getattr(skdeepcluster, name), BaseEstimator)
    ]
    if GDLClustering not in found:
        found.append(GDLClustering)
    return sorted(found, key=lambda cls: cls.__name__)


ESTIMATORS = _public_estimators()

# "    name : type, default=VALUE" (a continuation line is indented further;
# several names may share a line: "a, b : float")
_ENTRY = re.compile(r"^(?P<names>\w+(?:\s*,\s*\w+)*)\s*:\s*(?P<type>.*)$")
_SECTION_RULE = re.compile(r"^-{3,}$")
_NO_DEFAULT = object()


def documented_parameters(cls):
    """``{name: default text or _NO_DEFAULT}`` from the class docstring's Parameters."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    lines = doc.splitlines()
    try:
        start = next(
            i for i in range(len(lines) - 1)
            if lines[i].strip() == "Parameters" and _SECTION_RULE.match(lines[i + 1].strip())
        )
    except StopIteration:
        return {}
    params = {}
    for i in range(start + 2, len(lines)):
        line = lines[i]
        if i + 1 < len(lines) and line.strip() and _SECTION_RULE.match(lines[i + 1].strip()):
            break  # the next section's title
        if not line or line[0].isspace():
            continue  # description
        match = _ENTRY.match(line)
        if match is None:
            continue
        type_text = match.group("type")
        default = _NO_DEFAULT
        if ", default=" in type_text:
            default = type_text.rsplit(", default=", 1)[1].strip()
        for name in re.split(r"\s*,\s*", match.group("names")):
            params[name] = default
    return params


def _literal(text):
    """The documented default as a Python value (``None``, ``"auto"``, ``1e-3``, ``(500, 500)``)."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise AssertionError(f"default={text} is not a Python literal") from None


def _same(documented, actual):
    if isinstance(documented, (tuple, list)) and isinstance(actual, (tuple, list)):
        return type(documented) is type(actual) and len(documented) == len(actual) and all(
            _same(d, a) for d, a in zip(documented, actual)
        )
    if isinstance(documented, bool) or isinstance(actual, bool):
        return documented is actual
    if isinstance(documented, float) or isinstance(actual, float):
        # 1e-3 against 0.001, 1.0 against 1
        return (isinstance(documented, (int, float)) and isinstance(actual, (int, float))
                and math.isclose(documented, actual, rel_tol=1e-12, abs_tol=0.0))
    return type(documented) is type(actual) and documented == actual


def default_mismatches(cls):
    """Human-readable differences between the Parameters section and the code."""
    documented = documented_parameters(cls)
    signature = [
        name for name, p in inspect.signature(cls.__init__).parameters.items()
        if name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    defaults = cls().get_params(deep=False)
    problems = [f"{name} is not documented" for name in signature if name not in documented]
    problems += [f"{name} is documented but not a parameter" for name in documented
                 if name not in signature]
    for name in signature:
        text = documented.get(name, _NO_DEFAULT)
        if text is _NO_DEFAULT:
            if name in documented:
                problems.append(f"{name} has no default= in its docstring")
            continue
        try:
            value = _literal(text)
        except AssertionError as exc:
            problems.append(f"{name}: {exc}")
            continue
        if not _same(value, defaults[name]):
            problems.append(f"{name}: docstring says default={text}, code has {defaults[name]!r}")
    return problems


@pytest.mark.parametrize("cls", ESTIMATORS, ids=lambda cls: cls.__name__)
def test_parameters_section_matches_code(cls):
    problems = default_mismatches(cls)
    assert not problems, f"{cls.__name__}:\n" + "\n".join(problems)


def test_every_public_estimator_is_checked():
    names = {cls.__name__ for cls in ESTIMATORS}
    assert {"DEPICTClustering", "JULEClustering", "DAMICClustering",
            "DiscriminativeLatentClustering", "GDLClustering"} <= names


def test_the_checker_catches_a_stale_default():
    class Stale(BaseEstimator):
        """A toy.

        Parameters
        ----------
        n_neighbors : int, default=5
            Stale: the code says 3.
        image_shape : tuple (C, H, W), "auto" or None, default=None
            Commas in the type.
        tol : float, default=1e-3
            Scientific notation.
        sizes : tuple of int, default=(500, 500)
            A tuple.
        scaling : {"auto", "minmax"}, default="auto"
            A string.

        Attributes
        ----------
        labels_ : ndarray
            Not a parameter.
        """

        def __init__(self, n_neighbors=3, image_shape=None, tol=1e-3, sizes=(500, 500),
                     scaling="auto"):
            self.n_neighbors = n_neighbors
            self.image_shape = image_shape
            self.tol = tol
            self.sizes = sizes
            self.scaling = scaling

    assert default_mismatches(Stale) == ["n_neighbors: docstring says default=5, code has 3"]
