"""Tried and not kept (issue 15): refining the shared estimate inside its
clusters. The estimate of :func:`skdeepcluster.estimate_n_clusters` (with
the estimator's input as ``X_input``) is made on each saved embedding; the
embedding is then cut into that many clusters by
:func:`skdeepcluster.graph.spectral_clustering`, and each cluster of at
least 50 rows counts as the ``k`` of its own graph's largest eigenvalue
ratio where that ratio is at least 1.2 x 4 (the curve step the input's
components must pass, ``NULL_STEP_FACTOR * CURVE_STEP``), else as one::

    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --capture /work/exp/autok/emb
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206c/refine_estimate.py /work/exp/autok/emb > benchmarks/results/compare_v03/tried_1206c/refine_estimate.txt

One line per embedding: the true k, the estimate, the refined estimate and
the clusters that split (their k and step).
"""
import glob, os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from skdeepcluster.autok import CURVE_STEP, NULL_STEP_FACTOR, _estimate, _largest_ratio, _spectrum
from skdeepcluster.graph import spectral_clustering

MIN_ROWS = 50


def refined(Z, max_clusters, X_input, seed=0):
    k = _estimate(Z, max_clusters, X_input, 15, None, "step-modularity", seed, "cpu")
    if k < 2:
        return k, k, []
    labels = spectral_clustering(Z, k, random_state=seed)
    total, splits = 0, []
    for j in np.unique(labels):
        rows = labels == j
        if rows.sum() < MIN_ROWS:
            total += 1
            continue
        _, eigenvalues, _ = _spectrum(Z[rows], min(max_clusters, rows.sum() - 1), 15, seed, "cpu")
        pieces, step = _largest_ratio(eigenvalues, 1)
        pieces = pieces if pieces >= 2 and step >= NULL_STEP_FACTOR * CURVE_STEP else 1
        total += pieces
        if pieces > 1:
            splits.append((int(pieces), round(float(step), 1)))
    return k, total, splits


for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.npz"))):
    data = np.load(path)
    name, method, _ = os.path.basename(path)[:-4].split("__")
    Z = data["Z"].astype(np.float64)
    k, k_refined, splits = refined(Z, min(50, len(Z) - 1), data["X"].astype(np.float64))
    print(f"{name:22s} {method:31s} true {int(data['k']):3d}  estimate {k:3d}  refined {k_refined:3d}  {splits}",
          flush=True)
