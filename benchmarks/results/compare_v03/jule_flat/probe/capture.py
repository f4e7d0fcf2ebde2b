"""Fit JULEClustering (defaults unless PARAMS) on a compare.py data set as flat
rows and save, for each period, the embedding it ends with and the labels it
trained on, plus the final labels, to OUT (npz), for offline merges.
Run from the repository root, one thread:

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_flat/probe/capture.py fashion_mnist 0 /tmp/fm0.npz '{}'
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from compare import load  # noqa: E402
from skdeepcluster import JULEClustering  # noqa: E402

name, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
params = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
torch.set_num_threads(1)
data = load(name)
saved = {}


class Capture(JULEClustering):
    def _merge(self, W, n_target, labels, *args, **kwargs):
        out = super()._merge(W, n_target, labels, *args, **kwargs)
        saved[f"labels{self.n_periods_ + 1}"] = out
        return out

    def _graph(self, features, n_current=None):
        if n_current is not None:
            saved[f"emb{self.n_periods_}"] = np.asarray(features)
        return super()._graph(features, n_current)


model = Capture(data.n_clusters, random_state=seed, **params).fit(data.data)
saved["emb_final"] = model.embedding_
saved["labels_final"] = model.labels_
saved["y"] = data.target
np.savez(out, **saved)
print(sorted(saved))
