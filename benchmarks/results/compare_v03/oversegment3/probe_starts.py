"""Spectral starts of pretrained embeddings rounded with oversegment (2,),
(3,) and (5,) (doc/results.rst, results_oversegment3). Pretrains as
benchmarks/bench_init.py does (its PRETRAIN_ONLY; with a cache folder the
embeddings are saved and reused there)::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/oversegment3/probe_starts.py DATASET METHODS SEEDS [CACHE]
"""
import sys, time, warnings
import numpy as np
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
warnings.filterwarnings("ignore")
import bench_init as bi
from compare import load
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
dataset = sys.argv[1]; methods = sys.argv[2].split(","); seeds = [int(s) for s in sys.argv[3].split(",")]
data = load(dataset); X = data.data.reshape(len(data.data), -1); y = data.target; k = len(np.unique(y))
res = {}
for method in methods:
    for seed in seeds:
        Z = bi.pretrained_embedding(X, k, method, seed, dataset, sys.argv[4] if len(sys.argv) > 4 else None)
        line = []
        for os_ in [(2,), (3,), (5,)]:
            t = time.process_time()
            r = clustering_report(y, spectral_clustering(Z, k, oversegment=os_, random_state=seed))
            res.setdefault((method, os_), []).append((r["ACC"], r["NMI"]))
            line.append(f"os{os_[0]} {r['ACC']:.3f}/{r['NMI']:.3f} ({time.process_time()-t:.1f}s)")
        print(dataset, method, seed, "  ".join(line), flush=True)
for (method, os_), v in res.items():
    v = np.array(v); print(dataset, method, f"os{os_[0]}", v.mean(0).round(3), flush=True)
