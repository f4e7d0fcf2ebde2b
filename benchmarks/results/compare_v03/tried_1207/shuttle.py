"""Exploratory (issue 14, goal 4): one DiscriminativeLatentClustering fit of a
narrow table (name, seed): class sizes, the start's and the labels' cluster
sizes, their confusion matrix and the hold's history every 30 epochs."""
import itertools, sys, warnings
warnings.filterwarnings("ignore")
import numpy as np, torch
torch.set_num_threads(1)
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "narrow_tables"))
from tables import sets, heldout_sets
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import confusion_matrix
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
name = sys.argv[1]; seed = int(sys.argv[2])
for n, X, y in itertools.chain(sets("/tmp/mlbench"), heldout_sets("/tmp/heldout")):
    if n == name: break
X = StandardScaler().fit_transform(X).astype(np.float32); k = len(np.unique(y))
m = sk.DiscriminativeLatentClustering(k, random_state=seed).fit(X)
print("classes", np.bincount(y.astype(int) - int(y.min())) if y.dtype.kind in "if" else np.unique(y, return_counts=True)[1])
print("start sizes", np.bincount(m.init_labels_, minlength=k))
print("final sizes", np.bincount(m.labels_, minlength=k))
print(confusion_matrix(m.init_labels_, m.labels_))
h = [r for r in m.history_ if r.get("phase") == "hold"]
for r in h[::30] + h[-1:]:
    print({kk: round(v, 4) if isinstance(v, float) else v for kk, v in r.items()})
