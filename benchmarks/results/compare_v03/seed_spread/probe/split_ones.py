"""Where DEPICT's and DAMIC's weaker digits seeds come from (exploratory).

1. Spectral clustering (the shared start, 15-NN graph) of the digits'
   pixels themselves: ACC / NMI and the confusion matrix.
2. For each seed given, the embedding DEPICT (or DAMIC) hands to its
   start, captured by replacing ``initial_clustering``; the start's
   ACC / NMI and confusion matrix, and the normalised cut of the 15-NN
   graph of that embedding for the start's partition and for the classes.

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/seed_spread/probe/split_ones.py DEPICTClustering 0 1 2 3 4
"""
import importlib
import sys
import warnings

import torch
from sklearn.datasets import load_digits
from sklearn.metrics import confusion_matrix, normalized_mutual_info_score

import skdeepcluster
from skdeepcluster.graph import _connectivity_neighbors, _graph_of, normalized_cut, spectral_clustering
from skdeepcluster.metrics import clustering_accuracy

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
X, y = load_digits(return_X_y=True)
X = X / 16.0
labels = spectral_clustering(X, 10, random_state=0)
print("pixels: ACC %.3f NMI %.3f" % (clustering_accuracy(y, labels), normalized_mutual_info_score(y, labels)))
print("confusion (rows: classes 0-9, columns: clusters)")
print(confusion_matrix(y, labels))

method = sys.argv[1]
module = importlib.import_module(getattr(skdeepcluster, method).__module__)
start = module.initial_clustering


class Captured(Exception):
    pass


def capture(Z, n_clusters, init, random_state):
    labels = start(Z, n_clusters, init, random_state)
    raise Captured(Z, labels)


module.initial_clustering = capture
for seed in map(int, sys.argv[2:]):
    try:
        getattr(skdeepcluster, method)(10, random_state=seed).fit(X)
    except Captured as captured:
        Z, labels = captured.args
    A = _graph_of(_connectivity_neighbors(Z, 15, "cpu"))
    print("%s seed %d start ACC %.3f NMI %.3f, normalised cut: start %.3f, classes %.3f" % (
        method, seed, clustering_accuracy(y, labels), normalized_mutual_info_score(y, labels),
        normalized_cut(A, labels), normalized_cut(A, y)), flush=True)
    print(confusion_matrix(y, labels), flush=True)
