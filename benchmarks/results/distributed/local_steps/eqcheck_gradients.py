"""One process against two with averaged gradients and half the batch each (the global batch
of one process): DiscriminativeLatentClustering's pretraining losses and parameters after three
epochs on 600 digits (doc/large_data.rst; used for ``ddlsc_row_split.patch``). From the
repository root::

    OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/distributed/local_steps/eqcheck_gradients.py OUT
    OMP_NUM_THREADS=1 PYTHONPATH=. torchrun --standalone --nproc_per_node=2 benchmarks/results/distributed/local_steps/eqcheck_gradients.py OUT
    python benchmarks/results/distributed/local_steps/eqcheck_gradients.py OUT --compare

(writes ``OUT/eq_1.pt`` and ``OUT/eq_2.pt``; ``--compare`` prints both runs' losses and the
largest difference of a parameter).
"""
import os
import sys

import torch
from sklearn.datasets import load_digits

from skdeepcluster import DiscriminativeLatentClustering, distributed


def fit(out):
    torch.set_num_threads(1)
    X = load_digits().data[:600] / 16
    world = int(os.environ.get("WORLD_SIZE", 1))
    if world > 1:
        torch.distributed.init_process_group("gloo")
    est = DiscriminativeLatentClustering(10, n_pretrain_epochs=3, n_epochs=0,
                                         batch_size=300 // world, random_state=0)
    with distributed.averaging("gradients"):
        est.fit(X)
    if world == 1 or torch.distributed.get_rank() == 0:
        state = {k: v.clone() for k, v in est.network_.state_dict().items()}
        torch.save((state, [h["loss"] for h in est.history_]), os.path.join(out, f"eq_{world}.pt"))
    if world > 1:
        torch.distributed.destroy_process_group()


def compare(out):
    one, one_losses = torch.load(os.path.join(out, "eq_1.pt"))
    two, two_losses = torch.load(os.path.join(out, "eq_2.pt"))
    print("losses, one process:", one_losses)
    print("losses, two:        ", two_losses)
    print("largest parameter difference:", max(float((one[k] - two[k]).abs().max()) for k in one))


if __name__ == "__main__":
    (compare if "--compare" in sys.argv else fit)(sys.argv[1])
