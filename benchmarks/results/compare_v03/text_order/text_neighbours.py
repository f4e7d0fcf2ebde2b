"""The spectral start of text with 15 and more neighbours: the rows with a value of
three fortunes sets and two sets of manual pages (scaled by their largest value),
spectral clustering (skdeepcluster.graph.spectral_clustering) with each number of
neighbours and seeds 0 and 1, and k-means (10 initialisations, seed 0)::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/text_order/text_neighbours.py 15,30,50
"""
import os
import sys
import warnings

import numpy as np

warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from text_data import SETS, load_set  # noqa: E402

from skdeepcluster.graph import spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


def main():
    neighbours = [int(n) for n in sys.argv[1].split(",")]
    for name in SETS:
        X, y = load_set(name)
        X = X.astype(np.float64)
        keep = np.any(X != 0, axis=1)
        X, y = X[keep] / np.abs(X).max(), y[keep]
        k = len(np.unique(y))

        def report(tag, labels):
            r = clustering_report(y, labels)
            print(f"{name:10s} {tag:22s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f}", flush=True)

        report("k-means", KMeans(k, n_init=10, random_state=0).fit_predict(X))
        for n in neighbours:
            for seed in (0, 1):
                report(f"spectral {n} seed {seed}", spectral_clustering(X, k, n_neighbors=n, random_state=seed))


if __name__ == "__main__":
    main()
