"""Which classes a method's clusters hold: one fit with the method's defaults,
its scores (and those of its initial clustering, where it has one), and every
cluster's three most common classes. Used to explain the rows of
doc/results.rst where one of ours is below a peer. From the repository
root::

    OMP_NUM_THREADS=1 python benchmarks/why_confusion.py jule 1
    OMP_NUM_THREADS=1 python benchmarks/why_confusion.py depict 1 fashion_mnist

The data are those of ``benchmarks/compare.py`` for the dataset (images min-max
scaled to [0, 1]), clustered as flat rows with ``scaling="minmax"``, as in
its tables.
"""

import sys
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import load  # noqa: E402  (puts the checkout's package on sys.path)

from skdeepcluster.__main__ import METHODS  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402


def scores(y, labels):
    return {k: round(v, 3) for k, v in clustering_report(y, labels).items()}


method, seed = sys.argv[1], int(sys.argv[2])
dataset = sys.argv[3] if len(sys.argv) > 3 else "digits"
data = load(dataset)
y = data.target
n_classes = len(np.unique(y))
model = METHODS[method](n_classes, random_state=seed, scaling="minmax").fit(data.data)
labels = model.labels_
print(method, seed, dataset, scores(y, labels))
if hasattr(model, "init_labels_"):
    print("initial clustering:", scores(y, model.init_labels_))
counts = np.zeros((n_classes, n_classes), int)  # counts[class, cluster]
np.add.at(counts, (y, labels), 1)
class_of, cluster_of = linear_sum_assignment(-counts)
for cluster in range(n_classes):
    column = counts[:, cluster]
    top = np.argsort(column)[::-1][:3]
    print(f"cluster {cluster}: size {column.sum()}, classes "
          + ", ".join(f"{t}:{column[t]}" for t in top if column[t]))
print("share of each class in its matched cluster:",
      {int(a): round(float(counts[a, b] / counts[a].sum()), 2) for a, b in zip(class_of, cluster_of)})
