"""DAMIC with its defaults on make_blobs(N, n_features=D, centers=K, cluster_std=8): ACC, CPU s, phases.

    OMP_NUM_THREADS=1 /usr/bin/time -v python blobs_many.py 400 1000 40
"""
import sys, time, torch
from sklearn.datasets import make_blobs
from skdeepcluster import DAMICClustering
from skdeepcluster.metrics import clustering_report
torch.set_num_threads(1)
n, d, k = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
X, y = make_blobs(n, n_features=d, centers=k, cluster_std=8.0, random_state=0)
t = time.process_time()
e = DAMICClustering(n_clusters=k, random_state=0).fit(X)
print(clustering_report(y, e.labels_), "cpu", time.process_time() - t)
phases = {}
for h in e.history_: phases[h["phase"]] = phases.get(h["phase"], 0) + 1
print(phases)
