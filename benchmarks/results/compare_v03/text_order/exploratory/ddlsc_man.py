import sys, os, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
sys.path.insert(0, __import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), ".."))
from manpages import load
from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.metrics import clustering_report
X, y = load(("2", "3", "5", "7", "8")); p = np.random.RandomState(100).permutation(len(y)); X, y = X[p], y[p]
for kw in eval(sys.argv[1]):
    t = time.process_time()
    e = DiscriminativeLatentClustering(n_clusters=5, random_state=0, **kw).fit(X)
    s = clustering_report(y, e.init_labels_); r = clustering_report(y, e.labels_)
    print(f"{str(kw):40s} start {s['ACC']:.3f}/{s['NMI']:.3f} end {r['ACC']:.3f}/{r['NMI']:.3f} init {e.init_} scaling {e.scaling_} cpu {time.process_time()-t:.1f}", flush=True)
