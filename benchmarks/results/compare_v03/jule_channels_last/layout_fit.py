"""Exploratory: JULEClustering on images with its CNN's weights channels-last
(LAYOUT=channels_last) or as built (LAYOUT=contiguous), one fit::

    LAYOUT=channels_last OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_channels_last/layout_fit.py fashion_mnist 0

Prints ACC / NMI / ARI and the CPU seconds of the fit.
"""
import os, sys, time, warnings
from functools import wraps
from pathlib import Path
import numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
import skdeepcluster.jule as jule_module
from compare import load
from skdeepcluster.metrics import clustering_report

layout = os.environ.get("LAYOUT", "contiguous")
built = jule_module.build_jule_conv


@wraps(built)
def builder(*args, **kwargs):
    fmt = torch.channels_last if layout == "channels_last" else torch.contiguous_format
    return built(*args, **kwargs).to(memory_format=fmt)


jule_module.build_jule_conv = builder
name, seed = sys.argv[1], int(sys.argv[2])
data = load(name)
side = int(round(np.sqrt(data.data.shape[1])))
start = time.process_time()
labels = jule_module.JULEClustering(data.n_clusters, image_shape=(1, side, side),
                                    random_state=seed).fit(data.data).labels_
r = clustering_report(data.target, labels)
print(f"{layout} {name} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}, "
      f"{time.process_time() - start:.1f} s CPU", flush=True)
