"""Starts of DiscriminativeLatentClustering's pretrained codes (exploratory).

Pretrains the estimator built with ``n_clusters`` alone (``n_epochs=0``, so
the fit stops after its start) on a ``compare.py`` data set, then clusters
the L2-normalised codes several ways and prints ACC / NMI of each:
k-means (the flat default's start), spectral clustering (the shared
start), and k-means into ``f * k`` groups merged by modularity on the
codes' 15-NN graph (``modularity_merge``, as the spectral start's merged
rounding does), f = 2, 3, 5. From the repository root::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_init_on/code_starts.py fashion_mnist 0 '{}'
"""
import json, sys, time
from pathlib import Path
ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks"))
import numpy as np, torch
from sklearn.cluster import KMeans
from compare import load
from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.graph import connectivity_graph, modularity_merge, spectral_clustering
from skdeepcluster.metrics import clustering_report
torch.set_num_threads(1)
name, seed = sys.argv[1], int(sys.argv[2])
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
data = load(name); X, y = data.data, data.target; k = data.n_clusters
t = time.process_time()
est = DiscriminativeLatentClustering(k, random_state=seed, n_epochs=0, **params).fit(X)
Z = est.transform(X).astype(np.float64)
Z /= np.linalg.norm(Z, axis=1, keepdims=True)
print(f"{name} seed {seed} {params} pretrain cpu {time.process_time() - t:.1f}", flush=True)
def show(label, labels):
    s = clustering_report(y, labels); print(f"  {label:24s} {s['ACC']:.3f} / {s['NMI']:.3f}", flush=True)
show("init_labels_", est.init_labels_)
show("kmeans", KMeans(k, n_init=20, random_state=seed).fit_predict(Z))
show("spectral", spectral_clustering(Z, k, random_state=seed))
A = connectivity_graph(Z, 15)
for f in (2, 3, 5):
    groups = KMeans(f * k, n_init=5, random_state=seed).fit_predict(Z)
    show(f"kmeans {f}k + merge", modularity_merge(A, groups, k))
