"""JULE with n_clusters="auto" (defaults, seed(s) as bench_auto_k.py --fit
runs them) on the suite of issue 15 and on the labelled sets outside it
(bench_auto_k.shapes_and_subsets): saves each estimate's embedding and
scaled input, to read the first one again with other graphs
(probe_suite.py). Run from the repository root, two halves side by side::

    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/jule_first_graph/grab_suite.py 0 &
    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/jule_first_graph/grab_suite.py 1

It prints set, seed, true k, the estimates made and n_clusters_, CPU s.
"""
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np
import torch

BENCHMARKS = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(BENCHMARKS))
from bench_auto_k import shapes_and_subsets, suite  # noqa: E402  (puts the checkout on sys.path)

from skdeepcluster import JULEClustering  # noqa: E402
from skdeepcluster.base import BaseDeepClustering  # noqa: E402

CACHE = Path(os.environ.get("JULE_FIRST_GRAPH_CACHE", "/tmp/jule_first_graph"))
torch.set_num_threads(1)
saved = []
estimate = BaseDeepClustering._estimate_n_clusters


def spy(self, embedding, random_state, X, **kwargs):
    k = estimate(self, embedding, random_state, X, **kwargs)
    saved.append((embedding.copy(), X.numpy().copy() if isinstance(X, torch.Tensor) else None, k))
    return k


JULEClustering._estimate_n_clusters = spy
part = int(sys.argv[1])
sets = [(n, X, y, k) for n, X, y, k in suite("/nonexistent")]
sets += [(n, X, y, len(np.unique(y))) for n, X, y in shapes_and_subsets()]
jobs = []
for name, X, y, k in sets:
    seeds = (0, 1, 2) if name in ("digits (raw)", "iris", "wine", "blobs k=5") else (0,)
    jobs += [(name, X, y, k, seed) for seed in seeds]
out = {}
for i, (name, X, y, k, seed) in enumerate(jobs):
    if i % 2 != part:
        continue
    saved.clear()
    start = time.process_time()
    model = JULEClustering(n_clusters="auto", random_state=seed, device="cpu").fit(X)
    print(name, seed, k, [s[2] for s in saved], model.n_clusters_,
          f"{time.process_time() - start:.1f}", flush=True)
    out[(name, seed)] = dict(saved=list(saved), y=y, k=k)
CACHE.mkdir(parents=True, exist_ok=True)
with open(CACHE / f"suite_{part}.pkl", "wb") as f:
    pickle.dump(out, f)
