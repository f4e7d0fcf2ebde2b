"""Offline: the later merges (first period's clusters to n_clusters) on the
first period's embedding saved by capture.py, for several caps, K_c and
lambda. Run from the repository root, one thread:

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_flat/probe/offline_merge.py /tmp/fm0.npz
"""
import math
import sys

import numpy as np
import torch

from skdeepcluster.graph import gdl_agglomerative, knn_graph
from skdeepcluster.metrics import clustering_report

torch.set_num_threads(1)
d = np.load(sys.argv[1])
y, n = d["y"], len(d["y"])
emb1 = torch.as_tensor(d["emb1"])
W = knn_graph(emb1, 100)[0]
for cap in (1.5, 2.0, 3.0, None):
    for k_c, lam in ((5, 1.0), (10, 1.0), (5, 0.0), (1, 0.0)):
        lab = gdl_agglomerative(W, 10, d["labels1"], n_cluster_neighbors=k_c, lambda_=lam, features=emb1,
                                max_size=None if cap is None else math.ceil(cap * n / 10),
                                min_size=math.ceil(0.1 * n / 10))
        r = clustering_report(y, lab)
        print(f"cap {cap} K_c {k_c} lambda {lam}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}, "
              f"sizes {sorted(np.bincount(lab).tolist())}", flush=True)
