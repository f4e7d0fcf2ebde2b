"""JULE on the three fortunes sets: all rows vs rows with a value (empties -> cluster 0) (exploratory)."""
import sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from skdeepcluster import JULEClustering
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
        "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20}
for name in sys.argv[1].split(","):
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    X, y = d.data, d.target; k = len(np.unique(y)); full = np.any(X != 0, axis=1)
    for mode in sys.argv[2].split(","):
        t = time.process_time()
        if mode == "all":
            lab = JULEClustering(n_clusters=k, random_state=0).fit(X).labels_
        else:
            lab = np.zeros(len(y), int); lab[full] = JULEClustering(n_clusters=k, random_state=0).fit(X[full]).labels_
        r = clustering_report(y, lab)
        print(f"{name:10s} JULE {mode:8s} ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} cpu {time.process_time()-t:.1f} top {sorted(np.bincount(lab), reverse=True)[:4]}", flush=True)
