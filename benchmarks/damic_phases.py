"""DAMIC's phases on one data set and seed: the CPU time of each, the quality
of the spectral start after chosen pretraining epochs, and the quality of the
labels before and after every joint epoch (``doc/results.rst``,
:ref:`results_damic_cost`)::

    OMP_NUM_THREADS=1 python benchmarks/damic_phases.py fashion_mnist 0 '{"n_epochs": 15, "label_tol": 0}' 20,30,50,70,100

The third argument is DAMICClustering's parameters as JSON, the fourth the
pretraining epochs after which the spectral start on the single
autoencoder's codes is scored. Scores are ACC/NMI/ARI; in the joint phase
of the labels by the clustering network ("proba") and by the smallest
reconstruction error ("recon"). The time spent scoring is left out of the
phase times. It wraps ``skdeepcluster.training.Trainer.run`` to do this: a
measuring script, not an API.
"""
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
warnings.filterwarnings("ignore")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import torch
from sklearn.metrics import normalized_mutual_info_score as nmi, adjusted_rand_score as ari
from skdeepcluster import DAMICClustering
from skdeepcluster import training
from skdeepcluster.base import initial_clustering
from skdeepcluster.metrics import clustering_accuracy
from compare import load

name, seed = sys.argv[1], int(sys.argv[2])
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
checkpoints = {int(c) for c in sys.argv[4].split(",")} if len(sys.argv) > 4 and sys.argv[4] else set()
torch.set_num_threads(1)
data = load(name)
X, y = data.data, data.target
k = data.n_clusters
hook_cpu = [0.0]


def score(lab):
    return f"{clustering_accuracy(y, lab):.3f}/{nmi(y, lab):.3f}/{ari(y, lab):.3f}"


class Traced(DAMICClustering):
    def _fit(self, Xs, random_state, trainer):
        self._Xs = Xs
        return super()._fit(Xs, random_state, trainer)


est = Traced(n_clusters=k, random_state=seed, **params)
orig_run = training.Trainer.run


def joint_trace(tag):
    t = time.process_time()
    p = est._apply(est._log_proba_batch, est._Xs).argmax(1).numpy()
    r = est._apply(est._distances_batch, est._Xs).argmin(1).numpy()
    print(f"    joint {tag}: proba {score(p)} recon {score(r)} used {len(np.unique(p))}", flush=True)
    hook_cpu[0] += time.process_time() - t


def run(self, phase, n_epochs, epoch_fn):
    def wrapped(epoch):
        rec = epoch_fn(epoch)
        if phase == "pretrain" and epoch + 1 in checkpoints:
            t = time.process_time()
            single = self.modules[0]
            single.eval()
            codes = est._apply(lambda x: single.encode(x)[0], est._Xs).numpy().astype(np.float64)
            lab = initial_clustering(codes, k, "spectral", np.random.RandomState(seed))
            print(f"    pretrain epoch {epoch + 1}: loss {rec['loss']:.4f} spectral start {score(lab)}"
                  f" (spectral {time.process_time() - t:.1f} s)", flush=True)
            hook_cpu[0] += time.process_time() - t
        if phase == "cluster":
            joint_trace(f"epoch {epoch + 1} loss {rec['loss']:.4f} empty {rec.get('n_empty')}")
        return rec
    if phase == "cluster":
        joint_trace("epoch 0")
    h0, t0 = hook_cpu[0], time.process_time()
    n = orig_run(self, phase, n_epochs, wrapped)
    cpu = time.process_time() - t0 - (hook_cpu[0] - h0)
    print(f"  phase {phase}: {n} epochs, {cpu:.1f} s CPU", flush=True)
    return n


training.Trainer.run = run
t0 = time.process_time()
est.fit(X)
total = time.process_time() - t0 - hook_cpu[0]
print(f"{name} seed {seed} {params}: init {score(est.init_labels_)} final {score(est.labels_)} "
      f"clusters {len(np.unique(est.labels_))} n_iter {est.n_iter_} CPU {total:.1f} s", flush=True)
