"""One estimator built with ``n_clusters`` alone plus the given parameters on
a data set's flat pixel rows (divided by their largest value), with an
optional rescaling of the pixels before ``fit`` (``--floor C``: each pixel
standardised with its standard deviation floored at C times the median
pixel's, then given with ``scaling=None``): ACC / NMI / ARI and CPU seconds.
Run from the repository root, one thread::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/pixel_scaling/probe.py fashion_mnist DiscriminativeLatentClustering 0,1 '{"scaling": "standard"}'
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/pixel_scaling/probe.py digits DiscriminativeLatentClustering 0,1,2 '{}' --floor 0.5
"""
import json
import sys
import time
import warnings

import numpy as np
import torch

import skdeepcluster
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
name, method, seeds = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3].split(",")]
params = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
floor = float(sys.argv[sys.argv.index("--floor") + 1]) if "--floor" in sys.argv else None
data = load_dataset(name)
X = data.data.astype(np.float64) / data.data.max()
if floor is not None:
    std = X.std(axis=0)
    X = (X - X.mean(axis=0)) / np.maximum(std, floor * np.median(std[std > 0]))
    params = {**params, "scaling": None}
label = json.dumps(params) + (f" floor {floor}" if floor is not None else "")
results = []
for seed in seeds:
    start = time.process_time()
    model = getattr(skdeepcluster, method)(len(np.unique(data.target)), random_state=seed, **params).fit(X)
    cpu = time.process_time() - start
    r = clustering_report(data.target, model.labels_)
    results.append((r["ACC"], r["NMI"], r["ARI"], cpu))
    print(f"{name} {method} {label} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f} "
          f"scaling_={model.scaling_} CPU {cpu:.1f} s", flush=True)
mean = np.mean(results, axis=0)
print(f"{name} {method} {label} mean of {len(seeds)}: {mean[0]:.3f} / {mean[1]:.3f} / {mean[2]:.3f} CPU {mean[3]:.1f} s",
      flush=True)
