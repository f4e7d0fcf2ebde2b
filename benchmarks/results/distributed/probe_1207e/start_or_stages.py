"""Where a 2-process fit of the digits loses ACC: the start (ACC / NMI of init_labels_) or the clustering phase.

    OMP_NUM_THREADS=1 python start_or_stages.py SEED out.jsonl
    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 start_or_stages.py SEED out.jsonl

(DiscriminativeLatentClustering; depict_start_or_stages.jsonl: the same with DEPICTClustering.)
Both ranks print and append the line, and "procs" reads 1 outside the fit: for each seed the
first line is the one-process fit, the next two are the two ranks of the two-process fit."""
import json, os, sys, time
import torch
from sklearn.datasets import load_digits
from skdeepcluster import DiscriminativeLatentClustering, distributed
from skdeepcluster.metrics import clustering_report

seed = int(sys.argv[1]); out = sys.argv[2]
params = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
torch.set_num_threads(1)
if "RANK" in os.environ:
    torch.distributed.init_process_group("gloo")
X, y = load_digits(return_X_y=True)

est = DiscriminativeLatentClustering(n_clusters=10, random_state=seed, device="cpu", **params)
t = time.perf_counter(); est.fit(X); wall = time.perf_counter() - t
if distributed.rank() == 0:
    init = clustering_report(y, est.init_labels_); end = clustering_report(y, est.labels_)
    phases = {}
    for h in est.history_:
        phases[h["phase"]] = phases.get(h["phase"], 0) + 1
    line = dict(seed=seed, procs=distributed.world_size(), env={k: v for k, v in os.environ.items() if k.startswith("PROBE")},
                params=params, init=[round(init["ACC"], 3), round(init["NMI"], 3)], end=[round(end["ACC"], 3), round(end["NMI"], 3)], wall=round(wall, 2), phases=phases)
    print(json.dumps(line)); open(out, "a").write(json.dumps(line) + "\n")
if "RANK" in os.environ:
    torch.distributed.destroy_process_group()
