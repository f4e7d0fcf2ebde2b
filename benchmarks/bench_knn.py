"""Neighbour search: the blocked distances against the k-d tree, by width.

:func:`skdeepcluster.graph.nearest_neighbors` searches rows of at most
``KDTREE_MAX_FEATURES`` features with a k-d tree from ``KDTREE_MIN_SAMPLES``
references on (CPU). This script times both paths on the same rows, all
70,000 Fashion-MNIST images reduced by PCA to a few widths (what DEPICT's
embedding and DAMIC's code look like in size), and prints the CPU seconds
and the share of neighbours the two agree on. One thread, from the
repository root::

    OMP_NUM_THREADS=1 python benchmarks/bench_knn.py --widths 10 16 20 32 --neighbors 5

``--tile T`` stacks ``T`` copies of the reduced rows, each with Gaussian
noise (sd 0.05 of the rows' standard deviation; the out-of-core
benchmark's tiling, ``bench_out_of_core.py``), and times the searches of the
first ``--sizes`` rows; ``--blocked-max`` skips the blocked search above
that many rows (it grows with their square)::

    OMP_NUM_THREADS=1 python benchmarks/bench_knn.py --widths 10 --tile 8 --sizes 200000 500000 --blocked-max 200000
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
from sklearn.decomposition import PCA

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import skdeepcluster.graph as graph  # noqa: E402
from skdeepcluster.datasets import load_dataset  # noqa: E402


def timed(function):
    start = time.process_time()
    result = function()
    return result, time.process_time() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="fashion_mnist_all")
    parser.add_argument("--widths", type=int, nargs="+", default=[10, 16, 20, 32])
    parser.add_argument("--neighbors", type=int, default=5)
    parser.add_argument("--samples", type=int, default=None, help="the first rows only")
    parser.add_argument("--tile", type=int, default=1, help="noisy copies of the rows")
    parser.add_argument("--sizes", type=int, nargs="+", default=None,
                        help="search the first rows of these sizes (default: all)")
    parser.add_argument("--blocked-max", type=int, default=None,
                        help="no blocked search above this many rows")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    X = load_dataset(args.dataset).data[: args.samples].astype(np.float32) / 255.0
    print(f"{args.dataset}: {X.shape[0]} rows x {args.tile}, {args.neighbors} neighbours, "
          "CPU seconds (1 thread)")
    print(f"{'width':>5}  {'rows':>8}  {'blocked':>8}  {'k-d tree':>8}  {'same':>7}  default")
    rng = np.random.default_rng(0)
    for width in args.widths:
        Z = PCA(width, random_state=0).fit_transform(X).astype(np.float32)
        Z = np.concatenate([Z] + [Z + rng.normal(0, 0.05 * Z.std(), Z.shape).astype(np.float32)
                                  for _ in range(args.tile - 1)])
        for n in args.sizes or [len(Z)]:
            rows = torch.as_tensor(Z[:n])
            (_, tree), t_tree = timed(lambda: graph._tree_nearest_neighbors(
                rows, rows, args.neighbors, True))
            if args.blocked_max is None or n <= args.blocked_max:
                (_, blocked), t_blocked = timed(lambda: _blocked(rows, args.neighbors))
                same = f"{(blocked == tree).mean():7.5f}"
            else:
                t_blocked, same = float("nan"), f"{'-':>7}"
            uses_tree = width <= graph.KDTREE_MAX_FEATURES and n >= graph.KDTREE_MIN_SAMPLES
            print(f"{width:>5}  {n:>8}  {t_blocked:8.1f}  {t_tree:8.1f}  {same}  "
                  f"{'k-d tree' if uses_tree else 'blocked'}", flush=True)


def _blocked(Z, n_neighbors):
    """The blocked search whatever the width (the tree switched off)."""
    saved = graph.KDTREE_MAX_FEATURES
    graph.KDTREE_MAX_FEATURES = 0
    try:
        return graph.nearest_neighbors(Z, n_neighbors)
    finally:
        graph.KDTREE_MAX_FEATURES = saved


if __name__ == "__main__":
    main()
