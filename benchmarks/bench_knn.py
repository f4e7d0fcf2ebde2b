"""Neighbour search: the blocked distances against the k-d tree, by width.

:func:`skdeepcluster.graph.nearest_neighbors` searches rows of at most
``KDTREE_MAX_FEATURES`` features with a k-d tree from ``KDTREE_MIN_SAMPLES``
references on (CPU). This script times both paths on the same rows, all
70,000 Fashion-MNIST images reduced by PCA to a few widths (what DEPICT's
embedding and DAMIC's code look like in size), and prints the CPU seconds
and the share of neighbours the two agree on. One thread, from the
repository root::

    OMP_NUM_THREADS=1 python benchmarks/bench_knn.py --widths 10 16 20 32 --neighbors 5
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
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    X = load_dataset(args.dataset).data[: args.samples].astype(np.float32) / 255.0
    print(f"{args.dataset}: {X.shape[0]} rows, {args.neighbors} neighbours, CPU seconds (1 thread)")
    print(f"{'width':>5}  {'blocked':>8}  {'k-d tree':>8}  {'same':>7}  default")
    for width in args.widths:
        Z = PCA(width, random_state=0).fit_transform(X).astype(np.float32)
        reference = torch.as_tensor(Z)
        (_, blocked), t_blocked = timed(lambda: _blocked(Z, args.neighbors))
        (_, tree), t_tree = timed(lambda: graph._tree_nearest_neighbors(
            reference, reference, args.neighbors, True))
        uses_tree = width <= graph.KDTREE_MAX_FEATURES and len(Z) >= graph.KDTREE_MIN_SAMPLES
        print(f"{width:>5}  {t_blocked:8.1f}  {t_tree:8.1f}  {(blocked == tree).mean():7.5f}  "
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
