"""Exploratory, after ``narrow_embeddings.py``: EM of a full-covariance
Gaussian mixture started from the spectral partition (rather than from
k-means), on the measured tables and synthetic sets of ``narrow_starts.py``
and the principal components of ``narrow_embeddings.py``, seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/spectral_em.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/spectral_em.txt
"""
import sys, warnings

warnings.filterwarnings("ignore")
from sklearn.mixture import GaussianMixture
from narrow_starts import _parameters, run, separated_pieces, spectral_clustering  # noqa: E402
from narrow_starts2 import gmm_km10  # noqa: E402


def spectral_em(X, k, seed):
    pieces = separated_pieces(X, k)
    if pieces is not None:
        return pieces
    labels = spectral_clustering(X, k, random_state=seed)
    w, mu, prec = _parameters(X, labels, "full")
    return GaussianMixture(k, covariance_type="full", random_state=seed, weights_init=w, means_init=mu,
                           precisions_init=prec).fit(X).predict(X)


run({"spectral": lambda X, k, s: spectral_clustering(X, k, random_state=s),
     "km10-full": lambda X, k, s: gmm_km10(X, k, s, ("full",)),
     "spectral-em": spectral_em}, sys.argv[1],
    ["iris", "wine", "breast_cancer", "wide blobs std=2.5", "wide blobs std=3.5", "make_classification sep=0.5",
     "make_classification sep=2.0", "Fashion-MNIST PCA 20", "Simple06", "unequal 3-D blobs", "Glass",
     "Ionosphere", "Vehicle", "Vowel", "PimaIndiansDiabetes", "Zoo", "Satellite"])
