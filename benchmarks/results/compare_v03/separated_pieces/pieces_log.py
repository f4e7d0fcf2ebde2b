"""Which fits take the graph's pieces in spectral_clustering: each call's (samples, clusters, pieces of its neighbour graph), around whole fits of the named estimators on a load_dataset set (the digits divided by 16), with ACC / NMI (doc/results.rst, results_separated_pieces).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/separated_pieces/pieces_log.py digits DEPICTClustering,DAMICClustering 0,1,2
"""
import sys, json, numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
import scipy.sparse as sp
import skdeepcluster.graph as G, skdeepcluster.base as B
import skdeepcluster as sk
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report
LOG = []
orig = G.spectral_clustering
def logged(X, n_clusters, **kw):
    n = len(X); k = max(1, min(G.SPECTRAL_NEIGHBORS, n // (2 * n_clusters)))
    nb = G._connectivity_neighbors(X, k, kw.get("device", "cpu"))
    c = sp.csgraph.connected_components(G._graph_of(nb), directed=False)[0]
    LOG.append((n, n_clusters, c))
    return orig(X, n_clusters, **kw)
B.spectral_clustering = logged
name, methods, seeds = sys.argv[1], sys.argv[2].split(","), [int(s) for s in sys.argv[3].split(",")]
d = load_dataset(name); X = d.data.astype(np.float64)
if name == "digits": X = X / 16
k = len(np.unique(d.target))
for m in methods:
    for s in seeds:
        LOG.clear(); est = getattr(sk, m)(k, random_state=s).fit(X); r = clustering_report(d.target, est.labels_)
        print(f"{name} {m} seed {s}: {r['ACC']:.3f} / {r['NMI']:.3f}  spectral calls (n, k, pieces): {LOG}", flush=True)
