"""Exploratory, after ``narrow_starts2.py``: narrow inputs that are
embeddings rather than measured tables (principal components of the digits
and of 3,000 Fashion-MNIST training images), spectral clustering against the
Gaussian mixture started from 10 k-means runs, seeds 0-2::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/mixture_start/narrow_embeddings.py > benchmarks/results/compare_v03/mixture_start/narrow_embeddings.txt
"""
import warnings
import numpy as np
warnings.filterwarnings("ignore")
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler
from narrow_starts2 import gmm_km10  # noqa: E402
from narrow_starts import spectral_clustering, clustering_report  # noqa: E402
from skdeepcluster.datasets import load_dataset

digits = load_dataset("digits")
fm = load_dataset("fashion_mnist")
Xd = digits.data.reshape(len(digits.data), -1) / 16.0
Xf = fm.data.reshape(len(fm.data), -1)[:3000].astype(np.float64)
yf = fm.target[:3000]
for name, X, y in [("digits PCA 10", PCA(10, random_state=0).fit_transform(Xd), digits.target),
                   ("digits PCA 20", PCA(20, random_state=0).fit_transform(Xd), digits.target),
                   ("digits PCA 40", PCA(40, random_state=0).fit_transform(Xd), digits.target),
                   ("FM 3000 PCA 10", PCA(10, random_state=0).fit_transform(Xf), yf),
                   ("FM 3000 PCA 30", PCA(30, random_state=0).fit_transform(Xf), yf)]:
    k = len(np.unique(y))
    X = StandardScaler().fit_transform(X)
    for cand, fn in (("spectral", lambda s: spectral_clustering(X, k, random_state=s)),
                     ("km10-full", lambda s: gmm_km10(X, k, s, ("full",)))):
        r = [clustering_report(y, fn(s)) for s in (0, 1, 2)]
        print(f"{name:16s} {cand:10s} {np.mean([x['ACC'] for x in r]):.3f} / {np.mean([x['NMI'] for x in r]):.3f}", flush=True)
