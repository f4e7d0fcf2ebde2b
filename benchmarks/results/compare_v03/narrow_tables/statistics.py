"""Exploratory (issue 14, goal 4): statistics of the standardised tables of
``tables.py`` that were tried, and failed, to tell the tables where the
table's own Gaussian mixture is the better start from those where the
methods' codes are. One line per table: its size, the mixture's and
k-means' ACC, the mean ARI of the mixture between seeds ("stab") and
between fits on two halves ("halfstab"), the ARI of the mixture and
k-means, the held-out log-likelihood gain per row of full over diagonal
and spherical covariances, the participation ratio of the correlation
spectrum (and over the number of features), the components holding 90%
of the variance, the mean absolute correlation and the median number of
distinct values of a column::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/statistics.py /tmp/mlbench > statistics.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score as ari
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402
from skdeepcluster.mixture import mixture_clustering  # noqa: E402


def main(folder):
    for name, X, y in tables.mixture_tables(folder):
        X = StandardScaler().fit_transform(X)
        k, (n, d) = len(np.unique(y)), X.shape
        labels = [mixture_clustering(X, k, random_state=s) for s in range(3)]
        stab = np.mean([ari(labels[i], labels[j]) for i, j in ((0, 1), (0, 2), (1, 2))])
        kmeans = KMeans(k, n_init=10, random_state=0).fit(X)
        order = np.random.RandomState(0).permutation(n)
        a, b = X[order[: n // 2]], X[order[n // 2:]]
        gain = {}
        for kind in ("full", "diag", "spherical"):
            try:
                gain[kind] = GaussianMixture(k, covariance_type=kind, random_state=0, reg_covar=1e-6).fit(a).score(b)
            except ValueError:
                gain[kind] = np.nan
        halves = []
        for part in (a, b):
            try:
                halves.append(GaussianMixture(k, covariance_type="full", random_state=0).fit(part).predict(X))
            except ValueError:
                halves.append(kmeans.labels_)
        C = np.nan_to_num(np.corrcoef(X, rowvar=False))
        eig = np.clip(np.linalg.eigvalsh(C), 0, None)
        ratio = eig.sum() ** 2 / (eig ** 2).sum()
        ninety = np.searchsorted(np.cumsum(eig[::-1]) / eig.sum(), 0.9) + 1
        mean_r = np.abs(C[~np.eye(d, dtype=bool)]).mean()
        distinct = np.median([len(np.unique(c)) for c in X.T])
        print(f"{name:26s} n={n:6d} d={d:3d} k={k:2d} mixture {clustering_report(y, labels[0])['ACC']:.3f} "
              f"k-means {clustering_report(y, kmeans.labels_)['ACC']:.3f} stab {stab:.3f} "
              f"halfstab {ari(*halves):.3f} ARI(mixture, k-means) {ari(labels[0], kmeans.labels_):.3f} "
              f"LL full-diag {gain['full'] - gain['diag']:+.2f} full-sph {gain['full'] - gain['spherical']:+.2f} "
              f"PR {ratio:.1f} PR/d {ratio / d:.2f} 90% {ninety} mean|r| {mean_r:.2f} distinct {distinct:.0f}",
              flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
