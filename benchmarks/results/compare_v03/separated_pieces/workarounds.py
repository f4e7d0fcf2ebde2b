"""The two estimators that still split the largest of separated blobs of
unequal sizes, with the parameter that keeps them: JULE with
``size_cap=None``, DiscriminativeLatentClustering with ``init="spectral"``;
ARI and cluster sizes, seeds 0 and 1 (doc/results.rst,
results_separated_pieces)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/separated_pieces/workarounds.py
"""
import warnings

import numpy as np
import torch
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from skdeepcluster import DiscriminativeLatentClustering, JULEClustering

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
for sizes in ([600, 300, 100], [1000, 200, 50]):
    X, y = make_blobs(sizes, n_features=10, random_state=0)
    for Estimator, params in ((JULEClustering, {"size_cap": None}),
                              (DiscriminativeLatentClustering, {"init": "spectral"})):
        for seed in (0, 1):
            labels = Estimator(3, random_state=seed, **params).fit_predict(X)
            print(f"blobs {sizes} {Estimator.__name__} {params} seed {seed}: "
                  f"ARI {adjusted_rand_score(y, labels):.3f} sizes {np.bincount(labels).tolist()}",
                  flush=True)
