"""Estimating the number of clusters: the rule of ``n_clusters="auto"`` and its peers.

For each set of the suite of issue 15 (pretrained embeddings of DEPICT, DAMIC
and DiscriminativeLatentClustering on the digits and the Fashion-MNIST test
split, the raw digits, iris, wine, breast cancer, the FCPS sets and Gaussian
blobs of unequal sizes in 30 dimensions), prints the true number of clusters
and the number found by

- ``ratio``: :func:`skdeepcluster.estimate_n_clusters` (the rule of
  ``n_clusters="auto"``: largest ratio of consecutive Laplacian eigenvalues);
- ``gap``: the classical eigengap on the same eigenvalues (a loser);
- ``sil``: the best silhouette of k-means over 2..max_clusters (peer);
- ``dpgmm``: scikit-learn's BayesianGaussianMixture with a Dirichlet-process
  prior and max_clusters components, counting components with >= 1% of the
  samples (peer);
- ``umap+hdb``: HDBSCAN on a 10-d UMAP embedding (peer, with ``--umap``;
  noise is not counted as a cluster);

and, on the labelled sets, ACC / NMI of spectral clustering
(:func:`skdeepcluster.graph.spectral_clustering`) of the set with the
estimated k next to the true k.

Run: ``OMP_NUM_THREADS=1 python benchmarks/bench_auto_k.py [--umap]``
(about 11 minutes on one busy core, most of it the peers on the 10,000
Fashion-MNIST rows). The pretrained embeddings are read from
``--embeddings`` (default ``/work/exp``): files ``Z_<set>_<method>_0.npz``
with arrays Z (the embedding each method clusters after pretraining, default
parameters, random_state=0) and y (the labels), captured outside the
repository; sets whose files are absent are skipped.
"""

import argparse
import glob
import os
import time
import warnings

import numpy as np
from sklearn.cluster import HDBSCAN, KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score
from sklearn.mixture import BayesianGaussianMixture
from sklearn.preprocessing import StandardScaler

from skdeepcluster import estimate_n_clusters
from skdeepcluster.autok import laplacian_eigenvalues
from skdeepcluster.datasets import load_dataset
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report

FCPS_DIR = "/usr/share/pyclustering/samples/samples/fcps"
FCPS = dict(Atom=2, Chainlink=2, EngyTime=2, GolfBall=1, Hepta=7, Lsun=3, Target=6, Tetra=4,
            TwoDiamonds=2, WingNut=2)
BLOB_KS = (3, 5, 8, 12, 20)


def suite(embeddings):
    """``(name, X, y or None, true k)`` for every set found."""
    for path in sorted(glob.glob(os.path.join(embeddings, "Z_*_0.npz"))):
        data = np.load(path)
        yield os.path.basename(path)[2:-6], data["Z"], data["y"], len(np.unique(data["y"]))
    digits = load_dataset("digits")
    yield "digits (raw)", digits.data / 16.0, digits.target, 10
    for name in ("iris", "wine", "breast_cancer"):
        data = load_dataset(name)
        yield name, StandardScaler().fit_transform(data.data), data.target, len(np.unique(data.target))
    for name, k in FCPS.items():
        path = os.path.join(FCPS_DIR, f"{name}.data")
        if os.path.exists(path):
            yield f"FCPS {name}", np.loadtxt(path), None, k
    for k in BLOB_KS:
        rng = np.random.RandomState(k)
        sizes = rng.randint(30, 300, size=k)
        X, y = make_blobs(sizes, n_features=30, cluster_std=rng.uniform(0.5, 2.0, k),
                          center_box=(-10, 10), random_state=k)
        yield f"blobs k={k}", X, y, k


def eigengap(X, max_clusters):
    eigenvalues = laplacian_eigenvalues(X, max_clusters + 1, random_state=0)
    return int(np.argmax(np.diff(eigenvalues))) + 1


def silhouette_sweep(X, max_clusters):
    best, best_k = -2.0, 2
    for k in range(2, max_clusters + 1):
        labels = KMeans(k, n_init=3, random_state=0).fit_predict(X)
        score = silhouette_score(X, labels, sample_size=min(3000, len(X)), random_state=0)
        if score > best:
            best, best_k = score, k
    return best_k


def dp_gmm(X, max_clusters):
    X = StandardScaler().fit_transform(X)
    model = BayesianGaussianMixture(
        n_components=max_clusters, weight_concentration_prior_type="dirichlet_process",
        covariance_type="full" if X.shape[1] <= 20 else "diag", max_iter=300, random_state=0,
    ).fit(X)
    return int((np.bincount(model.predict(X)) >= 0.01 * len(X)).sum())


def umap_hdbscan(X):
    import umap  # optional

    Z = umap.UMAP(n_components=10, random_state=0, n_jobs=1).fit_transform(X)
    labels = HDBSCAN(min_cluster_size=max(5, len(X) // 100)).fit_predict(Z)
    return int(np.unique(labels[labels >= 0]).size)


def scores(X, y, k):
    if y is None:
        return "     -     -"
    if k == 1:
        labels = np.zeros(len(X), dtype=int)
    else:
        labels = spectral_clustering(X, k, random_state=0)
    report = clustering_report(y, labels)
    return f"{report['ACC']:6.3f}{report['NMI']:6.3f}"


def fit_estimators(embeddings, names, methods):
    """Each estimator with its defaults and n_clusters="auto" on the named
    sets: the k it finds, ACC with it, and the fit time."""
    import skdeepcluster

    print("estimators, defaults + n_clusters='auto', random_state=0")
    print(f"{'set':<16}{'true':>5}" + "".join(f"{m[:12]:>22}" for m in methods))
    for name, X, y, k in suite(embeddings):
        if name not in names:
            continue
        cells = []
        for method in methods:
            start = time.perf_counter()
            model = getattr(skdeepcluster, method)(n_clusters="auto", random_state=0,
                                                   device="cpu").fit(X)
            seconds = time.perf_counter() - start
            acc = clustering_report(y, model.labels_)["ACC"] if y is not None else float("nan")
            cells.append(f"k={model.n_clusters_:<3d} ACC {acc:5.3f} {seconds:4.0f}s")
        print(f"{name:<16}{k:>5}" + "".join(f"{c:>22}" for c in cells), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", default="/work/exp")
    parser.add_argument("--max-clusters", type=int, default=50)
    parser.add_argument("--umap", action="store_true", help="add the UMAP + HDBSCAN peer")
    parser.add_argument("--fit", nargs="*", metavar="SET",
                        help="instead, fit the estimators with n_clusters='auto' on these sets")
    parser.add_argument("--methods", nargs="*", default=[
        "DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"])
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    if args.fit:
        fit_estimators(args.embeddings, set(args.fit), args.methods)
        return
    columns = ["ratio", "gap", "sil", "dpgmm"] + (["umap+hdb"] if args.umap else [])
    print(f"max_clusters={args.max_clusters}; ACC/NMI: spectral clustering with the true k "
          "and with the k of 'ratio'")
    print(f"{'set':<34}{'n':>6}{'true':>5}" + "".join(f"{c:>9}" for c in columns)
          + f"{'ACC@k':>8}{'NMI@k':>6}{'ACC@est':>9}{'NMI@est':>8}{'s/ratio':>8}")
    exact = {c: 0 for c in columns}
    near = {c: 0 for c in columns}
    n_sets = 0
    for name, X, y, k in suite(args.embeddings):
        X = np.asarray(X, dtype=np.float64)
        K = min(args.max_clusters, len(X) // 2)
        start = time.perf_counter()
        found = {"ratio": estimate_n_clusters(X, K, random_state=0)}
        seconds = time.perf_counter() - start
        found["gap"] = eigengap(X, K)
        found["sil"] = silhouette_sweep(X, K)
        found["dpgmm"] = dp_gmm(X, K)
        if args.umap:
            found["umap+hdb"] = umap_hdbscan(X)
        n_sets += 1
        for c in columns:
            exact[c] += found[c] == k
            near[c] += abs(found[c] - k) <= 1
        print(f"{name:<34}{len(X):>6}{k:>5}" + "".join(f"{found[c]:>9}" for c in columns)
              + f"  {scores(X, y, k)}   {scores(X, y, found['ratio'])}{seconds:8.2f}", flush=True)
    print(f"{'exact k (of ' + str(n_sets) + ')':<45}" + "".join(f"{exact[c]:>9}" for c in columns))
    print(f"{'within +-1':<45}" + "".join(f"{near[c]:>9}" for c in columns))


if __name__ == "__main__":
    main()
