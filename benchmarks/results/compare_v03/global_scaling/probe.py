"""Flat features given as a user has them, each estimator built with
n_clusters alone (``scaling="auto"``): ARI of k-means (10 starts) on the
features standardised one by one and scaled by one global spread, the
ratio of the largest to the smallest range of a varying feature, and each
estimator's ARI (mean of the seeds given, and each seed's) with the
``scaling_`` it chose (doc/results.rst, results_global_scaling)::

    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/headpkg2 python benchmarks/results/compare_v03/global_scaling/probe.py 0,1 > benchmarks/results/compare_v03/global_scaling/before.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/global_scaling/probe.py 0,1 > benchmarks/results/compare_v03/global_scaling/after.txt

(/tmp/headpkg2: ``git archive <commit> skdeepcluster | tar -x -C
/tmp/headpkg2``, the package before the change.) An optional second
argument names the estimators (comma-separated).
"""
import os
import sys
import time
import warnings

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.datasets import (load_breast_cancer, load_digits, load_iris, load_wine, make_blobs,
                              make_circles, make_moons)
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score as ari

import skdeepcluster

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
SIMPLE = "/usr/share/pyclustering/samples/samples/simple"
seeds = [int(s) for s in sys.argv[1].split(",")]
methods = sys.argv[2].split(",") if len(sys.argv) > 2 else [
    "DEPICTClustering", "JULEClustering", "DiscriminativeLatentClustering"]


def sets():
    for name, load in [("iris", load_iris), ("wine", load_wine), ("breast_cancer", load_breast_cancer)]:
        data = load()
        yield name, data.data, data.target
    rng = np.random.RandomState(0)
    X, y = make_blobs(1000, n_features=10, centers=5, cluster_std=1.5, center_box=(-4, 4),
                      random_state=7)
    yield "5 blobs in 10 of 200 features", np.hstack([X, rng.normal(size=(1000, 190))]), y
    X, y = make_blobs(1500, n_features=4, centers=5, random_state=5)
    yield "5 blobs, 16 noise features", np.hstack([X, 3 * rng.normal(size=(1500, 16))]), y
    digits = load_digits()
    for n, d in [(300, 10), (300, 20), (1797, 10), (1797, 20)]:
        yield f"digits PCA {d} ({n} rows)", PCA(d, random_state=0).fit_transform(digits.data[:n]), digits.target[:n]
    yield "moons", *make_moons(1000, noise=0.05, random_state=0)
    yield "circles", *make_circles(1000, noise=0.05, factor=0.5, random_state=0)
    yield "varied", *make_blobs(1500, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    X, y = make_blobs(1500, random_state=170)
    yield "anisotropic", X @ np.array([[0.6, -0.6], [-0.4, 0.8]]), y
    for name in sorted(os.listdir(SIMPLE)):
        if name.endswith(".data") and os.path.exists(os.path.join(SIMPLE, name[:-5] + ".answer")):
            X = np.loadtxt(os.path.join(SIMPLE, name))
            y = np.loadtxt(os.path.join(SIMPLE, name[:-5] + ".answer"), dtype=str)
            if len(np.unique(y)) >= 2 and len(y) == len(X) and X.ndim == 2 and X.shape[1] >= 2:
                yield name[:-5], X, np.unique(y, return_inverse=True)[1]


print(f"# package {skdeepcluster.__file__}; seeds {seeds}", flush=True)
for name, X, y in sets():
    k = len(np.unique(y))
    std, ranges = X.std(axis=0), np.ptp(X, axis=0)
    varying = ranges > 0
    standardised = (X - X.mean(axis=0)) / np.where(std > 0, std, 1)
    one_spread = (X - X.mean(axis=0)) / np.sqrt(np.mean(std[varying] ** 2))
    kmeans = [ari(y, KMeans(k, n_init=10, random_state=0).fit_predict(Z))
              for Z in (standardised, one_spread)]
    line = (f"{name:30s} {X.shape[0]:5d} x {X.shape[1]:3d} k={k:2d} range ratio "
            f"{ranges[varying].max() / ranges[varying].min():9.1f}  k-means std {kmeans[0]:.3f} "
            f"global {kmeans[1]:.3f}")
    for method in methods:
        scores, t = [], time.process_time()
        for seed in seeds:
            model = getattr(skdeepcluster, method)(k, random_state=seed).fit(X)
            scores.append(ari(y, model.labels_))
        line += (f" | {method[:6]} {model.scaling_:8s} {np.mean(scores):.3f} "
                 f"({' '.join(f'{s:.3f}' for s in scores)}) {(time.process_time() - t) / len(seeds):4.1f}s")
    print(line, flush=True)
