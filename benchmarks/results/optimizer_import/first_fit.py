"""The first and second fit of one estimator in a fresh process on the
digits (defaults, ``n_clusters=10``), and whether the process imported
``torch._dynamo``: one JSON line.

    OMP_NUM_THREADS=1 PYTHONPATH=PACKAGE python benchmarks/results/optimizer_import/first_fit.py METHOD SEED

``PACKAGE`` is the folder that holds the ``skdeepcluster`` to time (the
checkout, or ``git archive <commit> skdeepcluster | tar -x -C <folder>``).

    python benchmarks/results/optimizer_import/first_fit.py --summary BEFORE.jsonl AFTER.jsonl

prints an rst table of the medians (and ranges) of the runs in the two files.
"""

import json
import sys
import time
from pathlib import Path

import torch
from sklearn.datasets import load_digits

import skdeepcluster
from skdeepcluster.__main__ import METHODS
from skdeepcluster.metrics import clustering_accuracy


def summary(before, after):
    import numpy as np

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/
    from bench import rst_table

    runs = {}
    for name, path in (("before", before), ("after", after)):
        with open(path) as f:
            for line in f:
                record = json.loads(line)
                runs.setdefault((record["method"], name), []).append(record)

    def cell(records, key):
        values = [r[key] for r in records]
        return f"{np.median(values):.1f} ({min(values):.1f}-{max(values):.1f})"

    header = ("method", "runs", "before: first fit", "before: second", "after: first fit",
              "after: second", "ACC", "torch._dynamo after")
    rows = []
    for method in METHODS:
        old, new = runs.get((method, "before"), []), runs.get((method, "after"), [])
        if not old or not new:
            continue
        accs = {r[f"{fit}_acc"] for r in old + new for fit in ("first", "second")}
        rows.append((method, f"{len(old)} / {len(new)}", cell(old, "first_wall_s"),
                     cell(old, "second_wall_s"), cell(new, "first_wall_s"),
                     cell(new, "second_wall_s"), ", ".join(f"{a:.3f}" for a in sorted(accs)),
                     f"{any(r['dynamo_after'] for r in old)} / "
                     f"{any(r['dynamo_after'] for r in new)}"))
    print(rst_table(header, rows))


def main():
    if sys.argv[1] == "--summary":
        return summary(sys.argv[2], sys.argv[3])
    method, seed = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(1)
    X, y = load_digits(return_X_y=True)
    record = {"method": method, "seed": seed, "package": skdeepcluster.__file__,
              "dynamo_before": "torch._dynamo" in sys.modules}
    for fit in ("first", "second"):
        estimator = METHODS[method](n_clusters=10, random_state=seed)
        wall, cpu = time.perf_counter(), time.process_time()
        estimator.fit(X)
        record[f"{fit}_wall_s"] = round(time.perf_counter() - wall, 2)
        record[f"{fit}_cpu_s"] = round(time.process_time() - cpu, 2)
        record[f"{fit}_acc"] = round(clustering_accuracy(y, estimator.labels_), 4)
    record["dynamo_after"] = "torch._dynamo" in sys.modules
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
