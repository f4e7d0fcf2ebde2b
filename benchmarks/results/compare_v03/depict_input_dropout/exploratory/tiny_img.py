"""Tiny images: each estimator's convolutional network (image_shape set) against its
MLP (flat rows), on the digits (8x8) and on 3,000 Fashion-MNIST training images pooled
to 14x14 and 7x7 (2x2 and 4x4 means)."""
import sys, time, warnings; warnings.filterwarnings("ignore")
import numpy as np, torch; torch.set_num_threads(1)
from sklearn.datasets import load_digits
import skdeepcluster as sk
from skdeepcluster.datasets import load_fashion_mnist
from skdeepcluster.metrics import clustering_report
def pooled(f):
    b = load_fashion_mnist("train"); X = b.data[:3000].reshape(-1, 28, 28)
    s = 28 // f; X = X.reshape(-1, s, f, s, f).mean((2, 4))
    return X.reshape(len(X), -1), b.target[:3000], (1, s, s)
sets = {"digits8": lambda: (*load_digits(return_X_y=True), (1, 8, 8)),
        "fm14": lambda: pooled(2), "fm7": lambda: pooled(4)}
names, methods, seeds = sys.argv[1].split(","), sys.argv[2].split(","), [int(s) for s in sys.argv[3].split(",")]
for setname in names:
    X, y, shape = sets[setname]()
    for m in methods:
        for kind in ("conv", "flat"):
            for seed in seeds:
                t = time.process_time()
                kw = {"image_shape": shape} if kind == "conv" else {}
                est = getattr(sk, m)(10, random_state=seed, **kw).fit(X)
                r = clustering_report(y, est.labels_)
                print(f"{setname} {m:32s} {kind} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f}  {time.process_time()-t:.1f} s CPU", flush=True)
