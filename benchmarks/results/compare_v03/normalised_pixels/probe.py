"""Flat pixel rows as given (divided by their largest value) and after the
usual normalisation by their mean and standard deviation (one global shift
and scale, which makes them negative), each estimator built with
``n_clusters`` alone: ACC / NMI, ``scaling_`` and CPU seconds per fit.
Run from the repository root, one thread (PYTHONPATH picks the package)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/normalised_pixels/probe.py digits DEPICTClustering,JULEClustering 0,1,2
"""
import sys
import time
import warnings

import numpy as np
import torch

import skdeepcluster
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
name, methods, seeds = sys.argv[1], sys.argv[2].split(","), [int(s) for s in sys.argv[3].split(",")]
forms = sys.argv[4].split(",") if len(sys.argv) > 4 else ["pixels", "normalised"]
data = load_dataset(name)
X = data.data.astype(np.float64) / data.data.max()
inputs = {"pixels": X, "normalised": (X - X.mean()) / X.std()}
print(f"# package {skdeepcluster.__file__}", flush=True)
for method in methods:
    for form in forms:
        for seed in seeds:
            start = time.process_time()
            model = getattr(skdeepcluster, method)(len(np.unique(data.target)), random_state=seed).fit(inputs[form])
            cpu = time.process_time() - start
            r = clustering_report(data.target, model.labels_)
            print(f"{name} {method} {form:10s} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} "
                  f"scaling_={model.scaling_} CPU {cpu:.1f} s", flush=True)
