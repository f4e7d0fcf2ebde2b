"""One JULEClustering fit with given parameters on a compare.py data set
(flat rows): ACC / NMI / ARI of labels_ and sf_labels_, and CPU seconds.
Run from the repository root, one thread:

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/jule_flat/probe/probe.py fashion_mnist 0 '{"k_s": 30}'
"""
import json
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from compare import load  # noqa: E402
from skdeepcluster import JULEClustering  # noqa: E402
from skdeepcluster.metrics import clustering_report  # noqa: E402

name, seed = sys.argv[1], int(sys.argv[2])
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
torch.set_num_threads(1)
data = load(name)
start = time.process_time()
model = JULEClustering(data.n_clusters, random_state=seed, **params).fit(data.data)
cpu = time.process_time() - start
final, sf = clustering_report(data.target, model.labels_), clustering_report(data.target, model.sf_labels_)
print(f"{name} seed {seed} {json.dumps(params)}: labels_ {final['ACC']:.3f} / {final['NMI']:.3f} / "
      f"{final['ARI']:.3f}, sf {sf['ACC']:.3f} / {sf['NMI']:.3f}, {model.n_periods_} periods from "
      f"{model.n_initial_clusters_} chains, CPU {cpu:.1f} s", flush=True)
