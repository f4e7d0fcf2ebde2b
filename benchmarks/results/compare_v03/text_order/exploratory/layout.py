"""A minimal UMAP-like layout of the kNN graph (exploratory), then a GMM."""
import numpy as np, torch, time
from sklearn.neighbors import NearestNeighbors
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import laplacian
from scipy.sparse.linalg import eigsh

def fuzzy_graph(X, k=10):
    nn = NearestNeighbors(n_neighbors=k + 1).fit(X)
    d, idx = nn.kneighbors(X)
    d, idx = d[:, 1:], idx[:, 1:]
    rho = d[:, 0:1]
    target = np.log2(k)
    lo, hi = np.full(len(X), 1e-8), np.full(len(X), 1e3)
    for _ in range(64):
        mid = (lo + hi) / 2
        s = np.exp(-np.maximum(d - rho, 0) / mid[:, None]).sum(1)
        hi = np.where(s > target, mid, hi); lo = np.where(s > target, lo, mid)
    w = np.exp(-np.maximum(d - rho, 0) / hi[:, None])
    n = len(X)
    A = coo_matrix((w.ravel(), (np.repeat(np.arange(n), k), idx.ravel())), shape=(n, n)).tocsr()
    A = A + A.T - A.multiply(A.T)
    return A.tocoo()

def layout(X, dim, k=10, n_epochs=None, seed=0, neg=5, a=1.929, b=0.7915):
    g = torch.Generator().manual_seed(seed)
    A = fuzzy_graph(X, k); n = A.shape[0]
    if n_epochs is None: n_epochs = 500 if n <= 10000 else 200
    import os
    if os.environ.get('INIT') == 'random':
        Y = torch.tensor(np.random.RandomState(seed).uniform(-10, 10, size=(n, dim)), dtype=torch.float32)
    else:
      # spectral init
      L = laplacian(A.tocsr(), normed=True)
      vals, vecs = eigsh(L, k=dim + 1, which="SM", tol=1e-4, v0=np.random.RandomState(seed).rand(n), maxiter=n * 5)
      Y = vecs[:, np.argsort(vals)[1:dim + 1]]
      Y = 10 * (Y - Y.min(0)) / (Y.max(0) - Y.min(0) + 1e-12)
      Y = torch.tensor(Y + np.random.RandomState(seed).normal(scale=1e-4, size=Y.shape), dtype=torch.float32)
    head, tail, w = torch.as_tensor(A.row, dtype=torch.long), torch.as_tensor(A.col, dtype=torch.long), torch.as_tensor(A.data, dtype=torch.float32)
    keep = w >= w.max() / n_epochs; head, tail, w = head[keep], tail[keep], w[keep]
    p = w / w.max()
    for epoch in range(n_epochs):
        lr = 1.0 - epoch / n_epochs
        m = torch.rand(len(p), generator=g) < p
        sel = torch.nonzero(m).squeeze(1)
        sel = sel[torch.randperm(len(sel), generator=g)]
        B = int(os.environ.get('CHUNK', 1024))
        for c in range(0, len(sel), B):
            e = sel[c:c + B]; h, t = head[e], tail[e]
            diff = Y[h] - Y[t]; d2 = (diff * diff).sum(1, keepdim=True)
            coef = (-2 * a * b * d2.clamp_min(1e-12) ** (b - 1)) / (1 + a * d2 ** b)
            grad = (coef * diff).clamp(-4, 4)
            upd = torch.zeros_like(Y); upd.index_add_(0, h, grad); upd.index_add_(0, t, -grad)
            hn = h.repeat(neg); tn = torch.randint(0, n, (len(hn),), generator=g)
            diff = Y[hn] - Y[tn]; d2 = (diff * diff).sum(1, keepdim=True)
            coef = (2 * b) / ((0.001 + d2) * (1 + a * d2 ** b))
            grad = (coef * diff).clamp(-4, 4); grad[tn == hn] = 0
            upd.index_add_(0, hn, grad)
            mode = os.environ.get('NORM', '')
            if mode == 'mean':
                cnt = torch.zeros(n); cnt.index_add_(0, h, torch.ones(len(h))); cnt.index_add_(0, t, torch.ones(len(t)))
                upd /= cnt.clamp_min(1).unsqueeze(1)
            elif mode == 'clip':
                nr = upd.norm(dim=1, keepdim=True); upd *= (4.0 / nr.clamp_min(4.0))
            Y += lr * upd
        if os.environ.get('TRACE') and epoch % 50 == 0: print(epoch, np.round(np.percentile((Y - Y.mean(0)).norm(dim=1).numpy(), [50, 99, 100]), 1), int(m.sum()), flush=True)
    return Y.numpy()

if __name__ == "__main__":
    import sys, warnings
    warnings.filterwarnings("ignore")
    from sklearn.mixture import GaussianMixture
    from skdeepcluster.metrics import clustering_report
    from skdeepcluster.datasets import load_fortunes_tfidf, load_dataset
    torch.set_num_threads(1)
    from cats import CATS
    sets = {}
    d = load_fortunes_tfidf(CATS); sets["fortunes20"] = (d.data, d.target)
    d = load_fortunes_tfidf(("art", "computers", "education", "politics", "science")); sets["heldout5"] = (d.data, d.target)
    d = load_fortunes_tfidf(); sets["fortunes5"] = (d.data, d.target)
    d = load_dataset("digits"); sets["digits"] = (d.data / 16.0, d.target)
    for name in sys.argv[1].split(","):
        X, y = sets[name]; k = len(np.unique(y))
        for seed in (0, 1):
            t = time.process_time(); Y = layout(X, k, seed=seed); tl = time.process_time() - t
            lab = GaussianMixture(k, covariance_type="full", random_state=seed).fit_predict(Y.astype(np.float64))
            r = clustering_report(y, lab)
            print(f"{name:12s} seed {seed} layout+GMM ACC {r['ACC']:.3f} NMI {r['NMI']:.3f} layout cpu {tl:.1f}s total {time.process_time()-t:.1f}s", flush=True)
