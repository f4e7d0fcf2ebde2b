"""The modularity sweep of ``n_clusters="auto"``: where to stop it.

``--log OUT METHOD ...`` fits each named estimator (defaults, CPU, one torch
thread) with ``n_clusters="auto"`` on the sets of issue 15's suite but
Fashion-MNIST (seeds 0-2 on the digits, iris, wine and the blobs with 5
clusters, seed 0 elsewhere) and on the labelled sets outside it
(``bench_auto_k.shapes_and_subsets``), and writes to ``OUT`` (JSON), for
every call of the sweep (:func:`skdeepcluster.autok._most_modular_k`), the
modularity and CPU seconds of each ``k`` over the whole range, with three
k-means starts (the sweep's) and with one, each on its own copy of the
sweep's random state; the fit goes on with the sweep's own answer, as
without the log.

``--sets NAME ...`` restricts ``--log`` to the named sets (Fashion-MNIST
only when named).

``--replay LOG ...`` prints, per logged sweep, the answer of the whole
sweep, that of one k-means start, and those of a sweep stopped once
``P`` values of ``k`` in a row have not raised the best modularity
(``--patience``), with the CPU seconds each spent.

Run (the two ``--log`` commands side by side, one per core; 10 minutes)::

    OMP_NUM_THREADS=1 python benchmarks/auto_k_sweep.py --log sweep_a.json DEPICTClustering JULEClustering
    OMP_NUM_THREADS=1 python benchmarks/auto_k_sweep.py --log sweep_b.json DAMICClustering DiscriminativeLatentClustering
    python benchmarks/auto_k_sweep.py --replay sweep_a.json sweep_b.json
"""

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_auto_k import fit_one, shapes_and_subsets, suite  # noqa: E402
import skdeepcluster.autok as autok  # noqa: E402

#: Sets fitted with seeds 0-2 (as in ``bench_auto_k.py``'s tables).
MULTI_SEED = {"digits (raw)", "iris", "wine", "blobs k=5"}


def sweep_curve(A, eigenvectors, largest, random_state, n_init):
    """``{k: (modularity, CPU seconds)}`` of the spectral clustering of the
    graph for every ``k`` in ``2 .. largest``."""
    curve = {}
    for k in range(2, largest + 1):
        start = time.process_time()
        modularity = autok._spectral_modularity(A, eigenvectors, k, random_state, n_init)
        curve[k] = (modularity, time.process_time() - start)
    return curve


def log_fits(out, methods, names=None):
    import torch

    torch.set_num_threads(1)
    log, context = [], {}
    sweep = autok._most_modular_k

    def logged(A, eigenvectors, largest, random_state):
        random_state = autok.check_random_state(random_state)
        curves = {f"n_init={n}": sweep_curve(A, eigenvectors, largest,
                                             copy.deepcopy(random_state), n) for n in (3, 1)}
        answer = sweep(A, eigenvectors, largest, random_state)
        log.append(dict(context, n=A.shape[0], largest=largest, answer=int(answer),
                        curves={name: {str(k): v for k, v in c.items()}
                                for name, c in curves.items()}))
        return answer

    autok._most_modular_k = logged
    sets = [(name, X) for name, X, _, _ in suite("/nonexistent")
            if (name in names if names else name != "Fashion-MNIST")]
    sets += [(name, X) for name, X, _ in shapes_and_subsets() if not names or name in names]
    for name, X in sets:
        for method in methods:
            for seed in (0, 1, 2) if name in MULTI_SEED else (0,):
                context.update(set=name, method=method, seed=seed)
                found = fit_one(method, X, None, "auto", seed)[0]
                print(f"{name:<22}{method:<32}{seed:>3}{found:>4}", flush=True)
                with open(out, "w") as f:
                    json.dump(log, f)


def stopped(curve, patience):
    """The sweep's answer on ``curve`` stopped once ``patience`` values of
    ``k`` in a row have not raised the best (None: never), and the CPU
    seconds it spent."""
    seen, best, since = {}, -np.inf, 0
    for k in sorted(curve, key=int):
        seen[int(k)] = curve[k]
        best, since = (curve[k][0], 0) if curve[k][0] > best else (best, since + 1)
        if patience is not None and since >= patience:
            break
    answer = min(k for k, (q, _) in seen.items() if q >= best - autok.MODULARITY_TOLERANCE)
    return answer, sum(t for _, t in seen.values())


def replay(paths, patiences):
    log = [entry for path in paths for entry in json.load(open(path))]
    head = f"{'set':<22}{'method':<9}{'seed':>4}{'n':>6}{'answer':>7}{'whole':>12}{'1 start':>12}"
    print(head + "".join(f"{'P=' + str(p):>12}" for p in patiences))
    for e in log:
        three, one = e["curves"]["n_init=3"], e["curves"]["n_init=1"]
        cells = [stopped(three, None), stopped(one, None)] + [stopped(three, p) for p in patiences]
        print(f"{e['set'][:21]:<22}{e['method'][:8]:<9}{e['seed']:>4}{e['n']:>6}{e['answer']:>7}"
              + "".join(f"{k:>5} ({t:4.2f})" for k, t in cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", nargs="+", metavar=("OUT", "METHOD"))
    parser.add_argument("--replay", nargs="+", metavar="LOG")
    parser.add_argument("--patience", nargs="+", type=int, default=[5, 8, 10])
    parser.add_argument("--sets", nargs="+", metavar="SET",
                        help="with --log: only these sets (Fashion-MNIST among them if named)")
    args = parser.parse_args()
    if args.log:
        log_fits(args.log[0], args.log[1:], args.sets)
    elif args.replay:
        replay(args.replay, args.patience)
    else:
        parser.error("give --log or --replay")


if __name__ == "__main__":
    main()
