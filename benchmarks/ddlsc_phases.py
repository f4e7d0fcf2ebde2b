"""Where DiscriminativeLatentClustering's accuracy is made or lost, phase by phase.

Fits ``DiscriminativeLatentClustering(n_clusters, random_state=SEED,
**PARAMS)`` on a data set of ``benchmarks/compare.py`` (the same rows, flat)
and prints, with the CPU seconds of each phase, the ACC / NMI of:

* the initial clustering of the pretrained codes (``init``, k-means by
  default) and, with ``--probe``, the other shared start
  (``initial_clustering`` with ``"spectral"``: a 15-nearest-neighbour graph,
  DEPICT's and DAMIC's start) on the same codes;
* the labels after clustering stage I and after stage II;
* the fitted ``labels_``.

Run from the repository root, one thread::

    OMP_NUM_THREADS=1 python benchmarks/ddlsc_phases.py fashion_mnist 0 '{}' --probe
    OMP_NUM_THREADS=1 python benchmarks/ddlsc_phases.py digits 0 '{"n_epochs": 0, "batch_size": 2000}' --probe

``{"n_epochs": 0}`` skips the clustering stages (pretraining and start
only). With ``--cache DIR`` the pretrained network is saved to ``DIR``
the first time (keyed by data set, seed and the parameters that act on
pretraining) and later runs with other clustering parameters (``init``,
``n_epochs``, the stage weights) start from it instead of pretraining
again::

    OMP_NUM_THREADS=1 python benchmarks/ddlsc_phases.py fashion_mnist 0 '{"batch_size": 2000, "init": "spectral"}' --cache /tmp/ddlsc_cache
"""

import copy
import hashlib
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
from skdeepcluster.metrics import clustering_report  # noqa: E402
from skdeepcluster.training import Trainer  # noqa: E402


def main(argv):
    name, seed = argv[0], int(argv[1])
    params = json.loads(argv[2]) if len(argv) > 2 and not argv[2].startswith("--") else {}
    probe = "--probe" in argv
    cache = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    if cache is not None:
        use_cached_pretraining(cache, name, seed, params)
    torch.set_num_threads(1)
    data = load(name)
    X, y = data.data, data.target

    def report(labels):
        scores = clustering_report(y, labels)
        return f"{scores['ACC']:.3f} / {scores['NMI']:.3f}"

    # The last assignments of a clustering epoch: spherical_centroids is
    # called with them once per epoch, after the reassignment.
    last = {}
    centroids = ddlsc.spherical_centroids

    def recording_centroids(codes, labels, *args, **kwargs):
        last["labels"] = labels.numpy().copy()
        return centroids(codes, labels, *args, **kwargs)

    run = Trainer.run

    def timed_run(self, phase, n_epochs, epoch_fn):
        start = time.process_time()
        n_run = run(self, phase, n_epochs, epoch_fn)
        line = f"{phase}: {n_epochs} max, ran {n_run}, cpu {time.process_time() - start:.1f}"
        if phase != "pretrain":
            line += f"  labels {report(last['labels'])}"
        print(line, flush=True)
        return n_run

    initial = ddlsc.initial_clustering

    def reported_start(codes, n_clusters, init, random_state):
        start = time.process_time()
        labels = initial(codes, n_clusters, init, random_state)
        print(f"init {init}: {report(labels)} cpu {time.process_time() - start:.1f}", flush=True)
        if probe:
            for other in ("kmeans", "spectral"):
                if other != init:
                    start = time.process_time()
                    other_labels = initial(codes, n_clusters, other, np.random.RandomState(seed))
                    print(f"  probe {other}: {report(other_labels)} "
                          f"cpu {time.process_time() - start:.1f}", flush=True)
        return labels

    ddlsc.spherical_centroids = recording_centroids
    ddlsc.initial_clustering = reported_start
    Trainer.run = timed_run
    start = time.process_time()
    model = ddlsc.DiscriminativeLatentClustering(data.n_clusters, random_state=seed, **params)
    model.fit(X)
    print(name, seed, params, "final", report(model.labels_),
          f"total cpu {time.process_time() - start:.1f}", flush=True)


#: Parameters that act only after pretraining: runs that differ in these alone
#: share one pretrained network under ``--cache``.
CLUSTERING_PARAMS = {"init", "n_epochs", "lambda_d", "lambda_r", "lambda_b", "lambda_w", "tol"}


def use_cached_pretraining(cache, name, seed, params):
    """Make the next fit start from the network pretrained with ``params``
    (saved in ``cache`` by the first fit that pretrains it)."""
    pretrain = {key: value for key, value in params.items() if key not in CLUSTERING_PARAMS}
    key = hashlib.sha1(json.dumps([name, seed, pretrain], sort_keys=True).encode()).hexdigest()
    path = cache / f"{name}_{seed}_{key[:12]}.pt"
    estimator = ddlsc.DiscriminativeLatentClustering
    epochs = estimator._epochs
    if path.is_file():
        network = torch.load(path, weights_only=False)
        print(f"pretrained network from {path}", flush=True)
        estimator._build_network = lambda self, n_features, generator: copy.deepcopy(network)
        estimator._epochs = (
            lambda self, phase, n: 0 if phase == "n_pretrain_epochs" else epochs(self, phase, n))
        return
    run = Trainer.run

    def saving_run(self, phase, n_epochs, epoch_fn):
        n_run = run(self, phase, n_epochs, epoch_fn)
        if phase == "pretrain":
            cache.mkdir(parents=True, exist_ok=True)
            torch.save(self.modules[0], path)
        return n_run

    Trainer.run = saving_run


if __name__ == "__main__":
    main(sys.argv[1:])
