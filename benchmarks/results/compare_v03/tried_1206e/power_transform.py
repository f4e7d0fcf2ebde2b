"""Tried and not kept (issue 14, goal 4): a Yeo-Johnson power transform
(scikit-learn's ``PowerTransformer``) of each standardised table before the
narrow tables' EM, from the same best of 10 k-means runs of the
standardised table (seeds 0-2; ``narrow_tables/tables.kmeans_then_em``),
on the 25 tables of the earlier probes and the ten held-out tables of
``quantum_floor/export_heldout.R``; columns: k-means, the package's EM,
EM of the transformed table, and the table's largest absolute skewness::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206e/power_transform.py > benchmarks/results/compare_v03/tried_1206e/power_transform.txt
"""
import glob, os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.preprocessing import PowerTransformer  # noqa: E402
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "narrow_tables"))
sys.path.insert(0, os.path.join(HERE, "..", "mixture_start"))
import tables  # noqa: E402
from probe import load  # noqa: E402
from skdeepcluster import mixture  # noqa: E402
from scipy.stats import skew  # noqa: E402

def plain(X, labels, k, seed):
    fitted, scale = mixture._em_on_grid(X, labels, k, seed)
    return fitted.predict(X * scale)


def power(X, labels, k, seed):
    return plain(PowerTransformer().fit_transform(X), labels, k, seed)


groups = {"25": tables.mixture_tables("/tmp/mlbench"),
          "held": ((os.path.basename(f)[:-4], *load("/tmp/heldout", os.path.basename(f)[:-4])) for f in sorted(glob.glob("/tmp/heldout/*.csv")))}
for g, sets in groups.items():
    means = []
    for name, X, y in sets:
        m = tables.kmeans_then_em(X, y, [plain, power])
        means.append(m)
        print(f"{name:26s} " + "  ".join(f"{a:.3f}" for a in m) + f"  max|skew| {np.abs(skew(X)).max():.1f}", flush=True)
    print(g, np.round(np.mean(means, axis=0), 4))
