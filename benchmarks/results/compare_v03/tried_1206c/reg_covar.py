"""Tried and not kept (issue 14, goal 4): a larger floor on the narrow
tables' mixture covariances (``MIXTURE_REG_COVAR``, added to each
covariance's diagonal on the standardised table; the package's is 1e-6).
For each standardised table of ``narrow_tables/tables.mixture_tables`` and
seeds 0-2: the best of 10 k-means runs, then the package's EM
(``mixture._em_from_partition``) from its partition with each floor; the
mean ACC of k-means and of each floor, then the means over the tables::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206c/reg_covar.py /tmp/mlbench > benchmarks/results/compare_v03/tried_1206c/reg_covar.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "narrow_tables"))
import tables  # noqa: E402
from skdeepcluster import mixture  # noqa: E402

FLOORS = (1e-6, 1e-3, 1e-2, 3e-2, 1e-1)


def with_floor(floor):
    def em(X, labels, k, seed):
        return mixture._em_from_partition(X, labels, k, seed, floor=floor).predict(X)
    return em


means = []
for name, X, y in tables.mixture_tables(sys.argv[1]):
    mean = tables.kmeans_then_em(X, y, [with_floor(floor) for floor in FLOORS])
    means.append(mean)
    print(f"{name:26s} k-means {mean[0]:.3f}  " + "  ".join(f"{f:g}: {a:.3f}" for f, a in zip(FLOORS, mean[1:])),
          flush=True)
mean = np.mean(means, axis=0)
print(f"{'mean of ' + str(len(means)) + ' tables':26s} k-means {mean[0]:.4f}  "
      + "  ".join(f"{f:g}: {a:.4f}" for f, a in zip(FLOORS, mean[1:])), flush=True)
