"""Exploratory (issue 14, goal 4): the narrow tables' mixture with each of
scikit-learn's covariance types, and the type a Bayesian information
criterion (BIC) picks per table. For each standardised table of
``tables.mixture_tables`` and seeds 0-2: the best of 10 k-means runs, then
EM (the package's tolerance and iteration cap, ``MIXTURE_TOL``,
``MIXTURE_MAX_ITER``, ``MIXTURE_REG_COVAR``) started from its partition with
``full`` (the package's), ``diag``, ``tied`` and ``spherical`` covariances;
prints the mean ACC of each, and of the type with the lowest BIC (and the
types picked)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/covariance_types.py /tmp/mlbench > benchmarks/results/compare_v03/narrow_tables/covariance_types.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402
from skdeepcluster import mixture  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

TYPES = ("full", "diag", "tied", "spherical")


class MixtureFromPartition(GaussianMixture):
    """EM started from the clusters ``labels`` (one-hot responsibilities), as
    ``mixture._em_from_partition`` starts it, for any covariance type."""

    def __init__(self, n_components=1, *, covariance_type="full", labels=None, random_state=None):
        super().__init__(n_components, covariance_type=covariance_type, tol=mixture.MIXTURE_TOL,
                         reg_covar=mixture.MIXTURE_REG_COVAR, max_iter=mixture.MIXTURE_MAX_ITER,
                         random_state=random_state)
        self.labels = labels

    def _initialize_parameters(self, X, random_state, xp=None):
        responsibilities = np.zeros((len(X), self.n_components))
        responsibilities[np.arange(len(X)), self.labels] = 1.0
        self._initialize(X, responsibilities)


def main(folder):
    print("mean ACC over seeds 0-2: k-means, EM with each covariance type, the type of lowest BIC",
          flush=True)
    for name, X, y in tables.mixture_tables(folder):
        X = StandardScaler().fit_transform(X).astype(np.float64)
        k = len(np.unique(y))
        scores, picks = [], []
        for seed in (0, 1, 2):
            kmeans = KMeans(k, n_init=mixture.MIXTURE_KMEANS_MIN_INITS, random_state=seed).fit(X)
            row, bics = [clustering_report(y, kmeans.labels_)["ACC"]], []
            for covariance_type in TYPES:
                em = MixtureFromPartition(k, covariance_type=covariance_type, labels=kmeans.labels_,
                                          random_state=seed).fit(X)
                row.append(clustering_report(y, em.predict(X))["ACC"])
                bics.append(em.bic(X))
            pick = int(np.argmin(bics))
            scores.append(row + [row[1 + pick]])
            picks.append(TYPES[pick])
        mean = np.mean(scores, axis=0)
        print(f"{name:26s} k-means {mean[0]:.3f}  "
              + "  ".join(f"{t} {a:.3f}" for t, a in zip(TYPES, mean[1:5]))
              + f"  BIC's {mean[5]:.3f} ({', '.join(picks)})", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
