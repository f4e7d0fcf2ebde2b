"""Exploratory: DEPICT's convolutional embedding width with two and three clusters: the
paper's n_clusters units against 10, seed 0."""
import numpy as np, warnings; warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
import skdeepcluster as sk
from skdeepcluster.datasets import load_dataset
from sklearn.datasets import load_digits
from skdeepcluster.metrics import clustering_report
d = load_dataset("fashion_mnist_all")
X_all, y_all = d.data.reshape(len(d.data), -1), d.target
rs = np.random.RandomState(0)
idx = np.concatenate([rs.choice(np.flatnonzero(y_all == c), 1000, replace=False) for c in (1, 0)])
dg = load_digits()
sets = {"FM trouser 1000 + T-shirt 1000 (28x28)": (X_all[idx].astype(np.float32) / 255, y_all[idx], (1, 28, 28))}
for cl in ((0, 1), (3, 5, 8)):
    m = np.isin(dg.target, cl); sets[f"digits {cl} (8x8)"] = (dg.data[m] / 16, dg.target[m], (1, 8, 8))
for name, (X, y, shape) in sets.items():
    out = []
    for w in (None, 10):
        e = sk.DEPICTClustering(len(np.unique(y)), random_state=0, embedding_dim=w, image_shape=shape).fit(X)
        r = clustering_report(y, e.labels_)
        out.append(f"{w or 'default'}: {r['ACC']:.3f} / {r['NMI']:.3f} ({len(np.unique(e.labels_))} used)")
    print(f"{name:40s} " + "; ".join(out), flush=True)
