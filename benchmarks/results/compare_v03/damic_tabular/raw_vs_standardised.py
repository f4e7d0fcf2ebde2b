import sys, json, numpy as np, torch, warnings, time; warnings.filterwarnings("ignore")
torch.set_num_threads(1)
from sklearn.datasets import load_iris, load_wine, load_breast_cancer
from sklearn.preprocessing import StandardScaler
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_accuracy as acc
params = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
for f in (load_iris, load_wine, load_breast_cancer):
    X, y = f(return_X_y=True); k = len(set(y))
    for lab, Z in (("raw", X), ("std", StandardScaler().fit_transform(X))):
        r = [acc(y, sk.DAMICClustering(k, random_state=s, device="cpu", **params).fit(Z).labels_) for s in range(3)]
        print(f.__name__[5:], lab, params, "%.3f" % np.mean(r), np.round(r, 3), flush=True)
