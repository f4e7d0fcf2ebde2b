"""Save DEPICT's embedding where it starts its clustering (1 or 2 processes, the digits, n_epochs=0).

    OMP_NUM_THREADS=1 python depict_capture.py 1 one.npz
    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 depict_capture.py 1 two.npz
"""
import os, sys, numpy as np, torch
import skdeepcluster.base as b
from sklearn.datasets import load_digits
from skdeepcluster import DEPICTClustering
seed, out = int(sys.argv[1]), sys.argv[2]
torch.set_num_threads(1)
if "RANK" in os.environ:
    torch.distributed.init_process_group("gloo")
X, y = load_digits(return_X_y=True)
orig = b._cluster
def grab(Z, n, init, s):
    labels = orig(Z, n, init, s)
    np.savez(out, Z=Z, y=y, seed=s, labels=labels)
    return labels
b._cluster = grab
DEPICTClustering(n_clusters=10, random_state=seed, device="cpu", n_epochs=0).fit(X)
if "RANK" in os.environ:
    torch.distributed.destroy_process_group()
