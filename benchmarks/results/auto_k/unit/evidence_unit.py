"""What the input's own graph says of the number of clusters
(``skdeepcluster.autok._input_evidence``, 15 neighbours) with each feature
standardised and in the input's own unit (less its mean), on the sets of
issue 15's suite (iris, wine and breast cancer as scikit-learn ships them),
the held-out sets of ``auto_k_rules.py`` and pyclustering's other labelled
"simple" sets; for the sets of fewer than 16 features that pass one of three
tests of a shared unit: ``median`` (``shares_one_unit(X)``, the pixels'
test), ``every`` (``shares_one_unit(X, every=True)``, the rule kept) and
``range`` (every varying feature's range at least half the widest, of any
sign; tried, not kept). Run from the repository root::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/unit/evidence_unit.py
"""

import sys
from pathlib import Path

import numpy as np
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from auto_k_rules import held_out  # noqa: E402
from bench_auto_k import suite  # noqa: E402
from compare import PYCLUSTERING_SAMPLES  # noqa: E402
from skdeepcluster.autok import _input_evidence  # noqa: E402
from skdeepcluster.base import shares_one_unit  # noqa: E402

RAW = {"iris": load_iris().data, "wine": load_wine().data, "breast_cancer": load_breast_cancer().data}
MORE_SIMPLE = ("Simple01", "Simple02", "Simple06", "Simple07", "Simple09", "Simple10",
               "Simple11", "Simple12", "Simple13", "Simple14")


def sets():
    for name, X, y, k in suite("/nonexistent"):
        if name != "Fashion-MNIST":
            yield name, RAW.get(name, X), k
    yield from held_out()
    yield "OldFaithful (minutes)", np.loadtxt(PYCLUSTERING_SAMPLES / "famous" / "OldFaithful.data"), 2
    for name in MORE_SIMPLE:
        path = PYCLUSTERING_SAMPLES / "simple" / name
        X = np.loadtxt(f"{path}.data")
        yield name, X.reshape(len(X), -1), len(set(open(f"{path}.answer").read().split()) - {"00"})


def main():
    print("set                      true   n    d  median every range  standardised  own unit")
    for name, X, k in sets():
        if X.shape[1] >= 16:
            continue
        ranges = np.ptp(X, axis=0)
        ranges = ranges[ranges > 0]
        tests = (shares_one_unit(X), shares_one_unit(X, every=True),
                 bool(ranges.min() >= 0.5 * ranges.max()))
        if not any(tests):
            continue
        largest = min(50, len(X) - 1)
        standard = _input_evidence(StandardScaler().fit_transform(X), largest, 15, 0, "cpu")
        unit = _input_evidence(X - X.mean(axis=0), largest, 15, 0, "cpu")
        flags = "  ".join(f"{str(t):5s}" for t in tests)
        mark = "  <- differs" if standard != unit else ""
        print(f"{name:24s} {k:4d} {len(X):5d} {X.shape[1]:3d}  {flags}  {str(standard):12s}  "
              f"{str(unit):12s}{mark}", flush=True)


if __name__ == "__main__":
    main()
