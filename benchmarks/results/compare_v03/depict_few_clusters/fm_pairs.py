"""Exploratory: two Fashion-MNIST classes of unequal sizes (3,000 and 300 images of the
training split, flat rows / 255), each estimator with n_clusters=2, seed 0; k-means beside."""
import sys, time, numpy as np, warnings; warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
from sklearn.cluster import KMeans
import skdeepcluster as sk
from skdeepcluster.datasets import load_dataset
from skdeepcluster.metrics import clustering_report
d = load_dataset("fashion_mnist_all")
NAMES = ("T-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot")
X_all, y_all = d.data.reshape(len(d.data), -1), d.target
pairs = [(1, 0), (4, 2), (7, 9), (0, 1)]  # (large, small): trouser/T-shirt, coat/pullover, sneaker/ankle boot, T-shirt/trouser
methods = sys.argv[1].split(",")
for big, small in pairs:
    rs = np.random.RandomState(0)
    idx = np.concatenate([rs.choice(np.flatnonzero(y_all == big), 3000, replace=False),
                          rs.choice(np.flatnonzero(y_all == small), 300, replace=False)])
    X, y = X_all[idx].astype(np.float32) / 255, (y_all[idx] == small).astype(int)
    km = clustering_report(y, KMeans(2, n_init=10, random_state=0).fit_predict(X))
    out = [f"k-means {km['ACC']:.3f} / {km['NMI']:.3f}"]
    for m in methods:
        t = time.process_time()
        e = getattr(sk, m)(2, random_state=0).fit(X)
        r = clustering_report(y, e.labels_)
        out.append(f"{m[:6]} {r['ACC']:.3f} / {r['NMI']:.3f} ({time.process_time() - t:.0f} s)")
    print(f"{NAMES[big]} 3000 + {NAMES[small]} 300: " + "; ".join(out), flush=True)
