"""Exploratory: JULEClustering's labels against spherical Lloyd iterations
on its final embedding started from them (the fit's clusters' unit mean
directions, then nearest-centroid reassignment until nothing moves),
ACC / NMI means over seeds 0-2::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/tabular_s7/jule_lloyd.py iris wine breast_cancer blobs dpca10_300 dpca20_300 dpca10_500 dpca5_300 digits
"""
import sys
import warnings

import numpy as np
import torch
from sklearn.metrics import normalized_mutual_info_score as nmi

from tabsets import get
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_accuracy as acc

warnings.filterwarnings("ignore")
torch.set_num_threads(1)


def lloyd(Z, labels, k, iters=100):
    """Spherical k-means of the unit rows ``Z`` from the partition ``labels``."""
    for _ in range(iters):
        C = np.stack([Z[labels == c].mean(0) if (labels == c).any() else np.zeros(Z.shape[1])
                      for c in range(k)])
        C /= np.linalg.norm(C, axis=1, keepdims=True) + 1e-12
        new = (Z @ C.T).argmax(1)
        if (new == labels).all():
            break
        labels = new
    return labels


for name in sys.argv[1:]:
    b = get(name)
    scores = []
    for seed in (0, 1, 2):
        model = sk.JULEClustering(b.n_clusters, random_state=seed, device="cpu").fit(b.data)
        refined = lloyd(model.embedding_, model.labels_, b.n_clusters)
        scores.append((acc(b.target, model.labels_), nmi(b.target, model.labels_),
                       acc(b.target, refined), nmi(b.target, refined)))
    s = np.mean(scores, axis=0)
    print(f"{name:14s} jule {s[0]:.3f}/{s[1]:.3f}  +lloyd {s[2]:.3f}/{s[3]:.3f}", flush=True)
