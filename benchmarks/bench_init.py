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
run's output, as a reStructuredText table.
"""

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from skdeepcluster import DAMICClustering, DEPICTClustering, DiscriminativeLatentClustering  # noqa: E402
from skdeepcluster.datasets import load_dataset  # noqa: E402
from skdeepcluster.gdl import GDLClustering  # noqa: E402
from skdeepcluster.graph import spectral_clustering  # noqa: E402
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
    args = parser.parse_args(argv)
    if args.summarize:
        summarize(Path(args.summarize).read_text().splitlines())
        return
    warnings.filterwarnings("ignore", category=UserWarning)
    warnings.filterwarnings("ignore", module="sklearn")
    scores = {}
    print(f"{'dataset':14s} {'method':7s} seed {'init':15s}  ACC    NMI    cpu_s")
    for dataset in args.datasets:
        data = load_dataset(dataset)
        k = len(np.unique(data.target))
        for method in args.methods:
            cls, params = PRETRAIN_ONLY[method]
            for seed in args.seeds:
                _Keep.kept.clear()
                start = time.process_time()
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    cls(k, init=_Keep(), random_state=seed, **params).fit(data.data)
                print(f"# {dataset} {method} seed {seed}: pretraining {time.process_time() - start:.1f} s CPU",
                      flush=True)
                Z = _Keep.kept[0]
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
