"""Which start of DiscriminativeLatentClustering's pretrained codes is better, and can a graph tell?

Pretrains ``DiscriminativeLatentClustering(n_clusters, random_state=SEED,
**PARAMS)`` on a data set of ``benchmarks/compare.py`` (or reuses the
network that ``benchmarks/ddlsc_phases.py --cache DIR`` saved for the same
data set, seed and pretraining parameters), then clusters the normalised
codes with the two shared starts, k-means (the estimator's ``init``
default) and spectral clustering of a 15-nearest-neighbour graph, and
prints each start's ACC / NMI with the normalised cut of that graph of the
codes (:func:`~skdeepcluster.graph.normalized_cut`, the criterion by which
spectral clustering picks among its roundings). Both starts are drawn
with the estimator's own random stream, so the k-means one is the fit's
start with ``init="kmeans"`` and the spectral one its start with
``init="spectral"``. Run from the repository root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/ddlsc_start_probe.py digits 0 '{}' --cache /tmp/ddlsc_cache

``--neighbors 3,5,30`` also prints spectral clustering of the codes with
those numbers of neighbours (the start uses 15); ``--confusion`` prints
each start's contingency table (rows: classes, columns: clusters).
"""

import json
import sys
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics.cluster import contingency_matrix

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import load  # noqa: E402
from ddlsc_phases import use_cached_pretraining  # noqa: E402
from skdeepcluster import DiscriminativeLatentClustering  # noqa: E402
from skdeepcluster.base import initial_clustering  # noqa: E402
from skdeepcluster.graph import (  # noqa: E402
    SPECTRAL_NEIGHBORS,
    connectivity_graph,
    normalized_cut,
    spectral_clustering,
)
from skdeepcluster.metrics import clustering_report  # noqa: E402


def main(argv):
    name, seed, params = argv[0], int(argv[1]), json.loads(argv[2])
    cache = Path(argv[argv.index("--cache") + 1])
    torch.set_num_threads(1)
    use_cached_pretraining(cache, name, seed, params)
    data = load(name)
    X, y = data.data, data.target
    model = DiscriminativeLatentClustering(
        data.n_clusters, random_state=seed, **{**params, "n_epochs": 0, "init": "kmeans"})
    model.fit(X)
    codes = model.transform(X).astype(np.float64)
    graph = connectivity_graph(codes, SPECTRAL_NEIGHBORS)
    for init in ("kmeans", "spectral"):
        # The fit's stream: two seeds for its generators, then the start's.
        random_state = np.random.RandomState(seed)
        random_state.randint(np.iinfo(np.int32).max, size=2)
        labels = initial_clustering(codes, data.n_clusters, init, random_state)
        scores = clustering_report(y, labels)
        print(f"{name} seed {seed} {params} start {init}: {scores['ACC']:.3f} / "
              f"{scores['NMI']:.3f}, ncut {normalized_cut(graph, labels):.4f}", flush=True)
        if "--confusion" in argv:
            print(contingency_matrix(y, labels), flush=True)
    if "--neighbors" in argv:
        for n_neighbors in map(int, argv[argv.index("--neighbors") + 1].split(",")):
            labels = spectral_clustering(codes, data.n_clusters, n_neighbors=n_neighbors,
                                         random_state=seed)
            scores = clustering_report(y, labels)
            print(f"{name} seed {seed} {params} spectral, {n_neighbors} neighbours: "
                  f"{scores['ACC']:.3f} / {scores['NMI']:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
