"""Exploratory (issue 14, goal 4), tried and dropped: EM of the tables'
Gaussian mixture with each covariance shrunk toward a target (the pooled
within-cluster covariance, its own diagonal, or its own mean variance times
the identity), ``lam * n_features`` pseudo-rows of it, from the best of 10
k-means runs (seed 0), against k-means, the package's mixture and a tied
covariance. One line of ACC per table of ``tables.py``::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/shrinkage.py 0,0.5,1,2 pooled > shrinkage_pooled.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/shrinkage.py 0.5,1,2 diag > shrinkage_diag.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/narrow_tables/shrinkage.py 0.5,1,2 iso > shrinkage_iso.txt
"""
import os, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables  # noqa: E402
from scipy.special import logsumexp
from sklearn.preprocessing import StandardScaler
from sklearn.cluster import KMeans
from sklearn.mixture import GaussianMixture
from skdeepcluster.metrics import clustering_report
from skdeepcluster.mixture import mixture_clustering


def em_shrink(X, labels, k, lam_per_d, iters=100, tol=1e-6, target="pooled"):
    """EM from the partition ``labels`` with shrunk covariances; the labels."""
    n, d = X.shape
    R = np.eye(k)[labels]
    prev = -np.inf
    for _ in range(iters):
        nk = R.sum(0) + 1e-10
        mu = (R.T @ X) / nk[:, None]
        covs = []
        for j in range(k):
            D = X - mu[j]
            covs.append((R[:, j, None] * D).T @ D / nk[j])
        pooled = sum(nk[j] * covs[j] for j in range(k)) / n
        lam = lam_per_d * d
        logp = np.empty((n, k))
        for j in range(k):
            if target == "pooled":
                T = pooled
            elif target == "diag":
                T = np.diag(np.diag(covs[j]))
            else:  # "iso"
                T = np.trace(covs[j]) / d * np.eye(d)
            S = (nk[j] * covs[j] + lam * T) / (nk[j] + lam) + 1e-6 * np.eye(d)
            L = np.linalg.cholesky(S)
            z = np.linalg.solve(L, (X - mu[j]).T)
            logp[:, j] = np.log(nk[j] / n) - 0.5 * (z ** 2).sum(0) - np.log(np.diag(L)).sum() - 0.5 * d * np.log(2 * np.pi)
        ll = logsumexp(logp, 1)
        R = np.exp(logp - ll[:, None])
        if ll.mean() - prev < tol:
            break
        prev = ll.mean()
    return R.argmax(1)

def main(lams, target):
    for name, X, y in tables.mixture_tables("/tmp/mlbench"):
        X = StandardScaler().fit_transform(X).astype(np.float64)
        k = len(np.unique(y))
        km = KMeans(k, n_init=10, random_state=0).fit(X)
        out = [clustering_report(y, km.labels_)["ACC"],
               clustering_report(y, mixture_clustering(X, k, random_state=0))["ACC"]]
        for lam in lams:
            out.append(clustering_report(y, em_shrink(X, km.labels_, k, lam, target=target))["ACC"])
        try:
            tied = GaussianMixture(k, covariance_type="tied", random_state=0, means_init=km.cluster_centers_)
            out.append(clustering_report(y, tied.fit_predict(X))["ACC"])
        except ValueError:
            out.append(np.nan)
        print(f"{name:26s} km {out[0]:.3f} gmm {out[1]:.3f} "
              + " ".join(f"lam{lam:g} {a:.3f}" for lam, a in zip(lams, out[2:-1])) + f" tied {out[-1]:.3f}",
              flush=True)


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1].split(",")], sys.argv[2])
