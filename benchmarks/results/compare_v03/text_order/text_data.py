"""The named text sets of the text benchmarks (issue 14, goal 4), in one place.

``SETS`` maps each name to what its loader reads: fortune categories
(:func:`skdeepcluster.datasets.load_fortunes_tfidf`; None is its five default
categories) or manual-page sections (``manpages.load``). Both loaders return
the rows category by category; ``shuffled`` gives the fixed random order of
``RandomState(100 + seed)`` that every script here fits "shuffled" rows in
(doc/results.rst, ``results_text_order``)::

    from text_data import SETS, load_set, shuffled
    X, y = load_set("fortunes20")
    X, y = shuffled(X, y, seed=0)
"""
import os
import sys

import numpy as np

from skdeepcluster.datasets import load_fortunes_tfidf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from manpages import load as load_manpages  # noqa: E402

#: The 20 fortune categories of ``fortunes20``.
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law",
          "linux", "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles",
          "sports", "startrek", "tao")
SETS = {"fortunes5": None,
        "heldout5": ("art", "computers", "education", "politics", "science"),
        "fortunes20": CATS20,
        "man23578": ("2", "3", "5", "7", "8"),  # manual pages by section
        "man12358": ("1", "2", "3", "5", "8")}


def load_set(name):
    """``(X, y)`` of the named set, in its loader's order (by category)."""
    if name.startswith("man"):
        return load_manpages(SETS[name])
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    return d.data, d.target


def shuffled(X, y, seed):
    """The rows and labels in the order of ``RandomState(100 + seed).permutation``."""
    perm = np.random.RandomState(100 + seed).permutation(len(y))
    return X[perm], y[perm]
