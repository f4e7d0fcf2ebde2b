"""Issue 14, goal 4: a floor on the narrow tables' mixture covariances at
the columns' measurement resolution. Many tables record values on a grid:
integer scores (MASS's biopsy: 1-10), counts, grams to the nearest 25, two
decimals. A Gaussian fitted to a cluster whose rows share a column's value
(biopsy's benign cells, mostly 1s) shrinks to a spike along it, and a broad
component then takes the tight cluster's rows that differ by one step. A
cluster cannot be told apart more finely than the grid, so each column's
variance within a component is floored at ``c * q**2``, ``q`` the column's
resolution (its smallest gap between two distinct values), for c = 1/12
(Sheppard's rounding variance) and 1/4 (the largest variance of an error
within half a step each way); the package's floor (1e-6 on the standardised
table) stays where it is larger. For each standardised table and seeds 0-2:
the best of 10 k-means runs, then the package's EM
(``mixture._em_from_partition``) from its partition with each floor. The
tables: the 25 of ``narrow_tables/tables.mixture_tables`` (folder of
``mixture_start/export.R`` and ``narrow_tables/export_more.R``) and ten
held-out tables that no earlier probe read (``export_heldout.R``)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/quantum_floor/probe.py /tmp/mlbench /tmp/heldout > benchmarks/results/compare_v03/quantum_floor/probe.txt
"""
import glob, os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "narrow_tables"))
sys.path.insert(0, os.path.join(HERE, "..", "mixture_start"))
import tables  # noqa: E402
from probe import load  # noqa: E402
from skdeepcluster import mixture  # noqa: E402

FRACTIONS = (1 / 12, 1 / 4)


def with_fraction(fraction):
    def em(X, labels, k, seed):
        mixture.RESOLUTION_VARIANCE = fraction
        fitted, scale = mixture._em_on_grid(X, labels, k, seed)
        return fitted.predict(X * scale)
    return em


def accuracies(X, y):
    mean = tables.kmeans_then_em(X, y, [with_fraction(f) for f in (0.0,) + FRACTIONS])
    mixture.RESOLUTION_VARIANCE = 1.0
    q = np.sqrt(np.sort(mixture.resolution_floors(StandardScaler().fit_transform(X)))[::-1][:3])
    return mean, q


def main(folder, heldout):
    groups = {"the 25 tables": tables.mixture_tables(folder),
              "held out": ((os.path.basename(f)[:-4], *load(heldout, os.path.basename(f)[:-4]))
                           for f in sorted(glob.glob(os.path.join(heldout, "*.csv"))))}
    header = "k-means  1e-6   " + "  ".join(f"c={f:.3f}" for f in FRACTIONS)
    for group, sets in groups.items():
        print(f"# {group}: mean ACC, seeds 0-2 ({header}); largest resolutions q, standardised (at least 0.001)")
        means = []
        for name, X, y in sets:
            mean, q = accuracies(X, y)
            means.append(mean)
            print(f"{name:26s} " + "  ".join(f"{a:.3f}" for a in mean) + f"   q {np.round(q, 3)}", flush=True)
        print(f"{'mean of ' + str(len(means)):26s} " + "  ".join(f"{a:.4f}" for a in np.mean(means, axis=0)))


if __name__ == "__main__":
    main(*sys.argv[1:3])
