"""Probe: network on a rank-Gaussianised input, start = the package's mixture of the standardised table."""
import itertools, sys, time, warnings
warnings.filterwarnings("ignore")
import numpy as np, torch
torch.set_num_threads(1)
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "narrow_tables"))
from tables import sets, heldout_sets
from sklearn.preprocessing import StandardScaler, QuantileTransformer
from sklearn.metrics import adjusted_rand_score
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
from skdeepcluster.base import initial_clustering

class P(sk.DiscriminativeLatentClustering):
    START = None
    def _auto_start(self, X, codes64, n_clusters, random_state):
        return "gmm", P.START, True

only = sys.argv[1].split(","); seeds = [int(s) for s in sys.argv[2].split(",")]
for name, X, y in itertools.chain(sets("/tmp/mlbench"), heldout_sets("/tmp/heldout")):
    if name not in only: continue
    Xs = StandardScaler().fit_transform(X).astype(np.float32); k = len(np.unique(y))
    Xq = QuantileTransformer(output_distribution="normal", n_quantiles=min(1000, len(X))).fit_transform(X).astype(np.float32)
    for seed in seeds:
        t = time.process_time()
        P.START = initial_clustering(Xs.astype(np.float64), k, "gmm", np.random.RandomState(seed))
        m = P(k, random_state=seed).fit(Xq)
        s = clustering_report(y, m.init_labels_)["ACC"]; f = clustering_report(y, m.labels_)
        print(f"{name:14s} seed {seed}: start {s:.3f} final {f['ACC']:.3f}/{f['NMI']:.3f} agree {adjusted_rand_score(m.init_labels_, m.labels_):.3f} {time.process_time()-t:.1f}s", flush=True)
