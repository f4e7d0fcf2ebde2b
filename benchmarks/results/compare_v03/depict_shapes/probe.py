"""DEPICT on low-dimensional labelled sets of shapes: scikit-learn's demonstration shapes and the labelled "simple" samples of pyclustering (Debian's python3-pyclustering); ARI of k-means (10 starts) and of DEPICTClustering (or ``--method NAME``) built with n_clusters alone, seeds as given, the mean and each seed's; CPU seconds of DEPICT's fits (doc/results.rst, results_depict_shapes).

    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/headpkg python benchmarks/results/compare_v03/depict_shapes/probe.py 0,1 > benchmarks/results/compare_v03/depict_shapes/before.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/depict_shapes/probe.py 0,1 > benchmarks/results/compare_v03/depict_shapes/after.txt

(/tmp/headpkg: ``git archive <commit> skdeepcluster | tar -x -C /tmp/headpkg``.) An optional
second argument sets ``depict.START_HOLD_EPOCHS`` (0: the start is never held)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/depict_shapes/probe.py 0,1 0 > benchmarks/results/compare_v03/depict_shapes/no_hold.txt
"""
import os
import time
import warnings

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.metrics import adjusted_rand_score as ari

import skdeepcluster as sk
from probe_args import method_and_seeds

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
SIMPLE = "/usr/share/pyclustering/samples/samples/simple"


def sets():
    yield "moons", *make_moons(1000, noise=0.05, random_state=0)
    yield "circles", *make_circles(1000, noise=0.05, factor=0.5, random_state=0)
    X, y = make_blobs(900, centers=3, random_state=170)
    yield "anisotropic", X @ np.array([[0.6, -0.6], [-0.4, 0.8]]), y
    yield "unequal spread", *make_blobs(900, centers=3, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    for name in sorted(os.listdir(SIMPLE)):
        if name.endswith(".data") and os.path.exists(os.path.join(SIMPLE, name[:-5] + ".answer")):
            X = np.loadtxt(os.path.join(SIMPLE, name))
            y = np.loadtxt(os.path.join(SIMPLE, name[:-5] + ".answer"), dtype=str)
            if len(np.unique(y)) >= 2 and len(y) == len(X):
                yield name[:-5], X.reshape(len(X), -1), np.unique(y, return_inverse=True)[1]


METHOD, seeds, rest = method_and_seeds()
if rest:
    import skdeepcluster.depict
    skdeepcluster.depict.START_HOLD_EPOCHS = int(rest[0])
print(f"set             n     k  k-means  {METHOD[:6]} (mean; seeds {seeds})  CPU s")
for name, X, y in sets():
    k = len(np.unique(y))
    kmeans = ari(y, KMeans(k, n_init=10, random_state=0).fit_predict(X))
    scores, t = [], time.process_time()
    for seed in seeds:
        scores.append(ari(y, getattr(sk, METHOD)(k, random_state=seed).fit_predict(X)))
    cpu = (time.process_time() - t) / len(seeds)
    print(f"{name:15s} {len(X):5d} {k:3d}  {kmeans:6.3f}   {np.mean(scores):6.3f} ({', '.join(f'{s:.3f}' for s in scores)})  {cpu:5.1f}",
          flush=True)
