import sys, os, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from manpages import load
from skdeepcluster import JULEClustering
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
        "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20,
        "man23578": ("2", "3", "5", "7", "8"), "man12358": ("1", "2", "3", "5", "8")}
for name in sys.argv[1].split(","):
    if name.startswith("man"):
        X, y = load(SETS[name])
    else:
        d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name]); X, y = d.data, d.target
    p = np.random.RandomState(100).permutation(len(y)); X, y = X[p], y[p]; k = len(np.unique(y))
    for kw in eval(sys.argv[2]):
        t = time.process_time()
        e = JULEClustering(n_clusters=k, random_state=0, **kw).fit(X)
        r = clustering_report(y, e.labels_)
        print(f"{name:10s} {str(kw):28s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} init {e.n_initial_clusters_} cpu {time.process_time()-t:.1f}", flush=True)
