"""probe_starts.py for 28x28 images (``image_shape=(1, 28, 28)``), one seed,
no cache (doc/results.rst, results_oversegment3)::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/oversegment3/probe_starts_images.py fashion_mnist depict,damic 0
"""
import sys, time, warnings
import numpy as np
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
import bench_init as bi
from compare import load
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
dataset = sys.argv[1]; methods = sys.argv[2].split(","); seed = int(sys.argv[3])
data = load(dataset); X = data.data.reshape(len(data.data), -1); y = data.target; k = len(np.unique(y))
for method in methods:
    cls, params = bi.PRETRAIN_ONLY[method]
    bi._Keep.kept.clear()
    t = time.process_time()
    cls(k, random_state=seed, init=bi._Keep(), image_shape=(1, 28, 28), **params).fit(X)
    Z = bi._Keep.kept[-1]
    line = []
    for os_ in [(2,), (3,), (5,)]:
        r = clustering_report(y, spectral_clustering(Z, k, oversegment=os_, random_state=seed))
        line.append(f"os{os_[0]} {r['ACC']:.3f}/{r['NMI']:.3f}")
    print(dataset, method, "images seed", seed, f"pretrain {time.process_time()-t:.0f}s", "  ".join(line), flush=True)
