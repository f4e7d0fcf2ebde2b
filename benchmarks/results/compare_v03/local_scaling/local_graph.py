"""Exploratory: spectral clustering of a locally scaled kNN graph (issue 14).

The shared spectral start (graph.spectral_clustering) cuts a 0/1 kNN graph.
This patch weighs each edge i-j by exp(-d_ij^2 / (s_i s_j)), s_i the distance
from i to its SIGMA-th nearest neighbour (Zelnik-Manor and Perona's local
scaling), symmetrised as the 0/1 graph is, and runs the same eigenvectors,
roundings and cut. Nothing else changes.

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/local_scaling/local_graph.py raw
    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/local_scaling/local_graph.py emb DIR/*.npz

"raw": benchmarks/bench_init.py's labelled sets (--raw), seeds 0-2, the
default start against the locally scaled one. "emb": saved embeddings
(bench_init.py --cache files, with the labels in the file or the data set
of the name). SIGMA (environment, default 7).
"""
import os, sys, warnings
from pathlib import Path
import numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import skdeepcluster.graph as g
from skdeepcluster.metrics import clustering_report

SIGMA = int(os.environ.get("SIGMA", 7))
_plain_neighbors, _plain_graph = g._connectivity_neighbors, g._graph_of
_weights = {}


def _scaled_neighbors(X, n_neighbors, device):
    X = torch.as_tensor(np.asarray(X), dtype=torch.float32)
    k = max(1, min(int(n_neighbors), X.shape[0] - 1))
    d2, idx = g.nearest_neighbors(X, k, device=device)
    s = np.sqrt(np.maximum(d2[:, min(SIGMA, k) - 1], 1e-24))
    _weights[id(idx)] = np.exp(-d2 / (s[:, None] * s[idx]))
    return idx


def _scaled_graph(neighbors):
    W = _weights.get(id(neighbors))
    if W is None:
        return _plain_graph(neighbors)
    import scipy.sparse as sp
    n, k = neighbors.shape
    A = sp.csr_matrix((W.ravel(), neighbors.ravel(), np.arange(0, n * k + 1, k)), shape=(n, n))
    return 0.5 * (A + A.T)


def spectral(X, k, seed, local):
    g._connectivity_neighbors, g._graph_of = ((_scaled_neighbors, _scaled_graph) if local
                                              else (_plain_neighbors, _plain_graph))
    try:
        return g.spectral_clustering(X, k, random_state=seed)
    finally:
        g._connectivity_neighbors, g._graph_of = _plain_neighbors, _plain_graph
        _weights.clear()


def compare(name, X, y, seeds, kind=""):
    k = len(np.unique(y))
    out = {}
    for local in (False, True):
        out[local] = np.mean([[clustering_report(y, spectral(X, k, s, local))[m] for m in ("ACC", "NMI", "ARI")]
                              for s in seeds], axis=0)
    print(f"{kind:12s} {name:34s} {k:3d}  {' / '.join(f'{v:.3f}' for v in out[False])}   "
          f"{' / '.join(f'{v:.3f}' for v in out[True])}", flush=True)
    return out[False], out[True]


if __name__ == "__main__":
    print(f"# SIGMA={SIGMA}; columns: default ACC / NMI / ARI, locally scaled ACC / NMI / ARI")
    rows = {}
    if sys.argv[1] == "raw":
        from bench_init import labelled_sets
        for kind, name, X, y in labelled_sets():
            rows.setdefault(kind, []).append(compare(name, X, y, (0, 1, 2), kind))
    else:
        from compare import load
        for path in sys.argv[2:]:
            d = np.load(path)
            stem = Path(path).stem
            y = d["y"] if "y" in d else load(stem.split("_")[0] if not stem.startswith("fashion") else "fashion_mnist").target
            seed = int(stem.rsplit("_", 1)[1]) if stem.rsplit("_", 1)[1].isdigit() else 0
            kind = stem.rsplit("_", 1)[0]
            rows.setdefault(kind, []).append(compare(stem, d["Z"], y, (seed,), kind))
    print("\nmeans per kind")
    for kind, r in rows.items():
        a, b = np.mean([x[0] for x in r], 0), np.mean([x[1] for x in r], 0)
        print(f"{kind:24s} {len(r):3d}  {' / '.join(f'{v:.3f}' for v in a)}   {' / '.join(f'{v:.3f}' for v in b)}")
