"""Peak RssAnon of the spectral step on a synthetic 500,000-node graph:
old = scikit-learn's spectral_embedding on the graph (held by the caller),
new = skdeepcluster.graph._spectral_embedding on the neighbour lists, then
the graph built again (as spectral_clustering does).

Run from the repository root, one mode per process:
    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/damic500k/spectral_step_500k_synthetic.py 500000 new
    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/damic500k/spectral_step_500k_synthetic.py 500000 old
(each saves its vectors to /tmp/spec_<mode>.npy, to compare).
The graph: 15 neighbours per node, drawn among the next 39 nodes of a random order."""
import sys, threading, time, warnings
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
def rss():
    for l in open("/proc/self/status"):
        if l.startswith("RssAnon:"): return int(l.split()[1]) / 1024
peak = [rss()]
def samp():
    while True:
        peak[0] = max(peak[0], rss()); time.sleep(0.01)
threading.Thread(target=samp, daemon=True).start()
import torch
torch.set_num_threads(1)  # and torch in the baseline, as in bench_out_of_core.py
from skdeepcluster import graph
base = rss()
n, k, mode = int(sys.argv[1]), 15, sys.argv[2]
rng = np.random.default_rng(0)
order = rng.permutation(n)
nb = (np.arange(n)[:, None] + rng.integers(1, 40, size=(n, k))) % n
nb = order[nb].astype(np.int32)[np.argsort(order)]
del order
graph._release_free_heap()
s = rss(); peak[0] = s; c = time.process_time()
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    if mode == "old":
        A = graph._graph_of(nb)
        v = graph.spectral_embedding(A, n_components=10, eigen_solver="lobpcg", random_state=0)
    else:
        v = graph._spectral_embedding(nb, 10, 0)
        A = graph._graph_of(nb)
print(f"{mode}: neighbour lists held {s - base:.0f} MiB; spectral step peak {peak[0] - base:.0f}, "
      f"end {rss() - base:.0f} MiB above the interpreter, {time.process_time() - c:.1f} CPU s", flush=True)
np.save(f"/tmp/spec_{mode}.npy", v)
