"""DiscriminativeLatentClustering with a neutral zone in eq. (5) (exploratory).

The discriminative loss pushes every non-anchor pair of a batch towards
cosine 0, also pairs that are close in the input without being among the
``n_neighbors`` nearest (same-class pairs, mostly). Here the pairs of the
batch's ``NEUTRAL``-nearest-neighbour graph (symmetric) that are not
anchors are left out of both sums: neither pushed nor pulled.
``NEUTRAL=0`` changes nothing. Runs ``benchmarks/ddlsc_phases.py`` with its
arguments, from the repository root::

    NEUTRAL=10 OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_neutral/neutral_zone.py fashion_mnist 0 '{"n_epochs": 0}' --probe
"""
import os, sys, runpy, torch
from pathlib import Path
ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks"))
import skdeepcluster.ddlsc as ddlsc
from skdeepcluster.geometry import cosine_similarities
NEUTRAL = int(os.environ.get("NEUTRAL", "0"))
SELECT = ddlsc.select_anchors
STASH = {}

@torch.no_grad()
def select(x, n_neighbors=3, fraction=1.0):
    anchors = SELECT(x, n_neighbors, fraction)
    STASH["neutral"] = SELECT(x, NEUTRAL, 1.0) & ~anchors
    return anchors

def loss(z, anchors, alpha=0.2):
    n = z.shape[0]
    C = cosine_similarities(z)
    off = ~torch.eye(n, dtype=torch.bool, device=z.device)
    anchors = anchors & off
    others = off & ~anchors & ~STASH["neutral"]
    push = (C.abs() * others).sum() / others.sum().clamp_min(1)
    pull = (C * anchors).sum() / anchors.sum().clamp_min(1)
    return push - (1.0 - alpha) * pull

if NEUTRAL > 0:
    ddlsc.select_anchors = select
    ddlsc.discriminative_loss = loss
sys.argv = ["ddlsc_phases.py", *sys.argv[1:]]
runpy.run_path(str(ROOT / "benchmarks" / "ddlsc_phases.py"), run_name="__main__")
