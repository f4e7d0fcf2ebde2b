"""The features' range ratio (median varying range / widest) and shares_one_unit on the sets named in doc/results.rst (results_normalised_pixels).

    PYTHONPATH=. python benchmarks/results/compare_v03/normalised_pixels/ranges.py > benchmarks/results/compare_v03/normalised_pixels/ranges.txt
"""
import sys, numpy as np, warnings; warnings.filterwarnings("ignore")
sys.path.insert(0, "benchmarks")
from bench_auto_k import unequal_blobs
from sklearn import datasets
from sklearn.preprocessing import StandardScaler
from sklearn.decomposition import PCA
from skdeepcluster.datasets import load_dataset, load_fortunes_tfidf
from skdeepcluster.base import shares_one_unit
def ratio(X):
    lo, hi = X.min(0), X.max(0); r = hi - lo; v = r[r > 0]
    return np.median(v) / v.max(), (lo.min() < 0)
d = datasets.load_digits().data
fm = load_dataset("fashion_mnist").data.astype(np.float64)
bc = datasets.load_breast_cancer().data
sets = {"digits": d, "digits z-global": (d - d.mean()) / d.std(), "fm": fm, "fm torchvision": (fm / 255 - 0.286) / 0.353,
        "bc raw": bc, "bc std": StandardScaler().fit_transform(bc), "fortunes": load_fortunes_tfidf().data,
        "digits pca20": PCA(20, random_state=0).fit_transform(d / 16), "digits std": StandardScaler().fit_transform(d),
        "fm pca50": PCA(50, random_state=0).fit_transform(fm[:3000] / 255)}
for k in [3, 5, 8, 12, 20]: sets[f"blobs k={k}"] = unequal_blobs(k)[0]
for name, X in sets.items():
    r, neg = ratio(X); print(f"{name:18s} d={X.shape[1]:4d} ranges ratio {r:.3f} negative {neg} shares_one_unit(now) {shares_one_unit(X)}")
