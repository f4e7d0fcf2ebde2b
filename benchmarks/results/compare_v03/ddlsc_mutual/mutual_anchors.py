"""DiscriminativeLatentClustering with mutual k-NN anchors (exploratory).

Runs ``benchmarks/ddlsc_phases.py`` with its arguments after replacing the
anchors of each batch (``select_anchors``: every edge of the batch's k-NN
graph) by the mutual edges of that graph (``ANCHORS=mutual``), or by the
mutual edges plus each sample's nearest neighbour (``ANCHORS=mutual+1``),
or by the mutual edges and the default anchors of a 3-NN graph (``ANCHORS=union``);
``ANCHORS=default`` changes nothing. From the repository root::

    ANCHORS=mutual OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_mutual/mutual_anchors.py fashion_mnist 0 '{"n_epochs": 0, "n_neighbors": 10}' --probe
"""
import os, sys, runpy, torch
from pathlib import Path
ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks"))
import skdeepcluster.ddlsc as ddlsc
MODE = os.environ.get("ANCHORS", "default")

@torch.no_grad()
def mutual(x, n_neighbors=5, fraction=1.0):
    n = x.shape[0]; k = min(int(n_neighbors), n - 1)
    x = x.reshape(n, -1).float(); sq = x.pow(2).sum(1)
    d2 = (sq[:, None] + sq[None, :] - 2.0 * (x @ x.T)).clamp_min(0.0); d2.fill_diagonal_(float("inf"))
    _, nb = d2.topk(k, dim=1, largest=False)
    A = torch.zeros(n, n, dtype=torch.bool, device=x.device)
    A[torch.arange(n, device=x.device)[:, None].expand(-1, k), nb] = True
    M = A & A.T
    if MODE == "union":  # the default anchors (every edge of the 3-NN graph) as well
        M = M | DEFAULT(x, 3, 1.0)
    if MODE == "mutual+1":  # every sample keeps its nearest neighbour at least
        A1 = torch.zeros_like(A); A1[torch.arange(n), nb[:, 0]] = True
        M = M | A1 | A1.T
    return M

DEFAULT = ddlsc.select_anchors
if MODE != "default":
    ddlsc.select_anchors = mutual
sys.argv = ["ddlsc_phases.py", *sys.argv[1:]]
runpy.run_path(str(ROOT / "benchmarks" / "ddlsc_phases.py"), run_name="__main__")
