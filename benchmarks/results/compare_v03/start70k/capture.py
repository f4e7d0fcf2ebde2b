"""Save a method's pretrained codes at the point of its initial clustering (same random stream)."""
import sys, json, numpy as np, torch
sys.path.insert(0, "/work/main/benchmarks")
from compare import load
import skdeepcluster.damic as dm, skdeepcluster.depict as dp
name, method, seed, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
params = json.loads(sys.argv[5]) if len(sys.argv) > 5 else {}
params = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
torch.set_num_threads(1)
data = load(name)
class Stop(Exception): pass
mod = dm if method == "damic" else dp
def grab(Z, n, init, rs):
    np.savez(out, Z=Z, y=data.target, state=np.array(rs.get_state()[1]))
    raise Stop
mod.initial_clustering = grab
cls = dm.DAMICClustering if method == "damic" else dp.DEPICTClustering
try:
    cls(data.n_clusters, random_state=seed, **params).fit(data.data)
except Stop:
    print("saved", out)
