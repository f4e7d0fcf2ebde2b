"""Exploratory: save the pretrained codes that DEPICT / DAMIC start on (an init
clusterer that records what it is given; the start is spectral clustering as
before the compact pair), for pairs.py's sets.
Usage: codes.py METHOD SEED OUT.npz"""
import sys, os, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
meth, seed, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv = [sys.argv[0], "none", "0"]
exec(open(os.path.join(HERE, "..", "jule_cap", "imbalanced_pairs.py")).read().split("methods = sys.argv")[0])
FRACS = (0.1, 0.4, 1.0)
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.datasets import make_blobs
from skdeepcluster.graph import spectral_clustering
SAVED = {}
class Rec(BaseEstimator, ClusterMixin):
    def __init__(self, n_clusters=2, random_state=None):
        self.n_clusters = n_clusters; self.random_state = random_state
    def fit_predict(self, Z, y=None):
        SAVED["Z"] = np.array(Z, copy=True)
        return spectral_clustering(Z, self.n_clusters, random_state=self.random_state)
def blobs(d, gap, sizes=(900, 100)):
    return make_blobs(list(sizes), n_features=d, cluster_std=1.0, centers=[np.zeros(d), np.full(d, gap / np.sqrt(d))], random_state=0)
def allsets():
    yield from sets()
    for d, gap, sizes in [(100, 3.8, (900, 100)), (100, 6.0, (900, 100)), (100, 6.0, (500, 500)), (100, 6.0, (700, 300))]:
        yield f"gauss {d}-D gap {gap} {sizes}", *blobs(d, gap, sizes)
out = {}
for name, X, y in allsets():
    est = getattr(sk, meth)(2, random_state=seed, init=Rec(), n_epochs=1).fit(X)
    out[name + "|Z"] = SAVED["Z"]; out[name + "|y"] = y; out[name + "|X"] = X.astype(np.float32)
    print(name, est.init_on_, SAVED["Z"].shape, flush=True)
np.savez_compressed(out_path, **out)
