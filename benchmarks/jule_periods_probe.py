"""JULEClustering period by period: what each merge and each period's training do.

Fits ``JULEClustering(n_clusters, random_state=SEED, **PARAMS)`` on a data set
of ``benchmarks/compare.py`` (flat rows unless PARAMS holds ``image_shape``)
and prints, after every merge, the number of clusters, their purity (the
share of samples in their cluster's majority class), NMI, the largest sizes
and the number of clusters of at most 5 samples (with ACC and the classes of
each cluster once ``n_clusters`` remain); after every period, the share of
each sample's 10 nearest neighbours in the learned embedding that have its
class ("kNN10 agree", the input's first), and with ``--km`` the ACC / NMI of
k-means of that embedding. Then ``labels_``, ``sf_labels_`` and the CPU
seconds of the fit. Run from the repository root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/jule_periods_probe.py fashion_mnist 0 '{}' --km

PARAMS may also hold ``"first_rel": c``, which replaces the first period's
merge by graph degree linkage capped at ``c`` times the average size of the
clusters it merges to, and nothing else (the variant measured against the
code before the first period's cap was made relative to its target).
"""

import json
import math
import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.cluster import KMeans
from sklearn.metrics import normalized_mutual_info_score
from sklearn.neighbors import NearestNeighbors

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import load  # noqa: E402
from skdeepcluster import JULEClustering  # noqa: E402
from skdeepcluster.graph import gdl_agglomerative  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


def main(argv):
    name, seed = argv[0], int(argv[1])
    params = json.loads(argv[2]) if len(argv) > 2 and not argv[2].startswith("--") else {}
    with_kmeans = "--km" in argv
    first_rel = params.pop("first_rel", None)
    params = {key: tuple(v) if isinstance(v, list) else v for key, v in params.items()}
    torch.set_num_threads(1)
    data = load(name)
    X, y, k = data.data, data.target, data.n_clusters

    def purity(labels):
        return sum(np.bincount(y[labels == c]).max() for c in np.unique(labels)) / len(labels)

    def describe(Z):
        idx = NearestNeighbors(n_neighbors=11).fit(Z).kneighbors(Z, return_distance=False)[:, 1:]
        text = f"kNN10 agree {(y[idx] == y[:, None]).mean():.3f}"
        if with_kmeans:
            scores = clustering_report(y, KMeans(k, n_init=3, random_state=0).fit_predict(Z))
            text += f", k-means {scores['ACC']:.3f} / {scores['NMI']:.3f}"
        return text

    class Probe(JULEClustering):
        def _merge(self, W, n_target, labels, *args, **kwargs):
            first = kwargs.get("first", args[-1] if len(args) > 1 else False)
            if first and first_rel:
                out = gdl_agglomerative(
                    W, n_target, labels, n_cluster_neighbors=self.k_c, lambda_=self.lambda_,
                    features=args[0], max_size=math.ceil(first_rel * len(labels) / n_target),
                )
            else:
                out = super()._merge(W, n_target, labels, *args, **kwargs)
            sizes = np.sort(np.bincount(out))[::-1]
            print(f"  merge {int(labels.max()) + 1} -> {len(sizes)}: purity {purity(out):.3f}, "
                  f"NMI {normalized_mutual_info_score(y, out):.3f}, largest {sizes[:10].tolist()}, "
                  f"{(sizes <= 5).sum()} of at most 5", flush=True)
            if len(sizes) == k:
                counts = np.zeros((k, k), dtype=int)
                np.add.at(counts, (out, y), 1)
                print(f"  ACC {clustering_report(y, out)['ACC']:.3f}; clusters (size: classes "
                      "with over 100):", [(int(row.sum()), {int(j): int(row[j]) for j in
                                           np.flatnonzero(row > 100)}) for row in counts])
            return out

        def _graph(self, features, n_current=None):
            if n_current is not None:
                print(f"  embedding after period {self.n_periods_}: {describe(np.asarray(features))}",
                      flush=True)
            return super()._graph(features, n_current)

    norms = np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)  # rows with no word: 0
    print(f"input: {describe(X / norms)}", flush=True)
    start = time.process_time()
    model = Probe(k, random_state=seed, **params).fit(X)
    cpu = time.process_time() - start
    print(f"  final embedding: {describe(model.embedding_)}")
    final, sf = clustering_report(y, model.labels_), clustering_report(y, model.sf_labels_)
    print(f"{name} seed {seed} {argv[2:]}: labels_ {final['ACC']:.3f} / {final['NMI']:.3f} / "
          f"{final['ARI']:.3f}, sf_labels_ {sf['ACC']:.3f} / {sf['NMI']:.3f}, "
          f"{model.n_periods_} periods from {model.n_initial_clusters_} chains, CPU {cpu:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
