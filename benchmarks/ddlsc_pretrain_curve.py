"""DiscriminativeLatentClustering's pretrained codes, epoch by epoch, on 28x28 images.

(Flat rows with ``"image_shape": null`` in PARAMS.)

Fits ``DiscriminativeLatentClustering(n_clusters, image_shape=(1, 28, 28),
random_state=SEED, **PARAMS)`` on a data set of ``benchmarks/compare.py``
and prints, after each pretraining epoch of CHECKPOINTS, the CPU seconds of
training so far (the k-means probes excluded) and the ACC / NMI / ARI of
k-means (the estimator's ``init="kmeans"``) on the normalised codes; then
the CPU seconds of each phase and the scores of the start and of
``labels_``. Run from the repository root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/ddlsc_pretrain_curve.py fashion_mnist 0 '{"n_pretrain_epochs": 30, "n_epochs": 0}' 3,5,10,15,20,30
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import skdeepcluster.ddlsc as ddlsc  # noqa: E402
from compare import load  # noqa: E402
from skdeepcluster.base import initial_clustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402
from skdeepcluster.training import Trainer  # noqa: E402


def main(argv):
    name, seed, params = argv[0], int(argv[1]), json.loads(argv[2])
    checkpoints = [int(c) for c in argv[3].split(",")]
    torch.set_num_threads(1)
    data = load(name)
    X, y = data.data, data.target
    params = {"image_shape": (1, 28, 28), **params}  # '"image_shape": null' for flat rows
    model = ddlsc.DiscriminativeLatentClustering(data.n_clusters, random_state=seed, **params)

    def report(labels):
        return "{ACC:.3f} / {NMI:.3f} / {ARI:.3f}".format(**clustering_report(y, labels))

    run, cpu = Trainer.run, {"train": 0.0}

    def timed_run(self, phase, n_epochs, epoch_fn):
        def probed_epoch(epoch):
            start = time.process_time()
            record = epoch_fn(epoch)
            cpu["train"] += time.process_time() - start
            if phase == "pretrain" and epoch + 1 in checkpoints:
                model.network_.eval()
                codes = model._apply(model._embed_batch, model._scaled_X).numpy()
                labels = initial_clustering(codes.astype(np.float64), data.n_clusters, "kmeans",
                                            np.random.RandomState(seed))
                print(f"pretrain epoch {epoch + 1}: train cpu {cpu['train']:.1f}  "
                      f"kmeans {report(labels)}", flush=True)
                model.network_.train()
            return record

        start = time.process_time()
        n_run = run(self, phase, n_epochs, probed_epoch)
        print(f"{phase}: ran {n_run} of {n_epochs}, cpu {time.process_time() - start:.1f}",
              flush=True)
        return n_run

    fit = model._fit

    def keeping_the_scaled_rows(X_scaled, random_state, trainer):
        model._scaled_X = X_scaled
        return fit(X_scaled, random_state, trainer)

    Trainer.run = timed_run
    model._fit = keeping_the_scaled_rows
    start = time.process_time()
    model.fit(X)
    print(name, seed, params, "init", report(model.init_labels_), "final", report(model.labels_),
          f"total cpu {time.process_time() - start:.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
