"""How far a cell's mean of three seeds carries: each estimator, as a user
builds it, over more seeds.

Issue 14's goal is the mean of three seeds (0-2). Where a method's result
depends on its seed in two modes, three seeds can land on either side of a
peer. This script fits ``Estimator(n_clusters, random_state=SEED)``
(nothing else set, or ``--params``; each built by ``compare.py``'s
``make_estimator``, so ``k-means`` is scikit-learn's ``KMeans`` with
``n_init=10``) on a data set of
``benchmarks/compare.py`` (the same rows, flat) for each seed and prints
one line per fit: ACC / NMI of the start on the pretrained embedding
(``init_labels_``, where the method has one) and of ``labels_``, and the
CPU seconds of the fit. ``--summary FILE...`` reads such lines and prints,
per method, the mean and standard deviation over the seeds, the mean of
seeds 0-2 alone, how many seeds end below a reference NMI (``--nmi-bar``,
e.g. UMAP + GMM's), and what restarts chosen by the estimator's own
objective (its ``score`` on the training data, printed with each fit)
would give: the mean ACC / NMI of the best-scoring fit of every choice of
three of the seeds.

Run from the repository root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/seed_spread.py digits --methods depict damic --seeds 0-9 > OUT.txt

    python benchmarks/seed_spread.py --summary OUT.txt --nmi-bar 0.911

``--seeds`` takes a range ``A-B`` (inclusive) or a list. Lines are flushed
as they come, so a long run can be read while it goes.
"""

import argparse
import json
import re
import sys
import time
import warnings
from itertools import combinations
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import load, make_estimator  # noqa: E402
from skdeepcluster.__main__ import METHODS  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

#: The reference of issue 14's tabular goal, as ``compare.py`` runs it.
KMEANS = "k-means"

LINE = re.compile(
    r"^(?P<method>[\w-]+) seed (?P<seed>\d+) init (?P<init_acc>[\d.na]+) / (?P<init_nmi>[\d.na]+)"
    r" final (?P<acc>[\d.]+) / (?P<nmi>[\d.]+) cpu (?P<cpu>[\d.]+) s(?: score (?P<score>\S+))?$"
)


def parse_seeds(values):
    seeds = []
    for value in values:
        low, dash, high = value.partition("-")
        seeds += list(range(int(low), int(high) + 1)) if dash else [int(low)]
    return seeds


def scores(y, labels):
    if labels is None:
        return float("nan"), float("nan")
    report = clustering_report(y, labels)
    return report["ACC"], report["NMI"]


def fit_lines(args):
    torch.set_num_threads(1)
    data = load(args.dataset)
    for method in args.methods:
        for seed in parse_seeds(args.seeds):
            # compare.py's estimator: n_clusters, the seed and --params;
            # flat rows unless --params sets image_shape.
            model, given = make_estimator(method, data, seed, args.params, flat=True)
            unknown = sorted(set(args.params) - set(given))
            if unknown:
                raise SystemExit(f"error: {method} does not take the parameters {unknown}.")
            start = time.process_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model.fit(data.data)
            cpu = time.process_time() - start
            init = scores(data.target, getattr(model, "init_labels_", None))
            final = scores(data.target, model.labels_)
            # The estimator's own objective on its training data (k-means:
            # minus the inertia), which a restart would be chosen by.
            objective = model.score(data.data)
            print(f"{method} seed {seed} init {init[0]:.3f} / {init[1]:.3f} "
                  f"final {final[0]:.3f} / {final[1]:.3f} cpu {cpu:.1f} s score {objective:.6g}",
                  flush=True)


def summarize(paths, nmi_bar):
    rows = {}
    for path in paths:
        for line in Path(path).read_text().splitlines():
            match = LINE.match(line.strip())
            if match:
                rows.setdefault(match["method"], {})[int(match["seed"])] = (
                    float(match["acc"]), float(match["nmi"]), float(match["cpu"]),
                    float(match["score"] or "nan"))
    header = f"{'method':8s} {'seeds':>5s} {'ACC mean ± std':>15s} {'NMI mean ± std':>15s} " \
             f"{'seeds 0-2 ACC / NMI':>20s} {'NMI below bar':>14s} {'CPU s':>6s} " \
             f"{'best of 3 by score':>19s}"
    print(header)
    for method, by_seed in rows.items():
        values = np.array([by_seed[s] for s in sorted(by_seed)])
        first = np.array([by_seed[s] for s in (0, 1, 2) if s in by_seed])
        below = (f"{int((values[:, 1] < nmi_bar).sum()):>9d} of {len(values):<2d}"
                 if nmi_bar else f"{'-':>14s}")
        print(f"{method:8s} {len(values):5d} "
              f"{values[:, 0].mean():8.3f} ± {values[:, 0].std():.3f} "
              f"{values[:, 1].mean():8.3f} ± {values[:, 1].std():.3f} "
              f"{first[:, 0].mean():12.3f} / {first[:, 1].mean():.3f} "
              f"{below} {values[:, 2].mean():6.1f} "
              f"{best_of(values, 3)}")


def best_of(values, n):
    """ACC / NMI of the fit with the highest score among ``n`` of the seeds,
    averaged over every choice of ``n`` seeds: what ``n`` restarts kept by
    the estimator's own objective would give, read off these fits."""
    # No choice without scores, or between equal ones (JULE's neighbour
    # vote scores every training sample 0: it votes with itself).
    if len(values) < n or np.isnan(values[:, 3]).any() or np.ptp(values[:, 3]) == 0:
        return f"{'-':>19s}"
    picks = [values[max(trio, key=lambda i: values[i, 3])]
             for trio in combinations(range(len(values)), n)]
    acc, nmi = np.mean(picks, axis=0)[:2]
    return f"{acc:12.3f} / {nmi:.3f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", nargs="?", default="digits")
    parser.add_argument("--methods", nargs="+", choices=[*METHODS, KMEANS],
                        default=list(METHODS))
    parser.add_argument("--seeds", nargs="+", default=["0-9"])
    parser.add_argument("--params", type=json.loads, default={},
                        help="JSON of estimator parameters beside n_clusters and random_state")
    parser.add_argument("--nmi-bar", type=float, default=None,
                        help="count the seeds whose NMI ends below this")
    parser.add_argument("--summary", nargs="+", metavar="FILE",
                        help="summarise the lines of earlier runs instead of fitting")
    args = parser.parse_args()
    if args.summary:
        summarize(args.summary, args.nmi_bar)
    else:
        fit_lines(args)


if __name__ == "__main__":
    main()
