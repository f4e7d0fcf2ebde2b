"""JULEClustering on iris, wine and breast cancer (standardised), seeds 0-9: mean ACC with n_clusters="auto" and with the true k, and each seed's "auto" ACC (doc/results.rst, results_jule_euclidean).

    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/headpkg python benchmarks/results/compare_v03/jule_euclidean/tabular_auto.py > benchmarks/results/compare_v03/jule_euclidean/tabular_auto_before.txt
    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/jule_euclidean/tabular_auto.py > benchmarks/results/compare_v03/jule_euclidean/tabular_auto_after.txt
"""
import numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from sklearn.datasets import load_wine, load_iris, load_breast_cancer
from sklearn.preprocessing import StandardScaler
from skdeepcluster import JULEClustering
from skdeepcluster.metrics import clustering_accuracy as acc
for name, f in [("iris", load_iris), ("wine", load_wine), ("bc", load_breast_cancer)]:
    d = f(); X = StandardScaler().fit_transform(d.data); y = d.target; k = len(np.unique(y))
    a = [acc(y, JULEClustering("auto", random_state=s).fit(X).labels_) for s in range(10)]
    t = [acc(y, JULEClustering(k, random_state=s).fit(X).labels_) for s in range(10)]
    print(name, "auto %.3f true-k %.3f" % (np.mean(a), np.mean(t)), np.round(a, 2).tolist(), flush=True)
