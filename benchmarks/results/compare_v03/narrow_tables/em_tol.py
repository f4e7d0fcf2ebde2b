"""Exploratory (issue 14, goal 4): how far EM of the narrow tables' Gaussian
mixture (:func:`skdeepcluster.mixture.mixture_clustering`) should run. For
each standardised table of ``tables.py`` (all but Shuttle, the full
LetterRecognition and the unscaled copies) and seeds 0-2: the best of 10
k-means runs, then EM of a full-covariance mixture started from its
partition (as the package does) stopped at four tolerances on the mean
log-likelihood gain of a row, with an iteration cap; prints the mean ACC,
iterations and CPU seconds of each. ``draws`` instead fits
``mixture_clustering`` itself (random_state 0-2) on nine draws of Breiman's
waveform generator (the test suite's ``_waveforms``)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/em_tol.py /tmp/mlbench > em_tol.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/em_tol.py draws > em_tol_draws.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
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
    for name, X, y in tables.sets(folder):
        if "shipped" in name or name.startswith("Shuttle") or name == "LetterRecognition":
            continue
        X = StandardScaler().fit_transform(X).astype(np.float64)
        k = len(np.unique(y))
        runs = []
        for seed in (0, 1, 2):
            kmeans = KMeans(k, n_init=10, random_state=seed).fit(X)
            weights, means, precisions = mixture._gaussians_of(X, kmeans.labels_, k)
            row = []
            for tol, max_iter in SETTINGS:
                start = time.process_time()
                try:
                    gmm = GaussianMixture(k, covariance_type="full", reg_covar=mixture.MIXTURE_REG_COVAR,
                                          weights_init=weights, means_init=means, precisions_init=precisions,
                                          random_state=seed, tol=tol, max_iter=max_iter).fit(X)
                    row.append((clustering_report(y, gmm.predict(X))["ACC"], gmm.n_iter_,
                                time.process_time() - start))
                except (ValueError, np.linalg.LinAlgError):  # the package falls back to k-means
                    row.append((clustering_report(y, kmeans.labels_)["ACC"], -1, 0.0))
            runs.append(row)
        mean = np.mean(runs, axis=0)
        print(f"{name:26s} " + "  ".join(f"tol {t:.0e}: {a:.3f} ({i:.0f} it, {c:.2f} s)"
                                         for (t, _), (a, i, c) in zip(SETTINGS, mean)), flush=True)


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
    draws() if sys.argv[1] == "draws" else em_runs(sys.argv[1])
