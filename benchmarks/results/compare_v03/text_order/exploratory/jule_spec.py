"""JULE on text (rows with a value, loader's order): the purity of each merge, with the first
period's merges as they are (mode gdl) or replaced by spectral clustering of the input (mode
spectral). python jule_spec.py fortunes5,heldout5 gdl,spectral (exploratory)."""
import sys, time, numpy as np, torch, warnings; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from skdeepcluster import JULEClustering
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
        "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20}
def purity(y, lab):
    return sum(np.bincount(y[lab == c]).max() for c in np.unique(lab)) / len(y)
orig = JULEClustering._merge
def rec(self, W, n_target, labels, features, first=False, capped=True):
    if first and MODE == "spectral":
        out = spectral_clustering(self._scaled_input(features), n_target, random_state=0)
    else:
        out = orig(self, W, n_target, labels, features, first, capped)
    r = clustering_report(Y, out)
    print(f"  merge {labels.max()+1}->{n_target} first={first}: purity-in {purity(Y, labels):.3f} purity-out {purity(Y, out):.3f} NMI {r['NMI']:.3f} top {sorted(np.bincount(out), reverse=True)[:5]}", flush=True)
    return out
JULEClustering._merge = rec
for name in sys.argv[1].split(","):
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    X, y = d.data, d.target; k = len(np.unique(y)); full = np.any(X != 0, axis=1); X, Y = X[full], y[full]
    for MODE in sys.argv[2].split(","):
        t = time.process_time()
        e = JULEClustering(n_clusters=k, random_state=0).fit(X)
        r = clustering_report(Y, e.labels_); print(name, MODE, "final ACC %.3f NMI %.3f cpu %.1f" % (r["ACC"], r["NMI"], time.process_time() - t), "sizes", np.bincount(Y), flush=True)
