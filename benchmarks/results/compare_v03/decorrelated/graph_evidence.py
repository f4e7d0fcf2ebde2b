"""Exploratory (issue 14, goal 4): on decorrelated narrow inputs, does the
kNN graph's spectrum tell where spectral clustering (the start such inputs
get) cuts real clusters and where the Gaussian mixture should start instead
(mlbench's ringnorm: spectral 0.51, mixture 0.98)? For each set, scaled as
the estimators scale it: the normalised Laplacian's eigenvalue lambda_k (k
the number of classes) over the same eigenvalue and over lambda_2 of the
Gaussian reference of the same data (``autok._reference_spectrum``), the
verdict of ``autok.graph_shows_clusters`` and the ACC of spectral
clustering, of the mixture and of k-means, seed 0::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/graph_evidence.py /tmp/mlbench > benchmarks/results/compare_v03/decorrelated/graph_evidence.txt

With a second argument ``tables``, the same statistic on the standardised
tables of ``narrow_tables/tables.py``'s ``mixture_tables`` themselves
(correlated columns, which start from the mixture whatever it says)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/graph_evidence.py /tmp/mlbench tables > benchmarks/results/compare_v03/decorrelated/graph_evidence_tables.txt

With ``cosines``, each input's largest absolute correlation and largest
absolute cosine between two columns, as ``mixture.columns_decorrelated``
reads them (the tables of ``narrow_tables/tables.py`` standardised and as
shipped, scikit-learn's three tables raw, and the reduced images and texts
of ``estimators.py``)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/decorrelated/graph_evidence.py /tmp/mlbench cosines > benchmarks/results/compare_v03/decorrelated/cosines.txt
"""
import os, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.cluster import KMeans
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mixture_start"))
sys.path.insert(0, os.path.join(HERE, "..", "narrow_tables"))
sys.path.insert(0, HERE)
from probe import load  # noqa: E402
from tables import mixture_tables, sets as all_tables  # noqa: E402
from estimators import sets as estimator_sets  # noqa: E402
from skdeepcluster import autok  # noqa: E402
from skdeepcluster.base import _ranges_comparable  # noqa: E402
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


def scaled(X):
    """``X`` scaled as the estimators' ``scaling="auto"`` scales such rows:
    by one spread (``"global"``) where the columns' ranges are comparable
    (principal components, Breiman's generators), else standardised."""
    X = X - X.mean(axis=0)
    if _ranges_comparable(X.min(axis=0), X.max(axis=0)):
        return X / np.sqrt(X.var(axis=0)[X.var(axis=0) > 0].mean()), "global"
    return StandardScaler().fit_transform(X), "standard"


def main(folder):
    print("lambda_k over the same eigenvalue of the Gaussian reference (the rule of "
          "autok.graph_shows_clusters) and over its lambda_2 (an alternative tried), means of reference seeds "
          "0-2 (the range of lambda_k's in brackets), the rows scaled as scaling='auto' scales them; 'shows': "
          "graph_shows_clusters (seed 0; its CPU time), which keeps spectral clustering on decorrelated "
          "inputs; ACC of each start, seed 0")
    print(f"{'set':30s} {'n x d':>10s}  k scaling  decor  lam_k/ref_k (range) lam_k/ref_2 shows (CPU)  "
          "ACC spectral mixture kmeans")
    for name, X, y in sets(folder):
        X, scaling = scaled(X)
        k = len(np.unique(y))
        lam = autok.laplacian_eigenvalues(X, k, random_state=0)
        refs = np.array([autok._reference_spectrum(X, k, autok.SPECTRAL_NEIGHBORS, np.random.RandomState(s),
                                                   0, "cpu") for s in range(3)])
        ref = refs.mean(axis=0)
        cpu = time.process_time()
        shows = autok.graph_shows_clusters(X, k, random_state=0)
        cpu = time.process_time() - cpu
        acc = [clustering_accuracy(y, f(X)) for f in (
            lambda Z: spectral_clustering(Z, k, random_state=0),
            lambda Z: mixture_clustering(Z, k, random_state=0),
            lambda Z: KMeans(k, n_init=10, random_state=0).fit_predict(Z))]
        print(f"{name:30s} {X.shape[0]:5d}x{X.shape[1]:<4d} {k:2d} {scaling:8s} {str(columns_decorrelated(X)):5s} "
              f"{lam[k - 1] / ref[k - 1]:11.3f} ({np.ptp(refs[:, k - 1]) / ref[k - 1]:.3f}) "
              f"{lam[k - 1] / ref[1]:11.3f} {str(shows):5s} {cpu:4.2f} s  "
              f"{acc[0]:8.3f} {acc[1]:8.3f} {acc[2]:6.3f}", flush=True)


def tables(folder):
    print("lambda_k over the same eigenvalue and over lambda_2 of the Gaussian reference (means of reference "
          "seeds 0-2) on the standardised tables themselves")
    for name, X, y in mixture_tables(folder):
        X = StandardScaler().fit_transform(X)[::-(-len(X) // autok.GRAPH_CLUSTERS_MAX_SAMPLES)]
        k = len(np.unique(y))
        lam = autok.laplacian_eigenvalues(X, k, random_state=0)
        ref = np.mean([autok._reference_spectrum(X, k, autok.SPECTRAL_NEIGHBORS, np.random.RandomState(s),
                                                 0, "cpu") for s in range(3)], axis=0)
        print(f"{name:30s} {X.shape[0]:5d}x{X.shape[1]:<4d} {k:2d} {lam[k - 1] / ref[k - 1]:9.3f} "
              f"{lam[k - 1] / ref[1]:9.3f}", flush=True)


def largest_off_diagonal(similarity):
    return np.abs(similarity[~np.eye(len(similarity), dtype=bool)]).max()


def cosines(folder):
    print(f"{'set':30s} {'n x d':>10s}  max|corr| max|cos| columns_decorrelated")
    inputs = [(name, X) for name, X, _ in all_tables(folder)]
    inputs += [(f"{f.__name__[5:]} raw", f().data) for f in (load_iris, load_wine, load_breast_cancer)]
    inputs += [(name, X) for name, X, _ in estimator_sets(folder) if "PCA" in name or "SVD" in name
               or "LSA" in name]
    for name, X in inputs:
        Z = X[:, X.std(axis=0) > 0]
        norms = np.linalg.norm(Z, axis=0)
        print(f"{name:30s} {X.shape[0]:5d}x{X.shape[1]:<4d} "
              f"{largest_off_diagonal(np.corrcoef(Z, rowvar=False)):9.3f} "
              f"{largest_off_diagonal(Z.T @ Z / np.outer(norms, norms)):8.3f} {columns_decorrelated(X)}",
              flush=True)


if __name__ == "__main__":
    mode = sys.argv[2] if len(sys.argv) > 2 else "main"
    {"main": main, "tables": tables, "cosines": cosines}[mode](sys.argv[1])
