"""JULEClustering on images: its labels against other clusterings of its own embedding.

Fits ``JULEClustering(n_clusters, image_shape=(1, 28, 28), random_state=SEED,
**PARAMS)`` on a data set of ``benchmarks/compare.py`` and prints the ACC /
NMI / ARI of ``labels_`` (JULE-RC, the default), ``sf_labels_`` (the labels
at which the recurrent process stopped, JULE-SF), and of k-means (10
initialisations), spectral clustering (15 neighbours) and, when umap-learn is
importable, UMAP + GMM (the peer's recipe) on the learned ``embedding_``,
with the CPU seconds of the fit and of each probe. Run from the repository
root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/jule_images_probe.py fashion_mnist 0 '{}'
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import umap_available, umap_embedding  # noqa: E402
from compare import load  # noqa: E402
from skdeepcluster import JULEClustering  # noqa: E402
from skdeepcluster.graph import spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


def main(argv):
    name, seed = argv[0], int(argv[1])
    params = json.loads(argv[2]) if len(argv) > 2 else {}
    torch.set_num_threads(1)
    data = load(name)
    X, y, k = data.data, data.target, data.n_clusters

    def report(what, labels, start):
        scores = clustering_report(y, labels)
        print(f"{what}: {scores['ACC']:.3f} / {scores['NMI']:.3f} / {scores['ARI']:.3f}  "
              f"cpu {time.process_time() - start:.1f}", flush=True)

    start = time.process_time()
    model = JULEClustering(k, image_shape=(1, 28, 28), random_state=seed, **params).fit(X)
    print(f"periods {model.n_periods_}, epochs {model.n_iter_}, initial clusters "
          f"{model.n_initial_clusters_}", flush=True)
    report("labels_ (fit)", model.labels_, start)
    report("sf_labels_", model.sf_labels_, time.process_time())
    Z = model.embedding_.astype(np.float64)
    from sklearn.cluster import KMeans

    start = time.process_time()
    report("k-means of embedding_", KMeans(k, n_init=10, random_state=seed).fit_predict(Z), start)
    start = time.process_time()
    report("spectral of embedding_", spectral_clustering(Z, k, random_state=seed), start)
    if umap_available():
        from sklearn.mixture import GaussianMixture

        start = time.process_time()
        U = umap_embedding(Z, k, seed)
        labels = GaussianMixture(k, covariance_type="full", random_state=seed).fit_predict(U)
        report("UMAP + GMM of embedding_", labels, start)


if __name__ == "__main__":
    main(sys.argv[1:])
