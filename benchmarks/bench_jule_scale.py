"""Time and peak memory of JULE's agglomeration as the data grows.

For each sample count ``n`` (first ``n`` Fashion-MNIST images, train then
test, as flat [0, 1] pixel rows: the features JULE's first period clusters),
one fresh subprocess builds the sparse K_s-nearest-neighbour graph, the
nearest-neighbour chains, and merges them with the JULE criterion (K_c = 5,
lambda = 1) all the way down to 10 clusters: the largest agglomeration a fit
runs. It prints seconds per stage, the process's peak resident memory, the
memory held before the graph (Python, torch and the data), and the growth
exponents of time and extra memory between the sizes (log-log slope).

Run from the repository root::

    python benchmarks/bench_jule_scale.py --sizes 10000 20000 40000 70000
"""

import argparse
import json
import multiprocessing as mp
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(n, k_s, k_c, queue):
    import torch

    from skdeepcluster.datasets import load_dataset
    from skdeepcluster.graph import gdl_agglomerative, knn_graph, nearest_neighbor_chains
    from skdeepcluster.metrics import clustering_report

    data = load_dataset("fashion_mnist_all")
    X = np.ascontiguousarray(data.data[:n] / 255.0, dtype=np.float32)
    y = data.target[:n]
    del data
    base_mib = _rss_mib()
    start = time.perf_counter()
    W, neighbors, squared, _ = knn_graph(torch.from_numpy(X), k_s)
    graph_s = time.perf_counter() - start
    start = time.perf_counter()
    chains = nearest_neighbor_chains(neighbors, squared)
    chains_s = time.perf_counter() - start
    start = time.perf_counter()
    labels = gdl_agglomerative(W, 10, chains, n_cluster_neighbors=k_c, lambda_=1.0, features=X)
    merge_s = time.perf_counter() - start
    report = clustering_report(y, labels)
    queue.put(dict(
        n=n, graph_s=graph_s, chains_s=chains_s, merge_s=merge_s,
        total_s=graph_s + chains_s + merge_s, n_chains=int(chains.max()) + 1,
        base_mib=base_mib, peak_mib=_rss_mib(), largest_cluster=int(np.bincount(labels).max()),
        **report,
    ))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 20000, 40000, 70000])
    parser.add_argument("--k-s", type=int, default=20)
    parser.add_argument("--k-c", type=int, default=5)
    parser.add_argument("--json", help="also write the rows to this JSON file")
    args = parser.parse_args(argv)

    import torch

    print(f"# JULE agglomeration on Fashion-MNIST pixels, K_s={args.k_s}, K_c={args.k_c}")
    print(f"# {platform.processor() or platform.machine()}, {torch.get_num_threads()} torch threads, "
          f"torch {torch.__version__}, python {sys.version.split()[0]}")
    ctx = mp.get_context("spawn")
    rows = []
    for n in args.sizes:
        queue = ctx.Queue()
        proc = ctx.Process(target=_run, args=(n, args.k_s, args.k_c, queue))
        proc.start()
        proc.join()
        if proc.exitcode != 0:
            raise RuntimeError(f"n={n} failed; see the traceback above.")
        rows.append(queue.get())
        print(json.dumps(rows[-1]), flush=True)

    print()
    header = (f"{'n':>6} {'chains':>6} {'graph s':>8} {'merge s':>8} {'total s':>8} "
              f"{'base MiB':>9} {'peak MiB':>9} {'extra MiB':>9}")
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['n']:>6} {r['n_chains']:>6} {r['graph_s']:8.1f} {r['merge_s']:8.1f} "
              f"{r['total_s']:8.1f} {r['base_mib']:9.0f} {r['peak_mib']:9.0f} "
              f"{r['peak_mib'] - r['base_mib']:9.0f}")
    if len(rows) > 1:
        n = np.log([r["n"] for r in rows])
        for key, label in [("total_s", "time"), ("graph_s", "graph time"), ("merge_s", "merge time")]:
            slope = np.polyfit(n, np.log([r[key] for r in rows]), 1)[0]
            print(f"growth exponent of {label}: {slope:.2f}")
        extra = [max(r["peak_mib"] - r["base_mib"], 1.0) for r in rows]
        print(f"growth exponent of extra memory: {np.polyfit(n, np.log(extra), 1)[0]:.2f}")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(rows, handle, indent=1)


if __name__ == "__main__":
    main()
