"""Offline: the final re-clustering (new chains on an embedding, graph degree
linkage to n_clusters, cap 1.5, min_size 0.1) with several neighbour counts,
on the final embedding and on the first period's, saved by capture.py; and
the same merges on the graph of the input from the first period's clusters.
Run from the repository root, one thread:

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_flat/probe/offline_rc.py /tmp/fm0.npz fashion_mnist
"""
import math
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from compare import load  # noqa: E402
from skdeepcluster.graph import gdl_agglomerative, knn_graph, nearest_neighbor_chains  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

torch.set_num_threads(1)
d = np.load(sys.argv[1])
y, n = d["y"], len(d["y"])
k_clusters = len(np.unique(y))


def merge(W, start, feats):
    return gdl_agglomerative(W, k_clusters, start, n_cluster_neighbors=5, lambda_=1.0, features=feats,
                             max_size=math.ceil(1.5 * n / k_clusters), min_size=math.ceil(0.1 * n / k_clusters))


for emb in ("emb_final", "emb1"):
    Z = torch.as_tensor(d[emb])
    for k in (20, 50, 100):
        W, nb, sq, _ = knn_graph(Z, k)
        r = clustering_report(y, merge(W, nearest_neighbor_chains(nb, sq), Z))
        print(f"RC on {emb}, K_s={k}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}", flush=True)
X = torch.as_tensor(load(sys.argv[2]).data)
for k in (20, 50, 100):
    W = knn_graph(X, k)[0]
    r = clustering_report(y, merge(W, d["labels1"], X))
    print(f"first period's clusters merged on the input graph, K={k}: {r['ACC']:.3f} / {r['NMI']:.3f} / "
          f"{r['ARI']:.3f}", flush=True)
