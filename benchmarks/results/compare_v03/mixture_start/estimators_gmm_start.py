"""Exploratory: DEPICT and DAMIC end to end (n_clusters alone, the start on
narrow inputs) with their spectral start and with the Gaussian mixture of
``narrow_starts2.py`` (EM from the best of 10 k-means runs, full covariances,
after the graph's separated pieces) passed as ``init``; seeds 0-4::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/estimators_gmm_start.py /tmp/mlbench depict > benchmarks/results/compare_v03/mixture_start/estimators_gmm_start_depict.txt
"""
import sys, time, warnings
import numpy as np
warnings.filterwarnings("ignore")
import torch
torch.set_num_threads(1)
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.datasets import load_breast_cancer, load_iris, load_wine, make_blobs
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler
from narrow_starts import load, clustering_report  # noqa: E402
from narrow_starts2 import gmm_km10  # noqa: E402
import skdeepcluster as sk
from skdeepcluster.datasets import load_dataset


class KM10GMM(ClusterMixin, BaseEstimator):
    def __init__(self, n_clusters=2, random_state=None):
        self.n_clusters, self.random_state = n_clusters, random_state

    def fit_predict(self, X, y=None):
        return gmm_km10(np.asarray(X, dtype=np.float64), self.n_clusters, self.random_state, ("full",))


SK = {"iris": load_iris, "wine": load_wine, "breast_cancer": load_breast_cancer}
digits = load_dataset("digits")


def sets(folder):
    """``(name, X, y)``: the tabular sets of record, mlbench tables, 3-D blobs
    of unequal sizes and the digits reduced to 20 principal components."""
    for name, f in SK.items():
        d = f()
        yield name, StandardScaler().fit_transform(d.data).astype(np.float32), d.target
    for name in ("Zoo", "Vowel", "PimaIndiansDiabetes", "Glass", "Vehicle"):
        yield name, *load(folder, name)
    X, y = make_blobs([50, 100, 200, 400, 800, 1600], n_features=3, cluster_std=[0.5, 1, 1.5, 1, 0.8, 2],
                      random_state=3)
    yield "unequal 3-D blobs", X.astype(np.float32), y
    yield "digits PCA 20", PCA(20, random_state=0).fit_transform(digits.data / 16.0).astype(np.float32), digits.target


if __name__ == "__main__":
    folder, method = sys.argv[1], sys.argv[2]
    E = {"depict": sk.DEPICTClustering, "damic": sk.DAMICClustering}[method]
    for name, X, y in sets(folder):
        k = len(np.unique(y))
        for start in ("spectral", "gmm"):
            rows = []
            for seed in range(5):
                t = time.process_time()
                init = "auto" if start == "spectral" else KM10GMM(k)
                m = E(k, init=init, random_state=seed).fit(X)
                r0, r = clustering_report(y, m.init_labels_), clustering_report(y, m.labels_)
                rows.append((r0["ACC"], r["ACC"], r["NMI"], time.process_time() - t))
            a = np.mean(rows, axis=0)
            print(f"{name:20s} {method} {start:8s} start ACC {a[0]:.3f}  labels_ ACC / NMI {a[1]:.3f} / {a[2]:.3f}"
                  f"  ({', '.join(f'{r[1]:.3f}' for r in rows)})  {a[3]:.1f} s CPU", flush=True)
