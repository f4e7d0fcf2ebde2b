"""Exploratory: JULEClustering (METHOD=jule, the default) or DAMICClustering
(METHOD=damic) on images, with its convolutional network's weights
channels-last (LAYOUT=channels_last) or contiguous (LAYOUT=contiguous), one
fit::

    LAYOUT=channels_last OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_channels_last/layout_fit.py fashion_mnist 0
    METHOD=damic LAYOUT=contiguous OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_channels_last/layout_fit.py fashion_mnist 0

The network converted is JULE's CNN or DAMIC's stacked autoencoders (their
initialisers draw the same values in either layout). Prints ACC / NMI /
ARI and the CPU seconds of the fit.
"""
import os, sys, time, warnings
from functools import wraps
from pathlib import Path
import numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
import skdeepcluster.damic as damic_module
import skdeepcluster.jule as jule_module
from compare import load
from skdeepcluster.metrics import clustering_report

layout = os.environ.get("LAYOUT", "contiguous")
method = os.environ.get("METHOD", "jule")
module, name, estimator = {
    "jule": (jule_module, "build_jule_conv", jule_module.JULEClustering),
    "damic": (damic_module, "build_damic_autoencoders", damic_module.DAMICClustering),
}[method]
built = getattr(module, name)


@wraps(built)
def builder(*args, **kwargs):
    fmt = torch.channels_last if layout == "channels_last" else torch.contiguous_format
    return built(*args, **kwargs).to(memory_format=fmt)


setattr(module, name, builder)
dataset, seed = sys.argv[1], int(sys.argv[2])
data = load(dataset)
side = int(round(np.sqrt(data.data.shape[1])))
start = time.process_time()
labels = estimator(data.n_clusters, image_shape=(1, side, side),
                   random_state=seed).fit(data.data).labels_
r = clustering_report(data.target, labels)
print(f"{layout} {dataset} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}, "
      f"{time.process_time() - start:.1f} s CPU", flush=True)
