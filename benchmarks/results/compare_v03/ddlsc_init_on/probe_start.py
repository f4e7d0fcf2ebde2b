"""Prototype of DiscriminativeLatentClustering starting on the scaled input (issue 14 goal 3).

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_init_on/probe_start.py MODE sets... --seeds 0 1 ...

MODE: codes (today's start: k-means on the normalised codes) or input (k-means, 20 starts,
on the standardised input, passed as a clusterer that ignores the codes). Prints mean
ACC / NMI / ARI, the start's ACC, and ACC per seed.
"""
import sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tabular_s7"))
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_accuracy as acc

args = sys.argv[1:]
seeds = [0, 1, 2]
if "--seeds" in args:
    i = args.index("--seeds"); seeds = [int(s) for s in args[i + 1:]]; args = args[:i]
mode, sets = args[0], args[1:]
sys.argv = [sys.argv[0], "kmeans", "{}"]  # probe_tab reads argv at import
import probe_tab  # noqa: E402  (its get())


class InputStart(ClusterMixin, BaseEstimator):
    def __init__(self, rows=None, n_clusters=3, random_state=None):
        self.rows, self.n_clusters, self.random_state = rows, n_clusters, random_state

    def fit_predict(self, Z, y=None):
        return KMeans(self.n_clusters, n_init=20, random_state=self.random_state).fit_predict(self.rows)


for name in sets:
    b = probe_tab.get(name); X, y = b.data, b.target
    a, n, r, s, t0 = [], [], [], [], time.process_time()
    for seed in seeds:
        p = {}
        if mode == "input":
            p["init"] = InputStart(StandardScaler().fit_transform(X), b.n_clusters)
        m = sk.DiscriminativeLatentClustering(n_clusters=b.n_clusters, random_state=seed, device="cpu", **p).fit(X)
        lab = m.labels_
        a.append(acc(y, lab)); n.append(nmi(y, lab)); r.append(ari(y, lab)); s.append(acc(y, m.init_labels_))
    print(f"{name:14s} {mode:6s} ACC {np.mean(a):.3f} NMI {np.mean(n):.3f} ARI {np.mean(r):.3f} start {np.mean(s):.3f} "
          f"cpu {time.process_time() - t0:.1f}s  per seed {' '.join(f'{v:.3f}' for v in a)}", flush=True)
