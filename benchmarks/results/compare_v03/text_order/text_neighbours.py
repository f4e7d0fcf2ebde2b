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
from manpages import load  # noqa: E402

from skdeepcluster.datasets import load_fortunes_tfidf  # noqa: E402
from skdeepcluster.graph import spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law",
          "linux", "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles",
          "sports", "startrek", "tao")


def text_sets():
    yield "fortunes5", *(lambda d: (d.data, d.target))(load_fortunes_tfidf())
    yield "heldout5", *(lambda d: (d.data, d.target))(
        load_fortunes_tfidf(("art", "computers", "education", "politics", "science")))
    yield "fortunes20", *(lambda d: (d.data, d.target))(load_fortunes_tfidf(CATS20))
    yield "man23578", *load(("2", "3", "5", "7", "8"))
    yield "man12358", *load(("1", "2", "3", "5", "8"))


def main():
    neighbours = [int(n) for n in sys.argv[1].split(",")]
    for name, X, y in text_sets():
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
