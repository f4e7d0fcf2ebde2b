"""Which fits take the pieces of a graph, around whole fits with the defaults on a dataset of compare.load (pixels in [0, 1], the tabular sets standardised), with ACC / NMI (doc/results.rst, results_jule_pieces and results_ddlsc_pieces):

* ``jule``: the pieces of JULEClustering's first graph (its input's, the one the first period merges on) against n_clusters: where there are at least as many, no size cap applies;
* ``ddlsc``: each call of graph.separated_pieces in a DiscriminativeLatentClustering fit (samples, clusters, pieces of the codes' graph, whether they were the start, CPU seconds of the call).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/jule_pieces/pieces_log.py jule digits 0,1,2
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/jule_pieces/pieces_log.py ddlsc digits 0,1,2
"""
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import torch
from sklearn.preprocessing import StandardScaler

import skdeepcluster.ddlsc as D
import skdeepcluster.graph as G
import skdeepcluster.jule as J
from skdeepcluster import DiscriminativeLatentClustering, JULEClustering
from skdeepcluster.metrics import clustering_report

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load  # noqa: E402

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
TABULAR = ("iris", "wine", "breast_cancer")
LOG = []
components = getattr(J, "connected_components", None)  # None: the package before


def jule_pieces(W, **kwargs):
    result = components(W, **kwargs)
    LOG.append(result[0])
    return result


def ddlsc_pieces(X, n_clusters, **kwargs):
    t = time.process_time()
    result = G.separated_pieces(X, n_clusters, **kwargs)
    cpu = time.process_time() - t
    k = G._capped_neighbors(G.SPECTRAL_NEIGHBORS, len(X), n_clusters)
    pieces = sp.csgraph.connected_components(G.connectivity_graph(X, k), directed=False)[0]
    LOG.append((len(X), n_clusters, pieces, result is not None, round(cpu, 2)))
    return result


method, name, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3].split(",")]
if method == "jule" and components is not None:
    J.connected_components = jule_pieces
if method == "ddlsc":
    D.separated_pieces = ddlsc_pieces
data = load(name)
X = data.data.astype(np.float64)
if name in TABULAR:
    X = StandardScaler().fit_transform(X)
k = data.n_clusters
for seed in seeds:
    LOG.clear()
    t = time.process_time()
    Estimator = JULEClustering if method == "jule" else DiscriminativeLatentClustering
    est = Estimator(k, random_state=seed).fit(X)
    r = clustering_report(data.target, est.labels_)
    head = f"{name} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f}"
    if method == "jule":
        pieces = (f"; pieces of the input's graph {LOG} for {k} clusters: size cap "
                  f"{'lifted' if LOG[0] >= k else 'kept'}") if LOG else ""
        print(f"{head}, fit {time.process_time() - t:.1f} s CPU" + pieces, flush=True)
    else:
        print(f"{head}, init_={est.init_}, fit {time.process_time() - t:.1f} s CPU;"
              f" separated_pieces calls (n, k, pieces, taken, CPU s): {LOG}", flush=True)
