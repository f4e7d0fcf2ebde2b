"""Fit METHOD with defaults on DATASET (images keep shape unless --flat); save the
pretrained embedding passed to initial_clustering, init labels, final labels, transform, y."""
import sys, time, numpy as np, torch
torch.set_num_threads(1)
sys.path.insert(0, "/work/main/benchmarks")
from compare import load
import skdeepcluster as sk
from sklearn.metrics import normalized_mutual_info_score as nmi
from skdeepcluster.metrics import clustering_accuracy as acc
method, name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
flat = "--flat" in sys.argv
mod = {"depict": sk.depict, "damic": sk.damic}[method]
cls = {"depict": sk.DEPICTClustering, "damic": sk.DAMICClustering}[method]
captured = {}
orig = mod.initial_clustering
def spy(embedding, *a, **k):
    captured["Z0"] = np.asarray(embedding.detach().cpu() if hasattr(embedding, "detach") else embedding).copy()
    return orig(embedding, *a, **k)
mod.initial_clustering = spy
b = load(name); y = b.target
X = b.data.reshape(len(b.data), -1)
kw = {} if flat or b.image_shape is None else {"image_shape": tuple(b.image_shape)}
t = time.process_time()
m = cls(n_clusters=b.n_clusters, random_state=seed, **kw).fit(X)
c = time.process_time() - t
print(sys.argv[1:], "cpu", round(c, 1), "final", round(acc(y, m.labels_), 3), round(nmi(y, m.labels_), 3),
      "init", round(acc(y, m.init_labels_), 3), round(nmi(y, m.init_labels_), 3), flush=True)
np.savez(f"/work/exp/s9/F_{method}_{name}_{seed}{'_flat' if flat else ''}.npz", Z0=captured.get("Z0"), init=m.init_labels_,
         labels=m.labels_, Z=m.transform(X), y=y)
