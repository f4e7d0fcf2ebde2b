"""The first and second fit of one estimator in a fresh process on the
digits (defaults, ``n_clusters=10``), and whether the process imported
``torch._dynamo``: one JSON line.

    OMP_NUM_THREADS=1 PYTHONPATH=PACKAGE python benchmarks/results/optimizer_import/first_fit.py METHOD SEED

``PACKAGE`` is the folder that holds the ``skdeepcluster`` to time (the
checkout, or ``git archive <commit> skdeepcluster | tar -x -C <folder>``).
"""

import json
import sys
import time

import torch
from sklearn.datasets import load_digits

import skdeepcluster
from skdeepcluster.metrics import clustering_accuracy

METHODS = {"depict": "DEPICTClustering", "jule": "JULEClustering", "damic": "DAMICClustering",
           "ddlsc": "DiscriminativeLatentClustering"}


def main():
    method, seed = sys.argv[1], int(sys.argv[2])
    torch.set_num_threads(1)
    X, y = load_digits(return_X_y=True)
    record = {"method": method, "seed": seed, "package": skdeepcluster.__file__,
              "dynamo_before": "torch._dynamo" in sys.modules}
    for fit in ("first", "second"):
        estimator = getattr(skdeepcluster, METHODS[method])(n_clusters=10, random_state=seed)
        wall, cpu = time.perf_counter(), time.process_time()
        estimator.fit(X)
        record[f"{fit}_wall_s"] = round(time.perf_counter() - wall, 2)
        record[f"{fit}_cpu_s"] = round(time.process_time() - cpu, 2)
        record[f"{fit}_acc"] = round(clustering_accuracy(y, estimator.labels_), 4)
    record["dynamo_after"] = "torch._dynamo" in sys.modules
    print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
