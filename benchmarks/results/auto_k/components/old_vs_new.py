"""The input's evidence before (the ratio rule on the whole graph) and after
(connected components read one by one), for every estimator's scaling."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from bench_auto_k import suite
from auto_k_rules import held_out, scaled_input
from sklearn.utils import check_random_state
from skdeepcluster.autok import _input_evidence, laplacian_eigenvalues, _largest_ratio, _clear_step


def before(X, largest=50, nn=15, seed=0):
    eig = laplacian_eigenvalues(X, largest + 1, n_neighbors=nn, random_state=seed)
    k, _ = _largest_ratio(eig, 1)
    if k >= 2:
        return k, True
    k, _ = _clear_step(X, eig, nn, check_random_state(seed), seed, "cpu")
    return k or 1, False


sets = [(n, X, k) for n, X, y, k in suite("/nonexistent")] + [(n, X, k) for n, X, k in held_out()]
count = {}
for method in ("DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"):
    for name, X, k in sets:
        Xs = scaled_input(method, X)
        old, new = before(Xs), _input_evidence(Xs, 50, 15, 0, "cpu")
        if old != new:
            print(f"{method:32s} {name:22s} true {k:3d}  before {old}  now {new}", flush=True)
print("every other (method, set) pair: the same evidence;", len(sets), "sets x 4 scalings")
