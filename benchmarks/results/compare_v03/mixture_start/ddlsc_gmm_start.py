"""Exploratory: DiscriminativeLatentClustering built with n_clusters alone,
its start on the codes (k-means, today) against a Gaussian mixture of a
narrow table itself held as stage I's assignments (environment variable
DDLSC_GMM=1 of the exploratory patch ddlsc_gmm_start.patch: ``git apply`` it
first), on the tabular sets of record, the
held-out mlbench tables and the principal components of images; seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/ddlsc_gmm_start.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/ddlsc_codes_start.txt
    DDLSC_GMM=1 OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/ddlsc_gmm_start.py /tmp/mlbench > benchmarks/results/compare_v03/mixture_start/ddlsc_gmm_start.txt
"""
import sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)
from sklearn.decomposition import PCA
from sklearn.datasets import load_breast_cancer, load_iris, load_wine, make_blobs
from sklearn.preprocessing import StandardScaler
from narrow_starts import load, clustering_report  # noqa: E402
from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.datasets import load_dataset

folder = sys.argv[1]


def sets():
    for name, f in (("iris", load_iris), ("wine", load_wine), ("breast_cancer", load_breast_cancer)):
        d = f()
        yield name, StandardScaler().fit_transform(d.data).astype(np.float32), d.target
    for name in ("Zoo", "Vowel", "PimaIndiansDiabetes", "Glass", "Vehicle", "Ionosphere"):
        yield name, *load(folder, name)
    X, y = make_blobs([50, 100, 200, 400, 800, 1600], n_features=3, cluster_std=[0.5, 1, 1.5, 1, 0.8, 2],
                      random_state=3)
    yield "unequal 3-D blobs", X.astype(np.float32), y
    digits = load_dataset("digits")
    Xd = digits.data.reshape(len(digits.data), -1) / 16.0
    for d in (10, 20):
        yield f"digits PCA {d}", PCA(d, random_state=0).fit_transform(Xd).astype(np.float32), digits.target
    fm = load_dataset("fashion_mnist")
    Xf = fm.data.reshape(len(fm.data), -1)[:3000].astype(np.float64)
    yield "FM 3000 PCA 10", PCA(10, random_state=0).fit_transform(Xf).astype(np.float32), fm.target[:3000]


for name, X, y in sets():
    k = len(np.unique(y))
    rows = []
    for seed in (0, 1, 2):
        t = time.process_time()
        m = DiscriminativeLatentClustering(k, random_state=seed).fit(X)
        r0, r = clustering_report(y, m.init_labels_), clustering_report(y, m.labels_)
        rows.append((r0["ACC"], r["ACC"], r["NMI"], time.process_time() - t))
    a = np.mean(rows, axis=0)
    print(f"{name:20s} init_ {m.init_:8s} start ACC {a[0]:.3f}  labels_ ACC / NMI {a[1]:.3f} / {a[2]:.3f}"
          f"  ({', '.join(f'{r[1]:.3f}' for r in rows)})  {a[3]:.1f} s CPU", flush=True)
