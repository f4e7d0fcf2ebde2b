"""Exploratory (issue 14, goal 4): how far EM of the narrow tables' Gaussian
mixture (:func:`skdeepcluster.mixture.mixture_clustering`) should run. For
each standardised table of ``tables.py`` (all but Shuttle, the full
LetterRecognition and the unscaled copies) and seeds 0-2: the best of 10
k-means runs, then EM of a full-covariance mixture started from its
partition (as the package does) stopped at four tolerances on the mean
log-likelihood gain of a row, with an iteration cap; prints the mean ACC,
iterations and CPU seconds of each. ``draws`` instead fits
``mixture_clustering`` itself (random_state 0-2) on nine draws of Breiman's
waveform generator (the test suite's ``_waveforms``); ``ties`` prints each
table's tied fraction (``tied_fraction``: how many values repeat their
column's most common value within their k-means cluster) with the ACC of
k-means and of EM from it, and the same for five draws of biopsy-like
scores (``scores``), a rule that was tried and dropped::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/em_tol.py /tmp/mlbench > em_tol.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/em_tol.py draws > em_tol_draws.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/em_tol.py /tmp/mlbench ties > ties.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "tests"))
import tables  # noqa: E402
from skdeepcluster import mixture  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

#: (tol, max_iter): scikit-learn's defaults first.
SETTINGS = [(1e-3, 100), (1e-4, 100), (1e-5, 300), (1e-6, 1000)]


def em_runs(folder):
    print("mean ACC (EM iterations, CPU s) over seeds 0-2 per (tol, max_iter):", SETTINGS, flush=True)
    for name, X, y in tables.mixture_tables(folder):
        X = StandardScaler().fit_transform(X).astype(np.float64)
        k = len(np.unique(y))
        runs = []
        for seed in (0, 1, 2):
            kmeans = KMeans(k, n_init=10, random_state=seed).fit(X)
            row = []
            for tol, max_iter in SETTINGS:  # the package's own EM under each stopping rule
                mixture.MIXTURE_TOL, mixture.MIXTURE_MAX_ITER = tol, max_iter
                start = time.process_time()
                try:
                    gmm = mixture._em_from_partition(X, kmeans.labels_, k, seed)
                    row.append((clustering_report(y, gmm.predict(X))["ACC"], gmm.n_iter_,
                                time.process_time() - start))
                except (ValueError, np.linalg.LinAlgError):  # the package falls back to k-means
                    row.append((clustering_report(y, kmeans.labels_)["ACC"], -1, 0.0))
            runs.append(row)
        mean = np.mean(runs, axis=0)
        print(f"{name:26s} " + "  ".join(f"tol {t:.0e}: {a:.3f} ({i:.0f} it, {c:.2f} s)"
                                         for (t, _), (a, i, c) in zip(SETTINGS, mean)), flush=True)


def tied_fraction(X, labels):
    """The fraction of the values of ``X`` that repeat the most common value
    of their column within their cluster (``labels``)."""
    tied = 0
    for cluster in np.unique(labels):
        for column in X[labels == cluster].T:
            tied += np.unique(column, return_counts=True)[1].max()
    return tied / X.size


def scores(seed):
    """Two classes of nine scores 1-10, as in MASS's biopsy: 450 rows mostly
    1 (each score 1 with probability 0.75, else 1-3) and 240 spread ones."""
    rng = np.random.RandomState(seed)
    low = np.where(rng.uniform(size=(450, 9)) < 0.75, 1, rng.randint(1, 4, size=(450, 9)))
    high = np.clip(rng.randint(3, 11, size=(240, 1)) + rng.randint(-2, 3, size=(240, 9)), 1, 10)
    return np.vstack([low, high]).astype(np.float64), np.repeat([0, 1], [450, 240])


def ties(folder):
    print("per table: the tied fraction of the best of 10 k-means runs (seed 0), the ACC of those k-means"
          " labels and of EM run to convergence from them", flush=True)
    for name, X, y in tables.mixture_tables(folder):
        X = StandardScaler().fit_transform(X).astype(np.float64)
        k = len(np.unique(y))
        kmeans = KMeans(k, n_init=10, random_state=0).fit(X)
        try:
            em = mixture._em_from_partition(X, kmeans.labels_, k, 0).predict(X)
        except (ValueError, np.linalg.LinAlgError):
            em = kmeans.labels_
        print(f"{name:26s} tied {tied_fraction(X, kmeans.labels_):.2f}  k-means "
              f"{clustering_report(y, kmeans.labels_)['ACC']:.3f}  EM {clustering_report(y, em)['ACC']:.3f}",
              flush=True)
    for seed in range(5):
        X, y = scores(seed)
        X = StandardScaler().fit_transform(X)
        kmeans = KMeans(2, n_init=10, random_state=0).fit(X)
        em = mixture._em_from_partition(X, kmeans.labels_, 2, 0).predict(X)
        print(f"scores draw {seed}               tied {tied_fraction(X, kmeans.labels_):.2f}  k-means "
              f"{clustering_report(y, kmeans.labels_)['ACC']:.3f}  EM {clustering_report(y, em)['ACC']:.3f}",
              flush=True)


def draws():
    from test_mixture import _waveforms
    print("waveform draws: ACC of mixture_clustering, random_state 0-2, and its CPU s", flush=True)
    for n in (1000, 1500, 3000):
        for seed in range(3):
            X, y = _waveforms(n, seed)
            start = time.process_time()
            accs = [clustering_report(y, mixture.mixture_clustering(X, 3, random_state=r))["ACC"] for r in range(3)]
            print(f"n={n} draw {seed}: " + " ".join(f"{a:.3f}" for a in accs)
                  + f"  {time.process_time() - start:.2f} s", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "draws":
        draws()
    elif len(sys.argv) > 2 and sys.argv[2] == "ties":
        ties(sys.argv[1])
    else:
        em_runs(sys.argv[1])
