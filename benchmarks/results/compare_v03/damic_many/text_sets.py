"""DEPICT and DAMIC (defaults, n_clusters = the categories) on three fortunes text sets:
the five default categories, the five held-out ones of results_sparse_kind and the 20
of fortunes20.py; ACC / NMI of the start and of the fit, CPU s::

    OMP_NUM_THREADS=1 python text_sets.py fortunes5,heldout5 DEPICTClustering,DAMICClustering 0,1,2
"""
import sys, time, warnings
import torch
import skdeepcluster
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
          "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20}
print(skdeepcluster.__file__, flush=True)
for name in sys.argv[1].split(","):
    d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    k = len(d.target_names)
    for method in sys.argv[2].split(","):
        for seed in map(int, sys.argv[3].split(",")):
            t = time.process_time()
            e = getattr(skdeepcluster, method)(n_clusters=k, random_state=seed).fit(d.data)
            s, r = clustering_report(d.target, e.init_labels_), clustering_report(d.target, e.labels_)
            print(f"{name:10s} {method:16s} seed {seed} start {s['ACC']:.3f} / {s['NMI']:.3f} end {r['ACC']:.3f} / {r['NMI']:.3f} cpu {time.process_time() - t:.1f}", flush=True)
