"""Probe (not kept): the modularity sweep of
:func:`skdeepcluster.estimate_n_clusters` (its step c) with the merged
rounding of :func:`skdeepcluster.graph.spectral_clustering` as well as
k-means' (each ``k``: the more modular of k-means into ``k`` groups and of
k-means into ``2 k`` groups joined by modularity), against the code
("before"). Every raw set of the suite, the held-out labelled sets and the
single clusters of ``auto_k_rules.py``, the rule without ``X_input``,
``random_state=0``; then, if a folder of saved embeddings is given
(``digits_*.npz`` holding ``Z``), the rule on each with the digits' pixels
as ``X_input`` and ``random_state`` 0, 1, 2. From the repository root::

    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/modularity_rounding/rounding.py [EMBEDDINGS]
"""
import glob
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from auto_k_rules import held_out, single_clusters  # noqa: E402
from bench_auto_k import suite  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.utils import check_random_state  # noqa: E402

import skdeepcluster.autok as autok  # noqa: E402
from skdeepcluster.graph import modularity_merge  # noqa: E402

before = autok._most_modular_k


def merged(A, eigenvectors, largest, random_state):
    """The sweep with both roundings; the same draws of the random stream."""
    random_state = check_random_state(random_state)
    modularity = {}
    for k in range(2, largest + 1):
        rows = eigenvectors[:, :k]
        rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
        seed = random_state.randint(np.iinfo(np.int32).max)
        modularity[k] = autok._modularity(A, KMeans(k, n_init=3, random_state=seed).fit_predict(rows))
        if 2 * k <= A.shape[0] // 2:
            groups = KMeans(2 * k, n_init=3, random_state=seed).fit_predict(rows)
            modularity[k] = max(modularity[k], autok._modularity(A, modularity_merge(A, groups, k)))
    best = max(modularity.values())
    return min(k for k, q in modularity.items() if q >= best - autok.MODULARITY_TOLERANCE)


def run(sweep, *args, **kwargs):
    autok._most_modular_k = sweep
    start = time.process_time()
    k = autok.estimate_n_clusters(*args, **kwargs)
    return k, time.process_time() - start


sets = [(n, X, k) for n, X, y, k in suite("/nonexistent")] + list(held_out())
sets += [(name, X, 1) for name, X, _ in single_clusters()]
totals = {"before": [0, 0, 0.0], "merged": [0, 0, 0.0]}
for name, X, k in sets:
    row = {}
    for label, sweep in (("before", before), ("merged", merged)):
        row[label] = run(sweep, X, random_state=0)
        totals[label][0] += row[label][0] == k
        totals[label][1] += abs(row[label][0] - k) <= 1
        totals[label][2] += row[label][1]
    flag = "  <-- changed" if row["before"][0] != row["merged"][0] else ""
    print(f"{name:26s} true {k:3d}  before {row['before'][0]:3d} ({row['before'][1]:.1f} s)"
          f"  merged {row['merged'][0]:3d} ({row['merged'][1]:.1f} s){flag}", flush=True)
for label, (exact, near, cpu) in totals.items():
    print(f"{label}: exact on {exact} of {len(sets)}, within one on {near}, CPU {cpu:.1f} s")
if len(sys.argv) > 1:
    pixels = load_digits().data / 16.0
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "digits_*.npz"))):
        Z = np.load(path)["Z"].astype(np.float64)
        answers = {label: [run(sweep, Z, X_input=pixels, random_state=r)[0] for r in range(3)]
                   for label, sweep in (("before", before), ("merged", merged))}
        print(f"{os.path.basename(path):24s} before {answers['before']}  merged {answers['merged']}",
              flush=True)
