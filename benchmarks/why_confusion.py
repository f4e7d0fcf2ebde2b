"""Which digits a method's clusters hold: one fit on the bundled digits, its
scores, and every cluster's three most common digits. Used to explain the
rows of doc/results.rst where one of ours is below a peer. From the
repository root::

    OMP_NUM_THREADS=1 python benchmarks/why_confusion.py jule 1
"""

import sys
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

# The checkout's package, whether or not it is installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from skdeepcluster.__main__ import METHODS  # noqa: E402
from skdeepcluster.datasets import load_digits  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

digits = load_digits()
method, seed = sys.argv[1], int(sys.argv[2])
model = METHODS[method](10, random_state=seed, scaling="minmax").fit(digits.data)
y, labels = digits.target, model.labels_
counts = np.zeros((10, 10), int)  # counts[digit, cluster]
np.add.at(counts, (y, labels), 1)
digit_of, cluster_of = linear_sum_assignment(-counts)
print(method, seed, {k: round(v, 3) for k, v in clustering_report(y, labels).items()})
for cluster in range(10):
    column = counts[:, cluster]
    top = np.argsort(column)[::-1][:3]
    print(f"cluster {cluster}: size {column.sum()}, digits "
          + ", ".join(f"{t}:{column[t]}" for t in top if column[t]))
print("share of each digit in its matched cluster:",
      {int(a): round(float(counts[a, b] / counts[a].sum()), 2) for a, b in zip(digit_of, cluster_of)})
