"""Fit DiscriminativeLatentClustering as compare.py builds it and save its codes (exploratory).

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_70k_images/save_codes.py fashion_mnist 0 img /tmp/fm_img_s0.npz

``flat`` instead of ``img`` fits the images as flat rows. The ``.npz`` holds the
codes (``transform``), ``labels_``, ``init_labels_``, the classes and the centroids,
for ``vote_probe.py``.
"""
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load, make_estimator  # noqa: E402

from skdeepcluster.metrics import clustering_report  # noqa: E402

torch.set_num_threads(1)
dataset, seed, flat, out = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "flat", sys.argv[4]
data = load(dataset)
est, _ = make_estimator("ddlsc", data, seed, {}, flat)
est.fit(data.data)
np.savez(out, Z=est.transform(data.data), labels=est.labels_, init=est.init_labels_,
         y=data.target, centers=est.cluster_centers_)
print(dataset, seed, "flat" if flat else "images", clustering_report(data.target, est.labels_))
