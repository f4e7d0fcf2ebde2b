"""Tried and not kept (issue 14, goal 1's digits cell over ten seeds):
DAMIC's code width (``bottleneck_dim``; None is ``n_clusters``, 10). Each
seed one fit of ``DAMICClustering(10, bottleneck_dim=B)`` on the digits
(pixels divided by 16), one thread; ACC / NMI and CPU seconds, then the mean
and the seeds whose NMI is below UMAP + GMM's 0.911::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206c/damic_code_width.py '{}' 0,1,2,3,4,5,6,7,8,9 >> benchmarks/results/compare_v03/tried_1206c/damic_code_width.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206c/damic_code_width.py '{"bottleneck_dim": 20}' 0,1,2,3,4,5,6,7,8,9 >> benchmarks/results/compare_v03/tried_1206c/damic_code_width.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1206c/damic_code_width.py '{"bottleneck_dim": 32}' 0,1,2,3,4,5,6,7,8,9 >> benchmarks/results/compare_v03/tried_1206c/damic_code_width.txt
"""
import json, sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
from skdeepcluster import DAMICClustering
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report

torch.set_num_threads(1)
digits = load_dataset("digits")
X, y = digits.data / 16.0, digits.target
params = json.loads(sys.argv[1])
rows = []
for seed in [int(s) for s in sys.argv[2].split(",")]:
    start = time.process_time()
    labels = DAMICClustering(10, random_state=seed, **params).fit(X).labels_
    report = clustering_report(y, labels)
    rows.append((report["ACC"], report["NMI"], time.process_time() - start))
    print(f"{params} seed {seed}: {rows[-1][0]:.3f} / {rows[-1][1]:.3f}  {rows[-1][2]:.1f} s CPU", flush=True)
mean = np.mean(rows, axis=0)
print(f"{params} mean {mean[0]:.3f} / {mean[1]:.3f}  {mean[2]:.1f} s CPU  NMI below 0.911: "
      f"{sum(nmi < 0.911 for _, nmi, _ in rows)} of {len(rows)}", flush=True)
