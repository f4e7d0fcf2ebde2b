"""DEPICT, DAMIC, DiscriminativeLatentClustering, JULE (defaults, n_clusters = the categories) on three fortunes text sets:
the five default categories, the five held-out ones of results_sparse_kind and the 20
of fortunes20.py; ACC / NMI of the start (JULE: of its last period's merges,
``sf_labels_``) and of the fit, CPU s::

    OMP_NUM_THREADS=1 python text_sets.py fortunes5,heldout5 DEPICTClustering,DAMICClustering 0,1,2

A fourth argument ``shuffled`` fits the rows in the order of
``RandomState(100 + seed).permutation`` (the loader's order is category by
category; umap_order.py uses the same permutations).
"""
import os, sys, time, warnings
from sklearn.utils import Bunch
import numpy as np
import torch
import skdeepcluster
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
CATS20 = ("debian", "disclaimer", "drugs", "education", "ethnic", "food", "humorists", "kids", "law", "linux",
          "linuxcookie", "literature", "love", "medicine", "paradoxum", "perl", "riddles", "sports", "startrek", "tao")
SETS = {"fortunes5": None, "heldout5": ("art", "computers", "education", "politics", "science"), "fortunes20": CATS20,
        "man23578": ("2", "3", "5", "7", "8"), "man12358": ("1", "2", "3", "5", "8")}  # manual pages by section
print(skdeepcluster.__file__, flush=True)
shuffled = len(sys.argv) > 4 and sys.argv[4] == "shuffled"
for name in sys.argv[1].split(","):
    if name.startswith("man"):
        sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "text_order"))
        from manpages import load
        data, target = load(SETS[name])
        d = Bunch(data=data, target=target, target_names=SETS[name])
    else:
        d = load_fortunes_tfidf() if SETS[name] is None else load_fortunes_tfidf(SETS[name])
    k = len(d.target_names)
    for method in sys.argv[2].split(","):
        for seed in map(int, sys.argv[3].split(",")):
            perm = np.random.RandomState(100 + seed).permutation(len(d.target)) if shuffled else np.arange(len(d.target))
            X, y = d.data[perm], d.target[perm]
            t = time.process_time()
            e = getattr(skdeepcluster, method)(n_clusters=k, random_state=seed).fit(X)
            # JULE has no start clustering: its first merged labels (sf_labels_) stand in.
            s, r = clustering_report(y, e.init_labels_ if hasattr(e, "init_labels_") else e.sf_labels_), clustering_report(y, e.labels_)
            print(f"{name:10s} {method:16s} seed {seed}{' shuffled' if shuffled else ''} start {s['ACC']:.3f} / {s['NMI']:.3f} end {r['ACC']:.3f} / {r['NMI']:.3f} cpu {time.process_time() - t:.1f}", flush=True)
