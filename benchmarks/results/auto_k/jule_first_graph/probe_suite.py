"""The rule of estimate_n_clusters on JULE's first learned embeddings
(saved by grab_suite.py), the input's graph at 15 neighbours and the
embedding's at several: which neighbourhood reads the classes rather than
the first period's clusters. Rows where the input decides (``*``: its graph
falls apart, or nearly does) are the same whatever the embedding's graph::

    OMP_NUM_THREADS=1 python benchmarks/results/auto_k/jule_first_graph/probe_suite.py

``now``: the first estimate of the fit that saved the embedding (with the
code of this folder's commit, ``k_s_max`` = 100 neighbours; column ``15`` is
the rule before it);
``Nn/50``: N times the first period's average cluster size (at most 50
clusters); the last line counts exact and within-one first estimates.
"""
import glob
import os
import pickle
import sys
from pathlib import Path

from sklearn.utils import check_random_state

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))  # the checkout

from skdeepcluster.autok import _input_evidence, _rule_on_spectrum, _spectrum  # noqa: E402

CACHE = os.environ.get("JULE_FIRST_GRAPH_CACHE", "/tmp/jule_first_graph")
VARIANTS = ("15", "30", "50", "72", "100", "150", "200", "2n/50", "3n/50", "5n/50")


def rule(E, n_neighbors, largest):
    A, eigenvalues, eigenvectors = _spectrum(E, largest, n_neighbors, 0, "cpu")
    return _rule_on_spectrum(E, A, eigenvalues, eigenvectors, largest, n_neighbors,
                             "step-modularity", 0, check_random_state(0), "cpu")


results = {}
for path in sorted(glob.glob(os.path.join(CACHE, "suite_*.pkl"))):
    with open(path, "rb") as f:
        results.update(pickle.load(f))
totals = {v: [0, 0] for v in VARIANTS}
for (name, seed), fit in sorted(results.items()):
    E, X, first = fit["saved"][0]
    largest = min(50, len(E) - 1)
    k_in, separated = _input_evidence(X, largest, 15, 0, "cpu")
    row = []
    for v in VARIANTS:
        nn = int(max(15, int(v[0]) * len(E) / 50)) if "n" in v else int(v)
        k = k_in if separated else max(k_in, rule(E, min(nn, len(E) - 1), largest))
        row.append(k)
        totals[v][0] += k == fit["k"]
        totals[v][1] += abs(k - fit["k"]) <= 1
    print(f"{name:<22}{seed:>2} true {fit['k']:>2} now {first:>2} input {k_in:>2}"
          f"{'*' if separated else ' '} ", " ".join(f"{v}:{k}" for v, k in zip(VARIANTS, row)),
          flush=True)
print("exact, within one (of", len(results), "fits):", {v: tuple(t) for v, t in totals.items()})
