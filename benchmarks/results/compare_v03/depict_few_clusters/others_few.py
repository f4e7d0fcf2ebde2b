"""Exploratory: the other three estimators on digit subsets of 2 and 3 classes, seed 0."""
import numpy as np, warnings; warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
import skdeepcluster as sk
from sklearn.datasets import load_digits
from skdeepcluster.metrics import clustering_report
dg = load_digits()
for classes in ((4, 9), (0, 1), (3, 5, 8)):
    m = np.isin(dg.target, classes); X, y = dg.data[m] / 16, dg.target[m]
    out = []
    for name in ("JULEClustering", "DAMICClustering", "DiscriminativeLatentClustering", "DEPICTClustering"):
        e = getattr(sk, name)(len(classes), random_state=0).fit(X)
        r = clustering_report(y, e.labels_)
        out.append(f"{name[:6]} {r['ACC']:.3f} / {r['NMI']:.3f} ({len(np.unique(e.labels_))})")
    print(f"digits {classes}: " + "; ".join(out), flush=True)
