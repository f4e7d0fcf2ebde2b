"""n_clusters="auto" of every estimator (defaults, seed 0) on pyclustering's
labelled "simple" sets, whose few non-negative features share one unit
(held out of issue 15's suite; doc/results.rst, "The input read in its own
unit"). Run from the repository root, with the package to measure first on
the path::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/unit/heldout_unit.py

(``PYTHONPATH=/tmp/headpkg`` for the package before the change:
``git archive f93c53d skdeepcluster | tar -x -C /tmp/headpkg``.)
"""

import sys
from pathlib import Path

import numpy as np

import skdeepcluster

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import PYCLUSTERING_SAMPLES  # noqa: E402

METHODS = ("DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering")
NAMES = ("Simple01", "Simple02", "Simple03", "Simple06", "Simple09", "Simple10", "Simple11",
         "Simple12", "Simple13", "Simple14", "Simple15", "Elongate")


def main():
    print("package:", Path(skdeepcluster.__file__).parent)
    print("set        n     true  DEPICT / JULE / DAMIC / DDLSC")
    for name in NAMES:
        path = PYCLUSTERING_SAMPLES / "simple" / name
        X = np.loadtxt(f"{path}.data")
        X = X.reshape(len(X), -1)
        k = len(set(open(f"{path}.answer").read().split()) - {"00"})
        found = [getattr(skdeepcluster, method)(n_clusters="auto", random_state=0, device="cpu")
                 .fit(X).n_clusters_ for method in METHODS]
        print(f"{name:10s} {len(X):4d}  {k:4d}  {' / '.join(map(str, found))}", flush=True)


if __name__ == "__main__":
    main()
