"""Exploratory (issue 14, goal 4): how many k-means runs should start the
narrow tables' Gaussian mixture. For each standardised table of
``tables.mixture_tables`` and six seeds,
:func:`skdeepcluster.mixture.mixture_clustering` itself with its k-means
started from the best of 10, 30 and 100 runs (its ``kmeans_restarts``
replaced by each count); prints the mean ACC, its standard deviation over
the seeds and the mean CPU seconds of each::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/restarts.py /tmp/mlbench > benchmarks/results/compare_v03/narrow_tables/restarts.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402
from skdeepcluster import mixture  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

RUNS = (10, 30, 100)
SEEDS = range(6)


def main(folder):
    print(f"mixture_clustering's ACC, mean +- std over seeds {list(SEEDS)}, and CPU seconds, "
          f"per number of k-means runs {RUNS}", flush=True)
    totals = []
    for name, X, y in tables.mixture_tables(folder):
        X = StandardScaler().fit_transform(X).astype(np.float64)
        k = len(np.unique(y))
        row = []
        for runs in RUNS:
            mixture.kmeans_restarts = lambda *shape, runs=runs: runs
            accuracies, start = [], time.process_time()
            for seed in SEEDS:
                accuracies.append(clustering_report(y, mixture.mixture_clustering(X, k, random_state=seed))["ACC"])
            row.append((np.mean(accuracies), np.std(accuracies), (time.process_time() - start) / len(SEEDS)))
        totals.append(row)
        print(f"{name:26s} " + "  ".join(f"{runs:3d} runs: {a:.3f} +- {s:.3f} ({c:.2f} s)"
                                         for runs, (a, s, c) in zip(RUNS, row)), flush=True)
    mean = np.mean(totals, axis=0)
    print(f"{'mean of ' + str(len(totals)) + ' tables':26s} "
          + "  ".join(f"{runs:3d} runs: {a:.4f} +- {s:.4f} ({c:.2f} s)" for runs, (a, s, c) in zip(RUNS, mean)),
          flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
