import numpy as np, torch, warnings; warnings.filterwarnings("ignore"); torch.set_num_threads(1)
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.graph import spectral_clustering
from skdeepcluster.metrics import clustering_report
from skdeepcluster.nn.jule import build_jule_mlp
from skdeepcluster.nn._layers import glorot_init_
c = load_fortunes_tfidf(); X = c.data / np.abs(c.data).max(); y = c.target
def rep(name, Z):
    Z = np.asarray(Z, dtype=np.float64)
    r = clustering_report(y, spectral_clustering(Z, 5, random_state=0))
    print(f"{name:40s} spectral {r['ACC']:.3f} / {r['NMI']:.3f}", flush=True)
rep("input", X)
for hid in [(500, 500), (2000,), (500,)]:
    g = torch.Generator().manual_seed(0)
    net = glorot_init_(build_jule_mlp(X.shape[1], hidden_layer_sizes=hid), g).eval()
    with torch.no_grad(): Z = net(torch.as_tensor(X, dtype=torch.float32)).numpy()
    rep(f"random mlp {hid}", Z)
U, S, Vt = np.linalg.svd(X, full_matrices=False)
for d in [500, 100, 20]:
    rep(f"svd {d}", U[:, :d] * S[:d])
