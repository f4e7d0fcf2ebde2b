"""Exploratory (issue 14, goal 4): on decorrelated narrow inputs, does the
kNN graph's spectrum tell where spectral clustering (the start such inputs
get) cuts real clusters and where the Gaussian mixture should start instead
(mlbench's ringnorm: spectral 0.51, mixture 0.98)? For each set: the
normalised Laplacian's eigenvalues lambda_k and lambda_{k+1} (k the number
of classes) over lambda_2 of the Gaussian reference of the same data
(``autok._reference_spectrum``), and the ACC of spectral clustering, of the
mixture and of k-means, seed 0::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/graph_evidence.py /tmp/mlbench > benchmarks/results/compare_v03/decorrelated/graph_evidence.txt

With a second argument ``tables``, the same statistic on the standardised
tables of ``narrow_tables/tables.py``'s ``mixture_tables`` themselves
(correlated columns, which start from the mixture whatever it says)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/graph_evidence.py /tmp/mlbench tables > benchmarks/results/compare_v03/decorrelated/graph_evidence_tables.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mixture_start"))
sys.path.insert(0, os.path.join(HERE, "..", "narrow_tables"))
sys.path.insert(0, HERE)
from probe import load  # noqa: E402
from tables import mixture_tables  # noqa: E402
from estimators import sets as estimator_sets  # noqa: E402
from skdeepcluster import autok  # noqa: E402
from skdeepcluster.datasets import load_dataset  # noqa: E402
from skdeepcluster.graph import spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_accuracy  # noqa: E402
from skdeepcluster.mixture import columns_decorrelated, mixture_clustering  # noqa: E402


def sets(folder):
    for name in ("Twonorm", "Threenorm", "Ringnorm"):
        yield name, *load(folder, name)
    # The principal components of images of estimators.py.
    for name, X, y in estimator_sets(folder):
        if "PCA" in name:
            yield name, X, y
    fm = load_dataset("fashion_mnist")
    Xf = fm.data.reshape(len(fm.data), -1).astype(np.float64) / 255.0
    yield "FM 10000 PCA 50", PCA(50, random_state=0).fit_transform(Xf[:10000]), fm.target[:10000]
    # Tables of measured variables rotated to their principal components:
    # decorrelated too, where the mixture (affine-invariant) is unchanged.
    for name, X, y in mixture_tables(folder):
        if name not in ("Twonorm", "Threenorm", "Ringnorm"):
            yield f"{name} PCA", PCA(random_state=0).fit_transform(X), y
    for n in (500, 5000):
        for d in (10, 40):
            for kind in ("ring", "two", "three"):
                yield f"{kind}norm {n}x{d}", *breiman(kind, n, d, seed=n + d)


def breiman(kind, n, d, seed):
    """Breiman's twonorm, threenorm and ringnorm generators (mlbench's)."""
    rs = np.random.RandomState(seed)
    y = rs.randint(2, size=n)
    a = 2 / np.sqrt(d)
    X = rs.standard_normal((n, d))
    if kind == "two":
        X += np.where(y[:, None] == 0, a, -a)
    elif kind == "three":
        sign = np.where(rs.rand(n) < 0.5, 1.0, -1.0)[:, None]
        alternating = a * np.where(np.arange(d) % 2 == 0, 1.0, -1.0)
        X += np.where(y[:, None] == 0, sign * a, alternating)
    else:
        X = np.where(y[:, None] == 0, 2 * X, X + 1 / np.sqrt(d))
    return X, y


def main(folder):
    print("lambda_k and lambda_k+1 over the Gaussian reference's lambda_2 (mean of reference seeds 0-2, "
          "their range in brackets); 'shows': autok.graph_shows_clusters (seed 0; its CPU time), which "
          "keeps spectral clustering on decorrelated inputs; ACC of each start, seed 0")
    print(f"{'set':30s} {'n x d':>10s}  k decor  lam_k/ref (range) lam_k+1/ref shows (CPU)  "
          "ACC spectral mixture kmeans")
    for name, X, y in sets(folder):
        X = StandardScaler().fit_transform(X)
        k = len(np.unique(y))
        lam = autok.laplacian_eigenvalues(X, k + 1, random_state=0)
        refs = [autok._reference_spectrum(X, 2, autok.SPECTRAL_NEIGHBORS, np.random.RandomState(s), 0,
                                          "cpu")[1] for s in range(3)]
        ref = np.mean(refs)
        cpu = time.process_time()
        shows = autok.graph_shows_clusters(X, k, random_state=0)
        cpu = time.process_time() - cpu
        acc = [clustering_accuracy(y, f(X)) for f in (
            lambda Z: spectral_clustering(Z, k, random_state=0),
            lambda Z: mixture_clustering(Z, k, random_state=0),
            lambda Z: KMeans(k, n_init=10, random_state=0).fit_predict(Z))]
        print(f"{name:30s} {X.shape[0]:5d}x{X.shape[1]:<4d} {k:2d} {str(columns_decorrelated(X)):5s} "
              f"{lam[k - 1] / ref:9.3f} ({np.ptp(refs) / ref:.3f}) {lam[k] / ref:11.3f} {str(shows):5s} {cpu:4.2f} s  "
              f"{acc[0]:8.3f} {acc[1]:8.3f} {acc[2]:6.3f}", flush=True)


def tables(folder):
    print("lambda_k and lambda_k+1 over the Gaussian reference's lambda_2 (mean of reference seeds 0-2) "
          "on the standardised tables themselves")
    for name, X, y in mixture_tables(folder):
        X = StandardScaler().fit_transform(X)[::-(-len(X) // autok.GRAPH_CLUSTERS_MAX_SAMPLES)]
        k = len(np.unique(y))
        lam = autok.laplacian_eigenvalues(X, k + 1, random_state=0)
        ref = np.mean([autok._reference_spectrum(X, 2, autok.SPECTRAL_NEIGHBORS, np.random.RandomState(s),
                                                 0, "cpu")[1] for s in range(3)])
        print(f"{name:30s} {X.shape[0]:5d}x{X.shape[1]:<4d} {k:2d} {lam[k - 1] / ref:9.3f} {lam[k] / ref:9.3f}",
              flush=True)


if __name__ == "__main__":
    tables(sys.argv[1]) if sys.argv[2:] == ["tables"] else main(sys.argv[1])
