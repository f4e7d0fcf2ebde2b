"""Exploratory (issue 14, goal 4): the start that DEPICT and DAMIC make on
narrow inputs (at most 62 features, ``init_on="input"``), spectral clustering
today, against Gaussian mixtures of the same rows, on every narrow labelled
set of ``bench_init.py --raw``, scikit-learn's clustering comparison page,
the 3-D blobs of unequal sizes, and the held-out mlbench tables (standardised).
Each mixture is tried after the graph's separated pieces (as the spectral
start does). Seeds 0-2, ACC / NMI / ARI means::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/narrow_starts.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/narrow_starts.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.datasets import make_blobs, make_circles, make_moons
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", ".."))
from probe import load  # noqa: E402
from bench_init import labelled_sets  # noqa: E402
from skdeepcluster.graph import separated_pieces, spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

MLBENCH = ["Glass", "Ionosphere", "Sonar", "Vehicle", "Vowel", "PimaIndiansDiabetes", "Zoo",
           "Satellite", "LetterRecognition"]


def sets(folder):
    for kind, name, X, y in labelled_sets():
        if X.shape[1] <= 62:
            yield kind, name, X, y
    for n in (500, 1500):  # the comparison page's sets (scikit-learn's gallery)
        yield "page", f"noisy circles {n}", *make_circles(n, factor=0.5, noise=0.05, random_state=170)
        yield "page", f"noisy moons {n}", *make_moons(n, noise=0.05, random_state=170)
        X, y = make_blobs(n, random_state=170)
        yield "page", f"aniso {n}", X @ [[0.6, -0.6], [-0.4, 0.8]], y
        yield "page", f"varied {n}", *make_blobs(n, cluster_std=[1.0, 2.5, 0.5], random_state=170)
        yield "page", f"blobs {n}", *make_blobs(n, random_state=8)
    yield "blobs", "unequal 3-D blobs", *make_blobs([50, 100, 200, 400, 800, 1600], n_features=3,
                                                    cluster_std=[0.5, 1, 1.5, 1, 0.8, 2], random_state=3)
    for name in MLBENCH:
        yield "mlbench", name, *load(folder, name)


def gmm(X, k, seed, covariance_type):
    pieces = separated_pieces(X, k)
    if pieces is not None:
        return pieces
    if covariance_type == "bic":
        fits = [GaussianMixture(k, covariance_type=c, random_state=seed).fit(X)
                for c in ("full", "tied", "diag", "spherical")]
        return min(fits, key=lambda m: m.bic(X)).predict(X)
    return GaussianMixture(k, covariance_type=covariance_type, random_state=seed).fit_predict(X)


COVARIANCES = ("full", "tied", "diag", "spherical")


def _parameters(X, labels, covariance_type, reg=1e-4):
    """Weights, means and precisions of the Gaussians of the partition ``labels``."""
    groups = np.unique(labels, return_inverse=True)[1]
    k, d = groups.max() + 1, X.shape[1]
    counts = np.bincount(groups, minlength=k).astype(float)
    means = np.array([X[groups == j].mean(axis=0) for j in range(k)])
    centred = X - means[groups]
    if covariance_type == "tied":
        cov = centred.T @ centred / len(X) + reg * np.eye(d)
        precision = np.linalg.inv(cov)
        return counts / len(X), means, (precision + precision.T) / 2
    covs = [centred[groups == j].T @ centred[groups == j] / counts[j] + reg * np.eye(d) for j in range(k)]
    if covariance_type == "full":
        precisions = np.array([np.linalg.inv(c) for c in covs])
        precisions = (precisions + precisions.transpose(0, 2, 1)) / 2
    elif covariance_type == "diag":
        precisions = 1.0 / np.array([np.diag(c) for c in covs])
    else:
        precisions = 1.0 / np.array([np.trace(c) / d for c in covs])
    return counts / len(X), means, precisions


def gmm_mix(X, k, seed, inits=("kmeans", "spectral")):
    pieces = separated_pieces(X, k)
    if pieces is not None:
        return pieces
    spectral = spectral_clustering(X, k, random_state=seed) if "spectral" in inits else None
    best, best_bic = None, np.inf
    for c in COVARIANCES:
        for init in inits:
            if init == "kmeans":
                m = GaussianMixture(k, covariance_type=c, random_state=seed)
            else:
                if np.bincount(spectral).min() < 2:
                    continue
                w, mu, prec = _parameters(X, spectral, c)
                m = GaussianMixture(k, covariance_type=c, random_state=seed, weights_init=w,
                                    means_init=mu, precisions_init=prec)
            m.fit(X)
            bic = m.bic(X)
            if bic < best_bic:
                best, best_bic = m.predict(X), bic
    return best


CANDIDATES = {
    "spectral": lambda X, k, s: spectral_clustering(X, k, random_state=s),
    "gmm-full": lambda X, k, s: gmm(X, k, s, "full"),
    "gmm-bic": lambda X, k, s: gmm(X, k, s, "bic"),
    "gmm-mix": lambda X, k, s: gmm_mix(X, k, s),
}

def run(candidates, folder, only=None):
    """Print each candidate's scores per set, then the means."""
    print(f"{'kind':12s} {'set':28s} {'n':>6s} {'d':>3s} {'k':>3s}  " +
          "  ".join(f"{c:>22s}" for c in candidates), flush=True)
    means = {}
    for kind, name, X, y in sets(folder):
        if only and name not in only:
            continue
        X = StandardScaler().fit_transform(np.asarray(X, dtype=np.float64)) if kind != "mlbench" else X.astype(np.float64)
        k = len(np.unique(y))
        cells = []
        for cand, fn in candidates.items():
            scores, t = [], time.process_time()
            for seed in (0, 1, 2):
                r = clustering_report(y, fn(X, k, seed))
                scores.append((r["ACC"], r["NMI"], r["ARI"]))
            m = np.mean(scores, axis=0)
            means.setdefault(cand, []).append(m)
            cells.append(f"{m[0]:.3f}/{m[1]:.3f}/{m[2]:.3f} {(time.process_time() - t) / 3:5.1f}s")
        print(f"{kind:12s} {name:28s} {len(X):6d} {X.shape[1]:3d} {k:3d}  " + "  ".join(cells), flush=True)
    print("mean over the sets (ACC / NMI / ARI):")
    for cand, rows in means.items():
        print(f"  {cand:10s} {' / '.join(f'{v:.3f}' for v in np.mean(rows, axis=0))}  ({len(rows)} sets)")


if __name__ == "__main__":
    run(CANDIDATES, sys.argv[1], sys.argv[2].split(",") if len(sys.argv) > 2 else None)
