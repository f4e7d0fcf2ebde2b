"""DEPICT's softmax head as set from the start, before any training
(``n_epochs=0``): ARI of its labels with the start's (``init_labels_``),
and the ACC of both.

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/seed_spread/probe/head_vs_start.py digits 0 1 3 4
"""
import sys
import warnings
from pathlib import Path

import torch
from sklearn.metrics import adjusted_rand_score

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
sys.path.insert(0, str(Path(__file__).resolve().parents[5]))
from compare import load  # noqa: E402

import skdeepcluster  # noqa: E402
from skdeepcluster.metrics import clustering_accuracy  # noqa: E402

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
data = load(sys.argv[1])
for seed in map(int, sys.argv[2:]):
    model = skdeepcluster.DEPICTClustering(data.n_clusters, random_state=seed, n_epochs=0).fit(data.data)
    print("%s seed %d: head vs start ARI %.3f, start ACC %.3f, head ACC %.3f" % (
        sys.argv[1], seed, adjusted_rand_score(model.init_labels_, model.labels_),
        clustering_accuracy(data.target, model.init_labels_),
        clustering_accuracy(data.target, model.labels_)), flush=True)
