"""DiscriminativeLatentClustering's pairwise terms before and after 1efa7dd, timed (doc/results.rst,
``results_ddlsc_fast_losses``).

The forms before (the N x N matrix masked three times; squared distances in four passes) are
written out here; the package's ``discriminative_loss`` and ``select_anchors`` are the forms
after. Prints whether they agree and the mean time of 20 calls of each (the loss: forward and
backward). From the repository root, alone on the machine::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/ddlsc_fast_losses/micro_losses.py
"""
import time

import torch

from skdeepcluster.geometry import cosine_similarities, select_anchors
from skdeepcluster.losses import discriminative_loss


def loss_before(z, anchors, alpha=0.2):
    n = z.shape[0]
    C = cosine_similarities(z)
    off_diagonal = ~torch.eye(n, dtype=torch.bool, device=z.device)
    anchors = anchors & off_diagonal
    n_anchors = anchors.sum()
    n_others = n * (n - 1) - n_anchors
    abs_c = C.abs()
    others = (abs_c * off_diagonal).sum() - (abs_c * anchors).sum()
    return others / n_others.clamp_min(1) - (1.0 - alpha) * (C * anchors).sum() / n_anchors.clamp_min(1)


@torch.no_grad()
def anchors_before(x, n_neighbors=3, fraction=1.0):
    n = x.shape[0]
    anchors = torch.zeros(n, n, dtype=torch.bool)
    k = min(int(n_neighbors), n - 1)
    x = x.reshape(n, -1).float()
    squared = x.pow(2).sum(1)
    d2 = (squared[:, None] + squared[None, :] - 2.0 * (x @ x.T)).clamp_min(0.0)
    d2.fill_diagonal_(float("inf"))
    distances, neighbors = d2.topk(k, dim=1, largest=False)
    n_keep = min(distances.numel(), max(1, int(round(fraction * distances.numel()))))
    keep = distances.reshape(-1).topk(n_keep, largest=False).indices
    anchors[torch.div(keep, k, rounding_mode="floor"), neighbors.reshape(-1)[keep]] = True
    return anchors | anchors.T


def timed(function, *args, backward=False, repeats=20):
    start = time.perf_counter()
    for _ in range(repeats):
        out = function(*args)
        if backward:
            out.backward()
    return (time.perf_counter() - start) / repeats * 1e3


def main():
    torch.set_num_threads(1)
    torch.manual_seed(0)
    for n, features in [(1000, 64), (1000, 784), (2000, 784)]:
        x = torch.rand(n, features)
        z = torch.randn(n, 60, requires_grad=True)
        anchors = select_anchors(x, 3, 1.0)
        same = torch.equal(anchors, anchors_before(x, 3, 1.0))
        g_after, = torch.autograd.grad(discriminative_loss(z, anchors), z)
        g_before, = torch.autograd.grad(loss_before(z, anchors), z)
        print(f"{n} rows x {features} features: anchors identical {same}, gradient max difference "
              f"{float((g_after - g_before).abs().max()):.1e} (largest entry {float(g_before.abs().max()):.1e})")
        print(f"  anchors  before {timed(anchors_before, x, 3, 1.0):.1f} ms, after {timed(select_anchors, x, 3, 1.0):.1f} ms")
        print(f"  loss f+b before {timed(loss_before, z, anchors, backward=True):.1f} ms, "
              f"after {timed(discriminative_loss, z, anchors, backward=True):.1f} ms")


if __name__ == "__main__":
    main()
