"""The digits reduced to D principal components, each estimator standardised and in one global range, seeds 0-2 (doc/results.rst, results_normalised_pixels).

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/normalised_pixels/pca_probe.py JULEClustering,DiscriminativeLatentClustering,DEPICTClustering 20
"""
import sys, time, json, numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import load_digits
from sklearn.decomposition import PCA
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
X, y = load_digits(return_X_y=True); X = X / 16
d = int(sys.argv[2]); Z = PCA(d, random_state=0).fit_transform(X)
for method in sys.argv[1].split(","):
    for sc in ["standard", "minmax"]:
        res = []
        for s in [0, 1, 2]:
            m = getattr(sk, method)(10, random_state=s, scaling=sc).fit(Z); r = clustering_report(y, m.labels_); res.append((r["ACC"], r["NMI"]))
        a = np.mean(res, 0); print(f"pca{d} {method:32s} {sc:9s} {a[0]:.3f} / {a[1]:.3f}  {' '.join('%.3f' % r[0] for r in res)}", flush=True)
