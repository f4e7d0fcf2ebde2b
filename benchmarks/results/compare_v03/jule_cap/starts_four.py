"""Exploratory: where DEPICT, DAMIC and DiscriminativeLatentClustering lose
the rare class of imbalanced_pairs.py's sets cut to a tenth: the ACC and
cluster sizes of the start (init_labels_) and of the end (labels_), seed 0.
Usage: starts_four.py"""
import os, sys, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
sys.argv = [sys.argv[0], "none", "0"]
HERE = os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE, "imbalanced_pairs.py")).read().split("methods = sys.argv")[0])
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
for name, X, y in sets():
    if "0.4" in name:
        continue
    print(name, flush=True)
    for m in ["DEPICTClustering", "DAMICClustering", "DiscriminativeLatentClustering"]:
        est = getattr(sk, m)(2, random_state=0).fit(X)
        a = clustering_report(y, est.init_labels_); b = clustering_report(y, est.labels_)
        print(f"  {m:32s} start {a['ACC']:.3f} sizes {np.bincount(est.init_labels_, minlength=2).tolist()} "
              f"-> end {b['ACC']:.3f} {np.bincount(est.labels_, minlength=2).tolist()} init {getattr(est, 'init_', '')}",
              flush=True)
