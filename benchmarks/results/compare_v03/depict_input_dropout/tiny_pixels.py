"""Pixels of small images as flat rows (doc/results.rst, results_depict_input_dropout).

Sets: 3,000 Fashion-MNIST training images mean-pooled to 7x7 (``fm7``, 49 features),
to 4x4 (``fm4``, 16 features) and to 14x14 (``fm14``, 196 features), and the digits
pooled to 4x4 (``digits4``, 16 features); grey levels as they are (each estimator
scales them itself). METHODS: estimator class names, ``kmeans`` (rows divided by
their maximum) or ``umapgmm`` (UMAP to 10 dimensions, then a Gaussian mixture)::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/depict_input_dropout/tiny_pixels.py fm7,fm4,digits4 kmeans,umapgmm,DEPICTClustering 0,1,2 [PARAMS_JSON]

Prints ACC / NMI of the start (``init_labels_``, where the estimator has one) and of
``labels_``, and the CPU seconds of each fit.
"""
import json, sys, time, warnings
import numpy as np, torch
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits
from sklearn.mixture import GaussianMixture
import skdeepcluster as sk
from skdeepcluster.datasets import load_fashion_mnist
from skdeepcluster.metrics import clustering_report


def fashion(side, n=3000):
    images = load_fashion_mnist("train")
    f = 28 // side
    X = images.data[:n].reshape(n, side, f, side, f).mean(axis=(2, 4))
    return X.reshape(n, -1), images.target[:n]


def digits(side):
    X, y = load_digits(return_X_y=True)
    f = 8 // side
    return X.reshape(len(X), side, f, side, f).mean(axis=(2, 4)).reshape(len(X), -1), y


SETS = {"fm7": lambda: fashion(7), "fm4": lambda: fashion(4), "fm14": lambda: fashion(14),
        "digits4": lambda: digits(4)}
names, methods = sys.argv[1].split(","), sys.argv[2].split(",")
seeds = [int(s) for s in sys.argv[3].split(",")]
params = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
for name in names:
    X, y = SETS[name]()
    X = X.astype(np.float32)
    for method in methods:
        rows = []
        for seed in seeds:
            start, cpu = "", time.process_time()
            if method == "kmeans":
                labels = KMeans(10, n_init=10, random_state=seed).fit_predict(X / X.max())
            elif method == "umapgmm":
                import umap
                E = umap.UMAP(n_neighbors=10, min_dist=0.0, n_components=10,
                              random_state=seed).fit_transform(X / X.max())
                labels = GaussianMixture(10, covariance_type="full", random_state=seed).fit_predict(E)
            else:
                model = getattr(sk, method)(10, random_state=seed, **params).fit(X)
                labels = model.labels_
                if hasattr(model, "init_labels_"):  # JULE has none
                    r = clustering_report(y, model.init_labels_)
                    start = f"start {r['ACC']:.3f} / {r['NMI']:.3f}, "
            cpu = time.process_time() - cpu
            r = clustering_report(y, labels)
            rows.append((r["ACC"], r["NMI"], cpu))
            print(f"{name} ({X.shape[1]} features) {method} {params or ''} seed {seed}: {start}"
                  f"labels {r['ACC']:.3f} / {r['NMI']:.3f}, {cpu:.1f} s CPU", flush=True)
        acc, nmi, cpu = np.mean(rows, axis=0)
        print(f"{name} ({X.shape[1]} features) {method} {params or ''} mean: {acc:.3f} / {nmi:.3f}, "
              f"{cpu:.1f} s CPU", flush=True)
