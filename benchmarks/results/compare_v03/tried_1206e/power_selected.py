"""Tried and not kept (issue 14, goal 4): the power transform of
``power_transform.py`` only where it raises the mixture's likelihood of the
standardised table (the transformed mixture's log-likelihood plus the
transform's log-Jacobian, against the plain mixture's; both with the
resolution floors, whose own Jacobian is added). Columns: k-means, the
package's EM, the selected EM, and per seed the log-likelihood gain per row
of the transform::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206e/power_selected.py > benchmarks/results/compare_v03/tried_1206e/power_selected.txt
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

def yj_logderiv(X, lambdas):
    out = np.zeros_like(X)
    for j, lam in enumerate(lambdas):
        x = X[:, j]
        pos = x >= 0
        out[pos, j] = (lam - 1) * np.log1p(x[pos])
        out[~pos, j] = (1 - lam) * np.log1p(-x[~pos])
    return out.sum(axis=1)

def fit(X, labels, k, seed):
    g, s = mixture._em_on_grid(X, labels, k, seed)
    return g.predict(X * s), g.score_samples(X * s).sum() + len(X) * np.log(s).sum()

def select(X, labels, k, seed):
    lab0, ll0 = fit(X, labels, k, seed)
    pt = PowerTransformer().fit(X)
    Z = pt.transform(X)
    lab1, ll1 = fit(Z, labels, k, seed)
    ll1 += yj_logderiv(X, pt.lambdas_).sum() - len(X) * np.log(pt._scaler.scale_).sum()
    select.log.append(ll1 - ll0)
    return lab1 if ll1 > ll0 else lab0
select.log = []

groups = {"25": tables.mixture_tables("/tmp/mlbench"),
          "held": ((os.path.basename(f)[:-4], *load("/tmp/heldout", os.path.basename(f)[:-4])) for f in sorted(glob.glob("/tmp/heldout/*.csv")))}
for g, sets in groups.items():
    means = []
    for name, X, y in sets:
        select.log = []
        m = tables.kmeans_then_em(X, y, [lambda *a: fit(*a)[0], select])
        means.append(m)
        print(f"{name:26s} " + "  ".join(f"{a:.3f}" for a in m) + "  LL gain per row " + " ".join(f"{v / len(X):.2f}" for v in select.log), flush=True)
    print(g, np.round(np.mean(means, axis=0), 4))
