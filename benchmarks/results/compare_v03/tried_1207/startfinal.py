"""start vs final of DDLSC on narrow tables: ACC start, ACC final, ARI(final, start)."""
import itertools, sys, time, warnings
warnings.filterwarnings("ignore")
import numpy as np, torch
torch.set_num_threads(1)
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "narrow_tables"))
from tables import sets, heldout_sets
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import adjusted_rand_score
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
only = sys.argv[1].split(",")
seeds = [int(s) for s in sys.argv[2].split(",")]
for name, X, y in itertools.chain(sets("/tmp/mlbench"), heldout_sets("/tmp/heldout")):
    if name not in only: continue
    X = StandardScaler().fit_transform(X).astype(np.float32); k = len(np.unique(y))
    for seed in seeds:
        t = time.process_time()
        m = sk.DiscriminativeLatentClustering(k, random_state=seed).fit(X)
        s = clustering_report(y, m.init_labels_)["ACC"]; f = clustering_report(y, m.labels_)
        h = [r for r in m.history_ if r.get("phase") == "hold"]
        print(f"{name:14s} seed {seed}: start {s:.3f} final {f['ACC']:.3f}/{f['NMI']:.3f} agree ARI {adjusted_rand_score(m.init_labels_, m.labels_):.3f} hold epochs {len(h)} last change {h[-1]['label_change'] if h else None:.3f} {time.process_time()-t:.1f}s", flush=True)
