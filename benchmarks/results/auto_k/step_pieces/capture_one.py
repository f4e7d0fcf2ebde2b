"""Saves the embedding (and input) that ESTIMATOR passes to the estimate of
n_clusters="auto" on the digits (pixels divided by 16) with the given seed,
stopping the fit there::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/auto_k/step_pieces/capture_one.py DAMICClustering 2 /work/exp/autok/emb2/digits__DAMICClustering__2.npz
"""
import sys, numpy as np, torch, warnings
warnings.filterwarnings("ignore")
torch.set_num_threads(1)
import skdeepcluster
from skdeepcluster.base import BaseDeepClustering
from skdeepcluster.datasets import load_dataset
method, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
est = BaseDeepClustering._estimate_n_clusters
class Stop(Exception): pass
def spy(self, embedding, random_state, X, **kw):
    np.savez(out, Z=np.asarray(embedding, np.float32), X=np.asarray(self._estimate_input(X), np.float32), k=10)
    raise Stop
BaseDeepClustering._estimate_n_clusters = spy
X = load_dataset("digits").data / 16.0
try:
    getattr(skdeepcluster, method)(n_clusters="auto", random_state=seed).fit(X)
except Stop:
    pass
