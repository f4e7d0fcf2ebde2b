"""Exploratory: DEPICT's embedding width (default n_clusters, or a floor) on digit subsets
of 2-5 classes, seeds 0 and 1: ACC / NMI, clusters used."""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
import skdeepcluster as sk
from sklearn.datasets import load_digits
from skdeepcluster.metrics import clustering_report
dg = load_digits()
widths = [None] + [int(w) for w in sys.argv[1].split(",")]
for classes in ((4, 9), (1, 7), (0, 1, 2), (3, 5, 8), (0, 1, 2, 3, 4), (5, 6, 7, 8, 9)):
    m = np.isin(dg.target, classes); X, y = dg.data[m] / 16, dg.target[m]
    out = []
    for w in widths:
        rr = [sk.DEPICTClustering(len(classes), random_state=s, embedding_dim=w).fit(X).labels_ for s in (0, 1)]
        r = [clustering_report(y, l) for l in rr]
        out.append(f"{w or 'default'}: {np.mean([q['ACC'] for q in r]):.3f} / {np.mean([q['NMI'] for q in r]):.3f} ({','.join(str(len(np.unique(l))) for l in rr)} used)")
    print(f"digits {classes}: " + "; ".join(out), flush=True)
