"""Exploratory: two Gaussians of 900 and 100 rows, in 10-D (decorrelated columns, as
generated), mixed by a fixed linear map (correlated columns: a table of measured
variables), in 100-D, and farther apart; each estimator, seeds 0 and 1."""
import numpy as np, warnings, torch, sys, time; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import make_blobs
from sklearn.cluster import KMeans
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
def blobs(d, gap, sizes=(900, 100)):
    return make_blobs(list(sizes), n_features=d, cluster_std=1.0, centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)
rs = np.random.RandomState(1)
sets = {}
X, y = blobs(10, 3.8); sets["10-D gap 3.8"] = (X, y)
sets["10-D gap 3.8 mixed"] = (X @ rs.randn(10, 10), y)
sets["10-D gap 6"] = blobs(10, 6.0)
sets["100-D gap 3.8"] = blobs(100, 3.8)
sets["100-D gap 6"] = blobs(100, 6.0)
sets["10-D gap 3.8 70/30"] = blobs(10, 3.8, (700, 300))
sets["10-D gap 3.8 50/50"] = blobs(10, 3.8, (500, 500))
names = sys.argv[1].split(",") if len(sys.argv) > 1 and sys.argv[1] != "all" else list(sets)
methods = sys.argv[2].split(",") if len(sys.argv) > 2 else ["DEPICTClustering", "JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering"]
for name in names:
    X, y = sets[name]
    acc = lambda l: clustering_report(y, l)["ACC"]
    print(f"{name}: k-means {np.mean([acc(KMeans(2, n_init=10, random_state=s).fit_predict(X)) for s in (0, 1)]):.3f}", flush=True)
    for m in methods:
        out = []
        for s in (0, 1):
            t = time.process_time()
            e = getattr(sk, m)(2, random_state=s).fit(X)
            out.append(f"{acc(e.labels_):.3f} (start {getattr(e, 'init_', getattr(e, 'final_clustering_', None))} {acc(e.init_labels_) if hasattr(e, 'init_labels_') else float('nan'):.3f}, {time.process_time()-t:.0f} s)")
        print(f"  {m:32s} " + "; ".join(out), flush=True)
