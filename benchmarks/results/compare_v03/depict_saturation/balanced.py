"""Exploratory: DEPICT with n_clusters=2 alone on balanced pairs of
Fashion-MNIST test classes, 500 + 500 images (draws RandomState(0..2)), seeds
0 and 1, beside k-means; prints whether the pretrained embedding saturated
(then the fit before the retry ended in one cluster).
Usage: balanced.py PAIRS (e.g. 3/1,1/0)"""
import sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
import skdeepcluster as sk
from skdeepcluster.datasets import load_fashion_mnist
from skdeepcluster.metrics import clustering_report

d = load_fashion_mnist()
X_all, y_all = d.data.reshape(len(d.data), -1) / 255.0, d.target
for pair in sys.argv[1].split(","):
    a, b = (int(c) for c in pair.split("/"))
    for r in range(3):
        rs = np.random.RandomState(r)
        idx = np.concatenate([rs.choice(np.flatnonzero(y_all == a), 500, replace=False),
                              rs.choice(np.flatnonzero(y_all == b), 500, replace=False)])
        X, y = X_all[idx].astype(np.float32), (y_all[idx] == b).astype(int)
        km = clustering_report(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
        line = [f"{a}/{b} draw {r}: k-means {km['ACC']:.3f} / {km['NMI']:.3f}"]
        for s in (0, 1):
            t = time.process_time()
            e = sk.DEPICTClustering(2, random_state=s).fit(X)
            rep = clustering_report(y, e.labels_)
            phases = {h["phase"] for h in e.history_}
            again = any(p.startswith("pretrain (") for p in phases)
            line.append(f"seed {s} {rep['ACC']:.3f} / {rep['NMI']:.3f} {np.bincount(e.labels_, minlength=2).tolist()}"
                        f"{' (pretrained again)' if again else ''} {time.process_time() - t:.0f} s")
        print("; ".join(line), flush=True)
