"""The estimate of ``n_clusters="auto"`` with and without the test that a
clear step's pieces are whole (``autok._pieces_whole``: past a step at
``k``, ``lambda_{k+1}`` at least ``ONE_CLUSTER_FRACTION`` of the Gaussian
reference's ``lambda_2``), on the embeddings the estimators pass to the
estimate on the suite (saved by ``auto_k_rules.py --capture``, seed 0, with
their input as ``X_input``; and any other ``*.npz`` of the same form in
further folders), on the suite's raw sets and on the 22 held-out sets of
``auto_k_rules.py`` (``X_input`` the set itself). Prints the sets whose
answer differs, then the exact and within-one counts::

    OMP_NUM_THREADS=1 python benchmarks/auto_k_rules.py --capture /work/exp/autok/emb
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/probe.py emb /work/exp/autok/emb /work/exp/autok/emb2 > benchmarks/results/auto_k/step_pieces/emb.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/probe.py raw > benchmarks/results/auto_k/step_pieces/raw.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/probe.py held > benchmarks/results/auto_k/step_pieces/held.txt
    # the variants, on the embeddings:
    FRACTION=0.3 OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/probe.py emb /work/exp/autok/emb /work/exp/autok/emb2 > benchmarks/results/auto_k/step_pieces/emb_fraction_0.3.txt
    FRACTION=0.7 OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/probe.py emb /work/exp/autok/emb /work/exp/autok/emb2 > benchmarks/results/auto_k/step_pieces/emb_fraction_0.7.txt
    CONFIRM=0 OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/probe.py emb /work/exp/autok/emb /work/exp/autok/emb2 > benchmarks/results/auto_k/step_pieces/emb_no_confirmation.txt

(``/work/exp/autok/emb2`` holds DAMIC's embeddings of the digits for seeds
1 and 2, saved the same way by ``capture_one.py``.)
"""
import glob, os, sys, warnings
from pathlib import Path

import numpy as np
warnings.filterwarnings("ignore")
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from skdeepcluster import autok  # noqa: E402
from auto_k_rules import held_out  # noqa: E402
from bench_auto_k import suite  # noqa: E402

# Variants (exploratory): FRACTION=F replaces ONE_CLUSTER_FRACTION in the
# test; CONFIRM=0 drops the input's confirmation of a step at the same k.
if "FRACTION" in os.environ:
    autok._pieces_whole = lambda eigenvalues, k, reference: (
        eigenvalues[k] >= float(os.environ["FRACTION"]) * reference[1])
if os.environ.get("CONFIRM") == "0":
    _rule = autok._rule_on_spectrum
    autok._rule_on_spectrum = lambda *args, confirmed=1: _rule(*args, confirmed=1)
WITH_TEST = autok._pieces_whole


def estimate(Z, X, test):
    autok._pieces_whole = test
    return autok._estimate(Z, min(50, len(Z) - 1), X, 15, None, "step-modularity", 0, "cpu")


def sets(which, folders):
    if which == "emb":
        for folder in folders:
            for path in sorted(glob.glob(os.path.join(folder, "*.npz"))):
                data = np.load(path)
                yield (os.path.basename(path)[:-4], data["Z"].astype(np.float64), data["X"].astype(np.float64),
                       int(data["k"]))
    elif which == "raw":
        for name, X, _, k in suite("/nonexistent"):
            yield name, np.asarray(X, np.float64), np.asarray(X, np.float64), k
    else:
        for name, X, k in held_out():
            yield name, np.asarray(X, np.float64), np.asarray(X, np.float64), k


exact, within = [0, 0], [0, 0]
n_sets = 0
for name, Z, X, k in sets(sys.argv[1], sys.argv[2:]):
    without = estimate(Z, X, lambda *args: True)
    with_test = estimate(Z, X, WITH_TEST)
    n_sets += 1
    for i, found in enumerate((without, with_test)):
        exact[i] += found == k
        within[i] += abs(found - k) <= 1
    if without != with_test:
        print(f"{name:50s} true {k:3d}  without the test {without:3d}  with it {with_test:3d}", flush=True)
print(f"{n_sets} sets: exact {exact[0]} without the test, {exact[1]} with it; "
      f"within one {within[0]} and {within[1]}")
