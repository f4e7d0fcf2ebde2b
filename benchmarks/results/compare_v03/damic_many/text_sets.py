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
import numpy as np
import torch
import skdeepcluster
from skdeepcluster.metrics import clustering_report
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "text_order"))
from text_data import load_set, shuffled as shuffle  # noqa: E402
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
print(skdeepcluster.__file__, flush=True)
shuffled = len(sys.argv) > 4 and sys.argv[4] == "shuffled"
for name in sys.argv[1].split(","):
    X0, y0 = load_set(name)
    k = len(np.unique(y0))
    for method in sys.argv[2].split(","):
        for seed in map(int, sys.argv[3].split(",")):
            X, y = shuffle(X0, y0, seed) if shuffled else (X0, y0)
            t = time.process_time()
            e = getattr(skdeepcluster, method)(n_clusters=k, random_state=seed).fit(X)
            # JULE has no start clustering: its first merged labels (sf_labels_) stand in.
            s, r = clustering_report(y, e.init_labels_ if hasattr(e, "init_labels_") else e.sf_labels_), clustering_report(y, e.labels_)
            print(f"{name:10s} {method:16s} seed {seed}{' shuffled' if shuffled else ''} start {s['ACC']:.3f} / {s['NMI']:.3f} end {r['ACC']:.3f} / {r['NMI']:.3f} cpu {time.process_time() - t:.1f}", flush=True)
