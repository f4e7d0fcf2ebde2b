"""Exploratory: DEPICT's embedding width with two clusters on wide inputs (the paper's
n_clusters = 2 units) against wider ones: two Fashion-MNIST classes (3,000 + 300 and
1,000 + 1,000) and digit pairs; ACC / NMI, clusters used, seed 0."""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
import skdeepcluster as sk
from skdeepcluster.datasets import load_dataset
from sklearn.datasets import load_digits
from skdeepcluster.metrics import clustering_report
d = load_dataset("fashion_mnist_all")
X_all, y_all = d.data.reshape(len(d.data), -1), d.target
def fm(big, small, nb, ns):
    rs = np.random.RandomState(0)
    idx = np.concatenate([rs.choice(np.flatnonzero(y_all == big), nb, replace=False), rs.choice(np.flatnonzero(y_all == small), ns, replace=False)])
    return X_all[idx].astype(np.float32) / 255, (y_all[idx] == small).astype(int)
dg = load_digits()
def digits(a, b):
    m = np.isin(dg.target, (a, b)); return dg.data[m] / 16, (dg.target[m] == b).astype(int)
sets = {"FM trouser 3000 + T-shirt 300": fm(1, 0, 3000, 300), "FM trouser 1000 + T-shirt 1000": fm(1, 0, 1000, 1000),
        "FM coat 1000 + pullover 1000": fm(4, 2, 1000, 1000), "digits 0 / 1": digits(0, 1), "digits 3 / 8": digits(3, 8)}
widths = [None] + [int(w) for w in sys.argv[1].split(",")]
for name, (X, y) in sets.items():
    out = []
    for w in widths:
        e = sk.DEPICTClustering(2, random_state=0, embedding_dim=w).fit(X)
        r = clustering_report(y, e.labels_)
        out.append(f"{w or 'default'}: {r['ACC']:.3f} / {r['NMI']:.3f} ({len(np.unique(e.labels_))} used)")
    print(f"{name:32s} " + "; ".join(out), flush=True)
