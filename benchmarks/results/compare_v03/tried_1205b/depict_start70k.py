"""Exploratory: DEPICT's start (``init_labels_``) and ``labels_`` on a data set of
benchmarks/compare.py (flat rows), the estimator built with ``n_clusters`` and PARAMS::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/depict_start70k.py fashion_mnist_all 0 '{"n_pretrain_epochs": E, "n_epochs": 0}'
"""
import sys, time, json, torch
sys.path.insert(0, "benchmarks")
from compare import load
from skdeepcluster import DEPICTClustering
from skdeepcluster.metrics import clustering_report
torch.set_num_threads(1)
name, seed, params = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
d = load(name)
t = time.process_time()
m = DEPICTClustering(d.n_clusters, random_state=seed, **params).fit(d.data)
r = {k: round(v, 3) for k, v in clustering_report(d.target, m.init_labels_).items()}
f = {k: round(v, 3) for k, v in clustering_report(d.target, m.labels_).items()}
print(name, seed, params, "start", r, "labels_", f, "cpu", round(time.process_time() - t, 1), flush=True)
