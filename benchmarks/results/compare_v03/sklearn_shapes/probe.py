"""The data sets of scikit-learn's "comparing clustering algorithms" page
(noisy circles and moons, blobs, anisotropic blobs, blobs of varied
spread; 500 samples as there, and 1,500 as in its earlier versions), each
estimator built with n_clusters alone: ARI of k-means (10 starts) and of
each estimator, mean of the seeds given and each seed's, CPU seconds a fit
(doc/results.rst)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/sklearn_shapes/probe.py 0,1 > benchmarks/results/compare_v03/sklearn_shapes/now.txt

An optional second argument names the estimators (comma-separated).
"""
import sys
import time
import warnings

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.metrics import adjusted_rand_score as ari

import skdeepcluster

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1].split(",")]
methods = sys.argv[2].split(",") if len(sys.argv) > 2 else [
    "DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"]


def sets(n, seed=30):
    yield "noisy_circles", make_circles(n, factor=0.5, noise=0.05, random_state=seed)
    yield "noisy_moons", make_moons(n, noise=0.05, random_state=seed)
    yield "blobs", make_blobs(n, random_state=seed)
    X, y = make_blobs(n, random_state=170)
    yield "aniso", (X @ np.array([[0.6, -0.6], [-0.4, 0.8]]), y)
    yield "varied", make_blobs(n, cluster_std=[1.0, 2.5, 0.5], random_state=170)


print(f"# package {skdeepcluster.__file__}; seeds {seeds}", flush=True)
for n in (500, 1500):
    for name, (X, y) in sets(n):
        k = len(np.unique(y))
        line = f"{name:14s} {n:5d}  k-means {ari(y, KMeans(k, n_init=10, random_state=0).fit_predict(X)):6.3f}"
        for method in methods:
            scores, t = [], time.process_time()
            for seed in seeds:
                scores.append(ari(y, getattr(skdeepcluster, method)(k, random_state=seed).fit_predict(X)))
            cpu = (time.process_time() - t) / len(seeds)
            line += f"  {method[:6]} {np.mean(scores):6.3f} ({' '.join(f'{s:.3f}' for s in scores)}) {cpu:4.1f}s"
        print(line, flush=True)
