"""Which initial clustering of a pretrained embedding: k-means, GDL or spectral.

DEPICT, DAMIC and DiscriminativeLatentClustering start their clustering
phase from a clustering of the embedding their pretraining learned
(``init``). This script pretrains each of them with its defaults
(``n_clusters`` only; the clustering phase is skipped), keeps the embedding
that ``init`` is given, and clusters it with each candidate: k-means
(k-means++, 20 initialisations), graph degree linkage
(:class:`~skdeepcluster.gdl.GDLClustering` on the L2-normalised rows) and
:func:`~skdeepcluster.graph.spectral_clustering` with several numbers of
neighbours, on the rows as they are and L2-normalised. It prints ACC / NMI
and the CPU seconds of each clustering, then the mean over the embeddings.
Run from the repository root::

    python benchmarks/bench_init.py --datasets digits fashion_mnist --seeds 0 1 2 > out.txt
    python benchmarks/bench_init.py --summarize out.txt > summary.rst

The second command prints the means per data set and method of a first
run's output, as a reStructuredText table. The data are those of
``compare.py`` (its ``load``). With ``--cache DIR`` each pretrained
embedding is saved as ``DIR/<dataset>_<method>_<seed>.npz`` and read from
there by later runs, so that new candidates can be compared without
pretraining again.

``--raw`` compares instead the two roundings of
:func:`~skdeepcluster.graph.spectral_clustering` (plain k-means of the
eigenvectors, and the default that may replace it by a merged
over-segmentation) on labelled sets of other kinds, clustered as they are:
the digits' pixels, the standardised tabular sets, Gaussian blobs of
unequal sizes, overlapping classes (``make_classification``, wide blobs,
Fashion-MNIST's pixels and their 20 principal components), shapes
(moons, circles, anisotropic blobs) and the labelled 2-D sets of
pyclustering's ``simple`` samples, seeds 0-2::

    python benchmarks/bench_init.py --raw > raw.txt
"""

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs, make_classification
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler, normalize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from skdeepcluster import DAMICClustering, DEPICTClustering, DiscriminativeLatentClustering  # noqa: E402
from bench_auto_k import BLOB_KS, shapes_and_subsets, unequal_blobs  # noqa: E402
from compare import PYCLUSTERING_SAMPLES, load  # noqa: E402
from skdeepcluster.gdl import GDLClustering  # noqa: E402
from skdeepcluster.graph import SPECTRAL_OVERSEGMENT, spectral_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

#: Each method with the parameters that skip its clustering phase.
PRETRAIN_ONLY = {
    "depict": (DEPICTClustering, {"n_epochs": 0}),
    "damic": (DAMICClustering, {"n_epochs": 0, "n_cluster_pretrain_epochs": 0}),
    "ddlsc": (DiscriminativeLatentClustering, {"n_epochs": 0}),
}


class _Keep(ClusterMixin, BaseEstimator):
    """An ``init`` that keeps the embedding it is given (and returns one cluster)."""

    kept = []

    def fit_predict(self, X, y=None):
        _Keep.kept.append(np.asarray(X, dtype=np.float32).copy())
        return np.zeros(len(X), dtype=int)


def candidates(k, seed):
    yield "kmeans", lambda Z: KMeans(k, n_init=20, random_state=seed).fit_predict(Z)
    yield "spectral15-plain", lambda Z: spectral_clustering(Z, k, oversegment=(), random_state=seed)
    yield "gdl", lambda Z: GDLClustering(k, l2_normalize=True).fit_predict(Z)
    for n_neighbors in (10, 15, 20, 40):
        yield f"spectral{n_neighbors}", lambda Z, n=n_neighbors: spectral_clustering(
            Z, k, n_neighbors=n, random_state=seed)
        yield f"spectral{n_neighbors}-l2", lambda Z, n=n_neighbors: spectral_clustering(
            normalize(Z), k, n_neighbors=n, random_state=seed)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", nargs="+", default=["digits", "fashion_mnist"])
    parser.add_argument("--methods", nargs="+", default=list(PRETRAIN_ONLY), choices=PRETRAIN_ONLY)
    parser.add_argument("--seeds", nargs="+", type=int, default=[0])
    parser.add_argument("--summarize", metavar="TXT", help="only summarise this earlier output")
    parser.add_argument("--cache", metavar="DIR", help="save and reuse the pretrained embeddings here")
    parser.add_argument("--raw", action="store_true",
                        help="compare the spectral roundings on labelled sets of other kinds")
    args = parser.parse_args(argv)
    if args.summarize:
        summarize(Path(args.summarize).read_text().splitlines())
        return
    if args.raw:
        compare_roundings()
        return
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("ignore", module="sklearn")
    scores = {}
    print(f"{'dataset':14s} {'method':7s} seed {'init':15s}  ACC    NMI    cpu_s")
    for dataset in args.datasets:
        data = load(dataset)
        X = data.data.reshape(len(data.data), -1)
        k = len(np.unique(data.target))
        for method in args.methods:
            for seed in args.seeds:
                Z = pretrained_embedding(X, k, method, seed, dataset, args.cache)
                for name, cluster in candidates(k, seed):
                    start = time.process_time()
                    report = clustering_report(data.target, cluster(Z))
                    cpu = time.process_time() - start
                    scores.setdefault(name, []).append((report["ACC"], report["NMI"]))
                    print(f"{dataset:14s} {method:7s} {seed:4d} {name:15s} {report['ACC']:.3f}  "
                          f"{report['NMI']:.3f}  {cpu:6.1f}", flush=True)
    print(f"\nmean over the {len(next(iter(scores.values())))} embeddings (ACC, NMI; lowest ACC)")
    for name, values in scores.items():
        values = np.array(values)
        print(f"{name:15s} {values[:, 0].mean():.3f}  {values[:, 1].mean():.3f}  {values[:, 0].min():.3f}")


def pretrained_embedding(X, k, method, seed, dataset, cache):
    """The embedding ``method`` hands to ``init`` (from ``cache`` if saved there)."""
    path = Path(cache, f"{dataset}_{method}_{seed}.npz") if cache else None
    if path is not None and path.is_file():
        print(f"# {dataset} {method} seed {seed}: read from {path}", flush=True)
        return np.load(path)["Z"]
    cls, params = PRETRAIN_ONLY[method]
    _Keep.kept.clear()
    start = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cls(n_clusters=k, init=_Keep(), random_state=seed, **params).fit(X)
    print(f"# {dataset} {method} seed {seed}: pretraining {time.process_time() - start:.1f} s CPU",
          flush=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, Z=_Keep.kept[0])
    return _Keep.kept[0]


PYCLUSTERING_SIMPLE = PYCLUSTERING_SAMPLES / "simple"


def labelled_sets():
    """``(kind, name, X, y)``: labelled sets clustered as they are."""
    digits = load("digits")
    yield "images", "digits pixels", digits.data, digits.target
    shared = {name: (X, y) for name, X, y in shapes_and_subsets()}
    for name in ("digits 012", "digits 01234", "digits 3589"):
        yield "images", name, *shared.pop(name)
    for name in ("iris", "wine", "breast_cancer"):
        data = load(name)
        yield "tabular", name, StandardScaler().fit_transform(data.data), data.target
    for k in BLOB_KS:
        yield "blobs", f"unequal blobs k={k}", *unequal_blobs(k)
    for std in (2.5, 3.5):
        X, y = make_blobs(1500, n_features=10, centers=10, cluster_std=std, center_box=(-8, 8),
                          random_state=20)
        yield "overlapping", f"wide blobs std={std}", X, y
    for sep in (0.5, 1.0, 2.0):
        X, y = make_classification(1500, n_features=20, n_informative=10, n_classes=6,
                                   n_clusters_per_class=1, class_sep=sep, random_state=0)
        yield "overlapping", f"make_classification sep={sep}", X, y
    fmnist = load("fashion_mnist")
    X = fmnist.data.reshape(len(fmnist.data), -1)
    yield "overlapping", "Fashion-MNIST pixels", X, fmnist.target
    yield "overlapping", "Fashion-MNIST PCA 20", PCA(20, random_state=0).fit_transform(X), fmnist.target
    for name, (X, y) in shared.items():
        yield "shapes", name, X, y
    for path in sorted(PYCLUSTERING_SIMPLE.glob("*.answer")):
        X = np.loadtxt(path.with_suffix(".data"), ndmin=2)
        y = np.array(path.read_text().split())
        keep = y != "00"  # pyclustering's noise label
        yield "pyclustering", path.stem, X[keep], y[keep]


def compare_roundings():
    """ACC / NMI / ARI of the plain and the default spectral clustering on
    :func:`labelled_sets`, mean of seeds 0-2, and the means per kind."""
    print(f"{'kind':12s} {'set':30s} {'k':>3s}  plain ACC / NMI / ARI   default ACC / NMI / ARI")
    by_kind = {}
    for kind, name, X, y in labelled_sets():
        k = len(np.unique(y))
        scores = {"plain": [], "default": []}
        for seed in (0, 1, 2):
            for rounding, oversegment in (("plain", ()), ("default", SPECTRAL_OVERSEGMENT)):
                labels = spectral_clustering(X, k, oversegment=oversegment, random_state=seed)
                report = clustering_report(y, labels)
                scores[rounding].append([report["ACC"], report["NMI"], report["ARI"]])
        plain, default = (np.mean(scores[r], axis=0) for r in ("plain", "default"))
        by_kind.setdefault(kind, []).append((plain, default))
        print(f"{kind:12s} {name:30s} {k:3d}  {' / '.join(f'{v:.3f}' for v in plain)}     "
              f"{' / '.join(f'{v:.3f}' for v in default)}", flush=True)
    print("\nmeans per kind (sets)")
    for kind, rows in by_kind.items():
        plain, default = (np.mean([r[i] for r in rows], axis=0) for i in (0, 1))
        print(f"{kind:12s} {len(rows):3d} sets  {' / '.join(f'{v:.3f}' for v in plain)}     "
              f"{' / '.join(f'{v:.3f}' for v in default)}")


def summarize(lines):
    """Mean ACC / NMI per data set, method and candidate, from the printed
    rows, as a reStructuredText table."""
    rows = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 7 and parts[2].isdigit():
            dataset, method, _, name, acc, nmi, _ = parts
            rows.setdefault((dataset, method), {}).setdefault(name, []).append((float(acc), float(nmi)))
    names = list(next(iter(rows.values())))
    header = ["data set", "method", "seeds", *names]
    table = [header]
    for (dataset, method), by_name in rows.items():
        cells = [np.mean(by_name[n], axis=0) for n in names]
        table.append([dataset, method, str(len(by_name[names[0]])),
                      *(f"{a:.3f} / {m:.3f}" for a, m in cells)])
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    rule = "  ".join("=" * w for w in widths)
    print(rule)  # a reStructuredText simple table
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if i == 0:
            print(rule)
    print(rule)


if __name__ == "__main__":
    main()
