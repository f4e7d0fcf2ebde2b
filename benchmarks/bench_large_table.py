"""The narrow-table start on many rows: :func:`~skdeepcluster.mixture.mixture_clustering`
(and optionally an estimator built with ``n_clusters`` alone) next to k-means.

Prints ACC / NMI / ARI, CPU and wall seconds, and the process's peak
resident memory, on one of:

* ``blobs``: ``--rows`` Gaussian blobs in 20 dimensions, 10 centres in
  ``(-3, 3)**20``, overlapping (``cluster_std=3``: k-means ACC about 0.78),
  standardised;
* ``separated``: blobs with centres in ``(-10, 10)**20`` and
  ``cluster_std=0.5`` (the rows' graph falls apart into the 10 blobs);
* a CSV file in the layout of ``benchmarks/results/compare_v03/mixture_start/export.R``
  (a header, numeric columns, the class last; e.g. mlbench's Shuttle,
  58,000 x 9), standardised.

Run from the repository root, one configuration per process (the peak
memory is the process's)::

    OMP_NUM_THREADS=1 python benchmarks/bench_large_table.py blobs --rows 200000
    OMP_NUM_THREADS=1 python benchmarks/bench_large_table.py /tmp/mlbench/Shuttle.csv --method depict
"""

import argparse
import resource
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.preprocessing import StandardScaler

from skdeepcluster.__main__ import METHODS
from skdeepcluster.metrics import clustering_report
from skdeepcluster.mixture import mixture_clustering


def load(source, rows, seed):
    """``(X, y, n_clusters)`` of ``source``, standardised."""
    if source in ("blobs", "separated"):
        std, box = (3.0, 3.0) if source == "blobs" else (0.5, 10.0)
        X, y = make_blobs(rows, 20, centers=10, cluster_std=std, center_box=(-box, box),
                          random_state=seed)
    else:
        with open(source) as handle:
            n_columns = len(handle.readline().split(","))
        X = np.loadtxt(source, delimiter=",", skiprows=1, usecols=range(n_columns - 1))
        classes = np.loadtxt(source, delimiter=",", skiprows=1, usecols=[n_columns - 1], dtype=str)
        y = np.unique(classes, return_inverse=True)[1]
    return StandardScaler().fit_transform(X), y, len(np.unique(y))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help='"blobs", "separated" or a CSV file')
    parser.add_argument("--rows", type=int, default=200_000, help="rows of the generated blobs")
    parser.add_argument("--method", default="mixture", choices=["mixture", "kmeans", *sorted(METHODS)])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    X, y, k = load(args.source, args.rows, args.seed)
    wall, cpu = time.perf_counter(), time.process_time()
    if args.method == "mixture":
        labels = mixture_clustering(X, k, random_state=args.seed)
    elif args.method == "kmeans":
        labels = KMeans(k, n_init=10, random_state=args.seed).fit_predict(X)
    else:
        labels = METHODS[args.method](k, random_state=args.seed).fit(X).labels_
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scores = " ".join(f"{name} {value:.3f}" for name, value in clustering_report(y, labels).items())
    print(f"{args.source} {X.shape[0]}x{X.shape[1]} k={k} {args.method} seed {args.seed}: {scores}  "
          f"CPU {cpu:.1f} s  wall {wall:.1f} s  peak RSS {peak:.0f} MiB", flush=True)


if __name__ == "__main__":
    main()
