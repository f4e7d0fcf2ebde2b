"""DiscriminativeLatentClustering pretrained on batches made of neighbourhoods (exploratory).

A pretraining batch of ``batch_size`` rows is ``batch_size / GROUP`` samples
drawn at random (each once per epoch, as many batches as the default) with,
for each, its ``GROUP - 1`` nearest neighbours in the whole scaled input, so
that the batch's 3-NN anchors are the data's own nearest neighbours (a
random batch of 1,000 of 10,000 links a sample to neighbours spread over
its 30 nearest). The clustering stages keep random batches. ``GROUP=0``
changes nothing; ``NEUTRAL=k`` adds ``neutral_zone.py``'s patch. Runs ``benchmarks/ddlsc_phases.py`` with its arguments,
from the repository root::

    GROUP=4 OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_neutral/neighbourhood_batches.py fashion_mnist 0 '{"n_epochs": 0}' --probe
"""
import os, sys, runpy, torch
from pathlib import Path
ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks"))
import skdeepcluster.ddlsc as ddlsc
import skdeepcluster.training as training
from skdeepcluster.graph import nearest_neighbors
GROUP = int(os.environ.get("GROUP", "0"))
TRAIN_EPOCH = ddlsc.train_epoch
KNN = {}

def neighbourhoods(n_samples, batch_size, *, generator=None, shuffle=True, min_size=2, X=None):
    if id(X) not in KNN:
        KNN.clear()
        KNN[id(X)] = torch.as_tensor(nearest_neighbors(X.numpy() if hasattr(X, "numpy") else X, GROUP - 1)[1]).long()
    nb = KNN[id(X)]
    order = torch.randperm(n_samples, generator=generator)
    per = max(1, batch_size // GROUP)
    n_batches = max(1, round(n_samples / batch_size))
    for b in range(n_batches):
        seeds = order[b * per:(b + 1) * per]
        idx = torch.cat([seeds[:, None], nb[seeds]], 1).reshape(-1)
        yield torch.unique(idx)

def train_epoch(batch_loss, optimizer, n_samples, batch_size, generator, *, rows=None):
    if batch_loss.keywords.get("stage") != "pretrain":
        return TRAIN_EPOCH(batch_loss, optimizer, n_samples, batch_size, generator, rows=rows)
    original = training.minibatches
    training.minibatches = lambda *a, **k: neighbourhoods(*a, **k, X=rows)
    try:
        return TRAIN_EPOCH(batch_loss, optimizer, n_samples, batch_size, generator, rows=None)
    finally:
        training.minibatches = original

if GROUP > 0:
    ddlsc.train_epoch = train_epoch
# Through neutral_zone.py, which adds its patch with NEUTRAL > 0 (else none)
# and runs ddlsc_phases.py.
runpy.run_path(str(Path(__file__).with_name("neutral_zone.py")), run_name="__main__")
