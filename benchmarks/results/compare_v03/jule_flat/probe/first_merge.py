"""The first period's merge alone (the graph of the input, nearest-neighbour
chains, graph degree linkage down to ceil(n_chains / 10) clusters capped at
twice their average size), for several K_s and kernels: purity and NMI of
the result, and of a merge on, to n_clusters. Run from the repository root:

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_flat/probe/first_merge.py fashion_mnist
"""
import math
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import torch
from sklearn.metrics import normalized_mutual_info_score

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from compare import load  # noqa: E402
from skdeepcluster.graph import gdl_agglomerative, nearest_neighbor_chains, nearest_neighbors  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

torch.set_num_threads(1)
data = load(sys.argv[1])
X, y, n_clusters = data.data, data.target, data.n_clusters
if data.image_shape is None:  # tabular: JULE standardises
    X = (X - X.mean(0)) / np.maximum(X.std(0), 1e-12)
n = len(y)
Xn = torch.nn.functional.normalize(torch.as_tensor(X, dtype=torch.float32), dim=1)
sq_all, nb_all = nearest_neighbors(Xn, 80)
chains = nearest_neighbor_chains(nb_all, sq_all)
n_chains = int(chains.max()) + 1


def purity(labels):
    return sum(np.bincount(y[labels == c]).max() for c in np.unique(labels)) / n


def graph(k, kernel):
    sq, nb = sq_all[:, :k], nb_all[:, :k]
    if kernel == "global":
        w = np.exp(-sq / sq.mean())
    else:  # local scaling: sigma_i = distance to the 7th (or k-th) neighbour
        s = np.sqrt(sq_all[:, min(6, k - 1)])
        w = np.exp(-sq / np.maximum(s[:, None] * s[nb], 1e-12))
    return sp.csr_matrix((w.ravel(), nb.ravel(), np.arange(0, n * k + 1, k)), shape=(n, n))


print(f"{sys.argv[1]}: {n_chains} chains, purity {purity(chains):.3f}")
n_target = max(n_clusters, n_chains - math.ceil(0.9 * n_chains))
for kernel in ("global", "local"):
    for k in (10, 15, 20, 25, 30, 40, 60):
        W = graph(k, kernel)
        first = gdl_agglomerative(W, n_target, chains, n_cluster_neighbors=5, lambda_=1.0, features=Xn,
                                  max_size=math.ceil(2 * n / n_target))
        sizes = np.bincount(first)
        on = gdl_agglomerative(W, n_clusters, first, n_cluster_neighbors=5, lambda_=1.0, features=Xn,
                               max_size=math.ceil(1.5 * n / n_clusters), min_size=math.ceil(0.1 * n / n_clusters))
        r = clustering_report(y, on)
        print(f"{kernel} K_s={k}: to {n_target}: purity {purity(first):.3f}, NMI "
              f"{normalized_mutual_info_score(y, first):.3f}, {(sizes <= 5).sum()} of <=5; on to "
              f"{n_clusters}: {r['ACC']:.3f} / {r['NMI']:.3f}", flush=True)
