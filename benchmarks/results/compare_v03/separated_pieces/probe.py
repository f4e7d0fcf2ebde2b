"""Gaussian blobs far apart and of unequal sizes (10 features, the default
spread of make_blobs, k-means' ARI 1): each estimator built with
``n_clusters`` alone, ARI per seed and the sizes of its clusters. Run from
the repository root, one thread (PYTHONPATH picks the package)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/separated_pieces/probe.py 0,1,2
"""
import sys
import warnings

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

import skdeepcluster

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
seeds = [int(s) for s in sys.argv[1].split(",")]
methods = sys.argv[2].split(",") if len(sys.argv) > 2 else [
    "DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"]
print(f"# package {skdeepcluster.__file__}", flush=True)
for sizes in ([600, 300, 100], [1000, 200, 50], [400, 300, 200, 100]):
    X, y = make_blobs(sizes, n_features=10, random_state=0)
    k = len(sizes)
    kmeans = adjusted_rand_score(y, KMeans(k, n_init=10, random_state=0).fit_predict(X))
    print(f"blobs {sizes}: k-means ARI {kmeans:.3f}", flush=True)
    for method in methods:
        aris, found = [], []
        for seed in seeds:
            labels = getattr(skdeepcluster, method)(k, random_state=seed).fit_predict(X)
            aris.append(adjusted_rand_score(y, labels))
            found.append(np.sort(np.bincount(labels, minlength=k))[::-1].tolist())
        print(f"  {method:32s} ARI {np.mean(aris):.3f} [{' '.join('%.3f' % a for a in aris)}] sizes {found}",
              flush=True)
