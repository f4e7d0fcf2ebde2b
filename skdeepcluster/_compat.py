"""The one place that imports private scikit-learn names.

skdeepcluster declares its parameters the way scikit-learn's own estimators
do: ``_parameter_constraints`` built from ``Interval``, ``StrOptions`` and
``HasMethods``, checked when ``fit`` is decorated by ``_fit_context``. These
four names are private to scikit-learn and may move in any release, so every
other module imports them from here.

When scikit-learn no longer has them where we look, small local stand-ins
take their place: constraint classes that the local :func:`validate_parameters`
understands, and a ``_fit_context`` decorator that validates the parameters
with it and runs ``fit`` under scikit-learn's public ``config_context``. They
keep ``import skdeepcluster`` and fitting working; the error messages are
plainer than scikit-learn's. ``USING_FALLBACK`` says which set is in use.
"""

import contextlib
import functools
from numbers import Integral

import numpy as np
import sklearn

__all__ = [
    "HasMethods",
    "Interval",
    "StrOptions",
    "USING_FALLBACK",
    "_fit_context",
]

try:
    from sklearn.base import _fit_context
    from sklearn.utils._param_validation import HasMethods, Interval, StrOptions
except ImportError:
    USING_FALLBACK = True
else:
    USING_FALLBACK = False


class InvalidParameterError(ValueError, TypeError):
    """A parameter outside its constraints (a ValueError and a TypeError,
    like scikit-learn's own, so either ``except`` catches it)."""


class _Interval:
    """Numbers of ``type`` between ``left`` and ``right`` (None: unbounded);
    ``closed`` is "left", "right", "both" or "neither". Bools never match."""

    def __init__(self, type, left, right, *, closed):
        self.type, self.left, self.right, self.closed = type, left, right, closed

    def accepts(self, value):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, self.type):
            return False
        if value != value:  # NaN
            return False
        left_in = self.closed in ("left", "both")
        right_in = self.closed in ("right", "both")
        if self.left is not None and (value < self.left or (value == self.left and not left_in)):
            return False
        return self.right is None or value < self.right or (value == self.right and right_in)

    def __str__(self):
        kind = "an int" if self.type is Integral else "a number"
        low = "-inf" if self.left is None else self.left
        high = "inf" if self.right is None else self.right
        opening = "[" if self.closed in ("left", "both") else "("
        closing = "]" if self.closed in ("right", "both") else ")"
        return f"{kind} in the range {opening}{low}, {high}{closing}"


class _StrOptions:
    """One of the strings in ``options``."""

    def __init__(self, options):
        self.options = set(options)

    def accepts(self, value):
        return isinstance(value, str) and value in self.options

    def __str__(self):
        return "a str among " + ", ".join(repr(o) for o in sorted(self.options))


class _HasMethods:
    """An object with every method named in ``methods`` (a str or a list)."""

    def __init__(self, methods):
        self.methods = [methods] if isinstance(methods, str) else list(methods)

    def accepts(self, value):
        return all(callable(getattr(value, method, None)) for method in self.methods)

    def __str__(self):
        return "an object implementing " + ", ".join(repr(m) for m in self.methods)


def _is_random_state(value):
    if isinstance(value, (bool, np.bool_)):
        return False
    return value is None or isinstance(value, (Integral, np.random.RandomState))


def _is_verbose(value):
    return isinstance(value, (bool, np.bool_)) or (isinstance(value, Integral) and value >= 0)


#: The string constraints the fallback knows; any other string accepts all.
_NAMED_CONSTRAINTS = {
    "boolean": (lambda value: isinstance(value, (bool, np.bool_)), "a bool"),
    "random_state": (_is_random_state, "None, an int or a numpy RandomState"),
    "verbose": (_is_verbose, "a bool or a non-negative int"),
}


def _accepts(constraint, value):
    if constraint is None:
        return value is None
    if isinstance(constraint, type):
        return isinstance(value, constraint)
    if isinstance(constraint, str):
        check = _NAMED_CONSTRAINTS.get(constraint)
        return check is None or check[0](value)
    accepts = getattr(constraint, "accepts", None)
    return accepts is None or accepts(value)


def _describe(constraint):
    if constraint is None:
        return "None"
    if isinstance(constraint, type):
        return f"an instance of {constraint.__name__}"
    if isinstance(constraint, str):
        return _NAMED_CONSTRAINTS.get(constraint, (None, constraint))[1]
    return str(constraint)


def validate_parameters(estimator):
    """Check ``estimator.get_params(deep=False)`` against its
    ``_parameter_constraints`` with the local constraint classes; raise
    :class:`InvalidParameterError` naming the first parameter that fails."""
    params = estimator.get_params(deep=False)
    for name, constraints in estimator._parameter_constraints.items():
        if constraints == "no_validation" or name not in params:
            continue
        value = params[name]
        if not any(_accepts(constraint, value) for constraint in constraints):
            expected = " or ".join(_describe(constraint) for constraint in constraints)
            raise InvalidParameterError(
                f"The {name!r} parameter of {type(estimator).__name__} must be "
                f"{expected}; got {value!r}."
            )


def _validation_skipped(skip):
    """A context in which scikit-learn skips (or not) its own validation,
    where this scikit-learn knows the setting."""
    if "skip_parameter_validation" in sklearn.get_config():
        return sklearn.config_context(skip_parameter_validation=skip)
    return contextlib.nullcontext()


def _fallback_fit_context(*, prefer_skip_nested_validation):
    """Decorate ``fit``: validate the parameters (unless validation is
    switched off globally), then fit; estimators fitted inside validate
    their own parameters unless ``prefer_skip_nested_validation``."""

    def decorate(fit):
        @functools.wraps(fit)
        def wrapper(estimator, *args, **kwargs):
            skip = bool(sklearn.get_config().get("skip_parameter_validation", False))
            if not skip:
                validate_parameters(estimator)
            with _validation_skipped(skip or prefer_skip_nested_validation):
                return fit(estimator, *args, **kwargs)

        return wrapper

    return decorate


if USING_FALLBACK:
    Interval, StrOptions, HasMethods = _Interval, _StrOptions, _HasMethods
    _fit_context = _fallback_fit_context
