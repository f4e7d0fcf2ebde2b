"""DiscriminativeLatentClustering on the digits as 8x8 images, its convolutional
autoencoder in the channels-last layout (the builder's) and in the contiguous one
(the builder's output converted back), seeds 0-2, ACC / NMI / ARI and CPU s::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_channels_last/digits_images.py
"""
import sys, time, warnings
from functools import wraps
from pathlib import Path
import numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
import skdeepcluster.nn as nn_module
import skdeepcluster.ddlsc as ddlsc_module
from skdeepcluster import DiscriminativeLatentClustering
from sklearn.datasets import load_digits
from skdeepcluster.metrics import clustering_report

X, y = load_digits(return_X_y=True)
channels_last = nn_module.build_ddlsc_conv


@wraps(channels_last)
def contiguous(*args, **kwargs):
    return channels_last(*args, **kwargs).to(memory_format=torch.contiguous_format)


for layout, builder in (("channels-last", channels_last), ("contiguous", contiguous)):
    nn_module.build_ddlsc_conv = ddlsc_module.build_ddlsc_conv = builder
    rows = []
    for seed in (0, 1, 2):
        start = time.process_time()
        labels = DiscriminativeLatentClustering(10, image_shape=(1, 8, 8), random_state=seed).fit(X).labels_
        r = clustering_report(y, labels)
        rows.append((r["ACC"], r["NMI"], r["ARI"], time.process_time() - start))
        print(f"{layout:13s} seed {seed}: {rows[-1][0]:.3f} / {rows[-1][1]:.3f} / {rows[-1][2]:.3f}, "
              f"{rows[-1][3]:.1f} s CPU", flush=True)
    print(f"{layout:13s} mean: {' / '.join(f'{v:.3f}' for v in np.mean(rows, 0)[:3])}, "
          f"{np.mean(rows, 0)[3]:.1f} s CPU", flush=True)
