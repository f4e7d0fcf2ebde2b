"""Exploratory, after ``narrow_starts.py``: Gaussian mixtures whose EM starts
from the best of 10 k-means runs (rather than scikit-learn's single k-means
run), full covariances, or the covariance type of lowest BIC; on the sets
of ``narrow_starts.py`` (argument 2: a comma-separated subset)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/narrow_starts2.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/narrow_starts2.txt
"""
import sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
from narrow_starts import _parameters, gmm  # noqa: E402
from narrow_starts import run, separated_pieces  # noqa: E402


def gmm_km10(X, k, seed, covariance_types):
    pieces = separated_pieces(X, k)
    if pieces is not None:
        return pieces
    labels = KMeans(k, n_init=10, random_state=seed).fit_predict(X)
    best, best_bic = None, np.inf
    for c in covariance_types:
        w, mu, prec = _parameters(X, labels, c)
        m = GaussianMixture(k, covariance_type=c, random_state=seed, weights_init=w, means_init=mu,
                            precisions_init=prec).fit(X)
        bic = m.bic(X) if len(covariance_types) > 1 else 0.0
        if bic < best_bic:
            best, best_bic = m.predict(X), bic
    return best


if __name__ == "__main__":
    run({"gmm-full": lambda X, k, s: gmm(X, k, s, "full"),
         "km10-full": lambda X, k, s: gmm_km10(X, k, s, ("full",)),
         "km10-bic": lambda X, k, s: gmm_km10(X, k, s, ("full", "tied", "diag", "spherical"))},
        sys.argv[1], sys.argv[2].split(",") if len(sys.argv) > 2 else None)
