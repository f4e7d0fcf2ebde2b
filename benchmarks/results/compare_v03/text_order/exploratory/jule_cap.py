import sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from skdeepcluster import JULEClustering
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science")}
for name in sys.argv[1].split(","):
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    X, y = d.data, d.target; k = len(np.unique(y)); p = np.random.RandomState(100).permutation(len(y)); X, y = X[p], y[p]
    for kw in eval(sys.argv[2]):
        t = time.process_time()
        e = JULEClustering(n_clusters=k, random_state=0, **kw).fit(X)
        r = clustering_report(y, e.labels_); s = clustering_report(y, e.sf_labels_)
        print(f"{name:10s} {str(kw):40s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} sf {s['ACC']:.3f}/{s['NMI']:.3f} init {e.n_initial_clusters_} periods {e.n_periods_} cpu {time.process_time()-t:.1f} top {sorted(np.bincount(e.labels_), reverse=True)[:5]}", flush=True)
