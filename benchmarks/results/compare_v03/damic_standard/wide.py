"""DAMIC built with ``n_clusters`` alone on wide dense features that are
neither pixels nor narrow (more than 62 features, signed): the digits
first 100 principal components... of 64 pixels are at most 64, so the
digits by a Gaussian random projection to 100 dimensions, Fashion-MNIST
(3,000 test images) by 100 principal components and by a random
projection to 100; seeds 0-2, ``scaling_``, mean ACC / NMI. Run from the
repository root (``PYTHONPATH`` the package to measure)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/damic_standard/wide.py

Arguments: the seeds (default 0 1 2), and ``--digits`` for the first set alone.
"""
import sys
import time
import warnings

import numpy as np
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
from sklearn.random_projection import GaussianRandomProjection

from skdeepcluster import DAMICClustering
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
digits = load_digits()
fm = load_dataset("fashion_mnist")
Xf, yf = fm.data[:3000] / 255.0, fm.target[:3000]
sets = [
    ("digits random projection 100", GaussianRandomProjection(100, random_state=0).fit_transform(digits.data / 16), digits.target),
    ("FM 3000 PCA 100", PCA(100, random_state=0).fit_transform(Xf), yf),
    ("FM 3000 random projection 100", GaussianRandomProjection(100, random_state=0).fit_transform(Xf), yf),
]
args = [a for a in sys.argv[1:] if a != "--digits"]
seeds = [int(a) for a in args] or [0, 1, 2]
for name, X, y in sets[:1] if "--digits" in sys.argv else sets:
    scores, start = [], time.process_time()
    for seed in seeds:
        est = DAMICClustering(10, random_state=seed).fit(X)
        report = clustering_report(y, est.labels_)
        scores.append((report["ACC"], report["NMI"]))
    acc, nmi = np.mean(scores, axis=0)
    print(f"{name:30s} seeds {seeds} scaling_ {est.scaling_:8s} init_on_ {est.init_on_:6s} ACC / NMI {acc:.3f} / {nmi:.3f}  "
          f"({', '.join(f'{a:.3f}' for a, _ in scores)})  {time.process_time() - start:.1f} s CPU", flush=True)
