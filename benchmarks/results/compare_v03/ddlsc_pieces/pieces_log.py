"""Which DiscriminativeLatentClustering fits start from the pieces of their codes' graph: each call of graph.separated_pieces in a fit (samples, clusters, pieces of the graph, whether they were the start, CPU seconds of the call) around whole fits with the defaults on a load_dataset set (the digits divided by 16, Fashion-MNIST by 255, the tabular sets standardised), with ACC / NMI (doc/results.rst, results_ddlsc_pieces).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/ddlsc_pieces/pieces_log.py digits 0,1,2
"""
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
import torch
from sklearn.preprocessing import StandardScaler

import skdeepcluster.ddlsc as D
import skdeepcluster.graph as G
from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
LOG = []


def logged(X, n_clusters, **kwargs):
    t = time.process_time()
    result = G.separated_pieces(X, n_clusters, **kwargs)
    cpu = time.process_time() - t
    k = G._capped_neighbors(G.SPECTRAL_NEIGHBORS, len(X), n_clusters)
    pieces = sp.csgraph.connected_components(G.connectivity_graph(X, k), directed=False)[0]
    LOG.append((len(X), n_clusters, pieces, result is not None, round(cpu, 2)))
    return result


D.separated_pieces = logged
name, seeds = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
data = load_dataset(name)
X = data.data.astype(np.float64)
if name == "digits":
    X = X / 16
elif name.startswith("fashion_mnist"):
    X = X / 255
elif name in ("iris", "wine", "breast_cancer"):
    X = StandardScaler().fit_transform(X)
k = len(np.unique(data.target))
for seed in seeds:
    LOG.clear()
    t = time.process_time()
    est = DiscriminativeLatentClustering(k, random_state=seed).fit(X)
    r = clustering_report(data.target, est.labels_)
    print(f"{name} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f}, init_={est.init_}, fit {time.process_time() - t:.1f} s CPU;"
          f" separated_pieces calls (n, k, pieces, taken, CPU s): {LOG}", flush=True)
