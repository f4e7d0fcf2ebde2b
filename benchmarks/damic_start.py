"""How good a start DAMIC's pretrained single autoencoder gives, by seed
(``doc/results.rst``, :ref:`results_damic_digits`)::

    OMP_NUM_THREADS=1 python benchmarks/damic_start.py digits 0,1,2 '{"pretrain_noise": 0.2}'

The third argument is DAMICClustering's parameters as JSON. The single
autoencoder is pretrained as in a fit (the later phases are skipped) and
its codes are clustered by spectral clustering with 10, 15, 20 and 40
neighbours (``init="auto"`` is 15; each seeded by the fit's seed), by
k-means (20 initialisations), and by a consensus of eight spectral
clusterings (10, 15, 20 and 40 neighbours, two seeds each): spectral
clustering of the matrix of the shares of those clusterings in which two
samples are together (a dense matrix: only up to ``MAX_CONSENSUS``
samples). It prints ACC / NMI per seed, then the means.
"""
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.manifold import spectral_embedding
from sklearn.metrics import normalized_mutual_info_score as nmi

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import torch  # noqa: E402

from compare import load  # noqa: E402
from skdeepcluster import DAMICClustering  # noqa: E402
from skdeepcluster.graph import spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_accuracy  # noqa: E402

NEIGHBORS = (10, 15, 20, 40)
MAX_CONSENSUS = 5_000


class _Keep(ClusterMixin, BaseEstimator):
    """An ``init`` that keeps the codes it is given (and returns one cluster)."""

    kept = []

    def fit_predict(self, X, y=None):
        _Keep.kept.append(np.asarray(X, dtype=np.float64).copy())
        return np.zeros(len(X), dtype=int)


def consensus(label_sets, k, seed):
    """Spectral clustering of the co-association matrix of ``label_sets``."""
    onehot = np.concatenate([np.eye(k)[labels] for labels in label_sets], axis=1)
    together = onehot @ onehot.T / len(label_sets)
    vectors = spectral_embedding(together, n_components=k, random_state=seed)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return KMeans(k, n_init=10, random_state=seed).fit_predict(vectors)


def main():
    name, seeds = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
    params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    warnings.filterwarnings("ignore")
    torch.set_num_threads(1)
    data = load(name)
    X, y, k = data.data, data.target, data.n_clusters
    means = {}
    for seed in seeds:
        _Keep.kept.clear()
        start = time.process_time()
        DAMICClustering(k, init=_Keep(), random_state=seed, n_epochs=0,
                        n_cluster_pretrain_epochs=0, **params).fit(X)
        cpu = time.process_time() - start
        Z = _Keep.kept[0]
        labels = {f"spectral{n}": spectral_clustering(Z, k, n_neighbors=n, random_state=seed)
                  for n in NEIGHBORS}
        labels["kmeans"] = KMeans(k, n_init=20, random_state=seed).fit_predict(Z)
        if len(Z) <= MAX_CONSENSUS:
            extra = [spectral_clustering(Z, k, n_neighbors=n, random_state=seed + 10)
                     for n in NEIGHBORS]
            labels["consensus8"] = consensus(
                [*(labels[f"spectral{n}"] for n in NEIGHBORS), *extra], k, seed)
        cells = []
        for method, lab in labels.items():
            score = (clustering_accuracy(y, lab), nmi(y, lab))
            means.setdefault(method, []).append(score)
            cells.append(f"{method} {score[0]:.3f}/{score[1]:.3f}")
        print(f"{name} seed {seed} pretraining {cpu:.1f} s CPU: " + "  ".join(cells), flush=True)
    print(f"{name} {params} mean of {len(seeds)}: " + "  ".join(
        f"{m} {np.mean(v, 0)[0]:.3f}/{np.mean(v, 0)[1]:.3f}" for m, v in means.items()), flush=True)


if __name__ == "__main__":
    main()
