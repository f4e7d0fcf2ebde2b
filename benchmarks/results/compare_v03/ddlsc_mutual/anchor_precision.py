"""Share of anchor pairs that join one class, and the class with the fewest anchored samples (exploratory).

For each batch of 1,000 (a seed-0 shuffle): (precision, anchors per sample, least anchored class share)
of all k-NN edges, the mutual ones, the closest 30% and shared-neighbour filters.
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
import numpy as np, torch
from skdeepcluster.datasets import load_dataset
from sklearn.datasets import load_digits
def stats(X, y, bs, k, mode, f=1.0):
    rng = np.random.default_rng(0); perm = rng.permutation(len(X)); P=[]; N=[]; cov=[]
    for s in range(0, len(X) - bs + 1, bs):
        idx = perm[s:s+bs]; x = torch.tensor(X[idx]); yy = y[idx]
        d = torch.cdist(x, x); d.fill_diagonal_(float("inf"))
        dist, nb = d.topk(k, dim=1, largest=False)
        A = torch.zeros(bs, bs, dtype=torch.bool)
        if mode == "frac":
            keep = dist.reshape(-1).topk(max(1, int(f * dist.numel())), largest=False).indices
            A[keep // k, nb.reshape(-1)[keep]] = True; A = A | A.T
        elif mode == "mutual":
            A[torch.arange(bs)[:, None].expand(-1, k), nb] = True; A = A & A.T
        elif mode == "snn":  # shared-neighbour: keep edge if they share >= 1 of k' neighbours
            kk = 10; _, nb10 = d.topk(kk, dim=1, largest=False)
            M = torch.zeros(bs, bs); M[torch.arange(bs)[:, None].expand(-1, kk), nb10] = 1
            shared = M @ M.T
            A[torch.arange(bs)[:, None].expand(-1, k), nb] = True; A = A | A.T
            A = A & (shared >= f)
        r, c = A.nonzero(as_tuple=True)
        P.append((yy[r.numpy()] == yy[c.numpy()]).mean()); N.append(len(r) / bs)
        deg = A.sum(1).numpy() > 0
        cov.append(min(deg[yy == cl].mean() for cl in np.unique(yy)))
    return round(float(np.mean(P)), 3), round(float(np.mean(N)), 2), round(float(np.mean(cov)), 2)
fm = load_dataset("fashion_mnist"); Xf = (fm.data / 255.0).astype(np.float32); yf = fm.target
d = load_digits(); Xd = (d.data / 16).astype(np.float32); yd = d.target
for name, X, y in [("fmnist", Xf, yf), ("digits", Xd, yd)]:
    for k in (3, 5, 10):
        print(name, k, "all", stats(X, y, 1000, k, "frac", 1.0), "mutual", stats(X, y, 1000, k, "mutual"),
              "frac.3", stats(X, y, 1000, k, "frac", 0.3), "snn3", stats(X, y, 1000, k, "snn", 3), "snn5", stats(X, y, 1000, k, "snn", 5))
