"""Offline merges on embeddings saved by capture.py: what the merges of the
later periods could reach on the first period's embedding. Run from the
repository root, one thread:

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_flat/probe/offline.py /tmp/fm0.npz
"""
import math
import sys

import numpy as np
import torch
from sklearn.cluster import KMeans

from skdeepcluster.graph import gdl_agglomerative, knn_graph
from skdeepcluster.metrics import clustering_report

torch.set_num_threads(1)
d = np.load(sys.argv[1])
y = d["y"]
n = len(y)


def rep(name, labels):
    r = clustering_report(y, labels)
    print(f"{name}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}", flush=True)


for key in ("labels1", "labels2", "labels3", "labels_final"):
    rep(key, d[key])
for emb in ("emb1", "emb2", "emb_final"):
    Z = torch.as_tensor(d[emb])
    rep(f"k-means {emb}", KMeans(10, n_init=10, random_state=0).fit_predict(d[emb]))
emb1 = torch.as_tensor(d["emb1"])
for k in (20, 50, 100, 200):
    W = knn_graph(emb1, k)[0]
    for target in (13, 10):
        lab = gdl_agglomerative(W, target, d["labels1"], n_cluster_neighbors=5, lambda_=1.0,
                                features=emb1, max_size=math.ceil(1.5 * n / 10),
                                min_size=math.ceil(0.1 * n / target))
        if target == 13:
            rep(f"emb1 k={k} merge labels1 -> 13 (NMI of 13)", lab)
        else:
            rep(f"emb1 k={k} merge labels1 -> 10", lab)
