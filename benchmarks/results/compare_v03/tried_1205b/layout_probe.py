"""Exploratory: a UMAP-like layout of the input's 10-NN graph written with torch (fuzzy
weights as UMAP's, attraction along sampled edges, 5 negative samples each, all of an
epoch's updates applied at once), then a full-covariance Gaussian mixture; 10
dimensions for the digits, 5 for the texts, 200 epochs from a uniform random start.
SCALE=0 sums every update of a node; SCALE=s > 0 divides a node's sum by its count
of updates over s times the mean count, where that is above 1 (damps hubs)::

    SCALE=0 OMP_NUM_THREADS=1 PYTHONPATH=. python benchmarks/results/compare_v03/tried_1205b/layout_probe.py digits|heldout|fortunes
"""
import os, sys, time, numpy as np, torch
from sklearn.mixture import GaussianMixture
from skdeepcluster.datasets import load_fortunes_tfidf
from skdeepcluster.metrics import clustering_report
torch.set_num_threads(1)
SCALE = float(os.environ.get('SCALE', '0'))

def layout(X, n_components, k=10, n_epochs=200, neg=5, seed=0, lr=1.0, a=1.929, b=0.7915):
    from sklearn.neighbors import NearestNeighbors
    nn = NearestNeighbors(n_neighbors=k + 1).fit(X)
    dist, idx = nn.kneighbors(X)
    dist, idx = dist[:, 1:], idx[:, 1:]
    n = len(X)
    rho = dist[:, 0]
    # sigma by binary search: sum exp(-(d - rho)/sigma) = log2(k)
    target = np.log2(k)
    lo, hi = np.zeros(n), np.full(n, np.inf); sig = np.ones(n)
    for _ in range(64):
        s = np.exp(-np.maximum(dist - rho[:, None], 0) / sig[:, None]).sum(1)
        big = s > target
        hi = np.where(big, sig, hi); lo = np.where(big, lo, sig)
        sig = np.where(np.isinf(hi), sig * 2, (lo + hi) / 2)
    w = np.exp(-np.maximum(dist - rho[:, None], 0) / sig[:, None])
    import scipy.sparse as sp
    P = sp.csr_matrix((w.ravel(), (np.repeat(np.arange(n), k), idx.ravel())), shape=(n, n))
    P = P + P.T - P.multiply(P.T)
    P = P.tocoo()
    keep = P.data >= P.data.max() / n_epochs
    head, tail, weight = P.row[keep], P.col[keep], P.data[keep]
    # spectral-ish init: random small
    g = torch.Generator().manual_seed(seed)
    Y = torch.rand(n, n_components, generator=g, dtype=torch.float64) * 20 - 10
    head_t, tail_t = torch.as_tensor(head), torch.as_tensor(tail)
    wt = torch.as_tensor(weight / weight.max())
    for epoch in range(n_epochs):
        alpha = lr * (1 - epoch / n_epochs)
        sample = torch.rand(len(wt), generator=g, dtype=torch.float64) < wt
        h, t = head_t[sample], tail_t[sample]
        diff = Y[h] - Y[t]
        d2 = (diff ** 2).sum(1, keepdim=True)
        coef = (-2 * a * b * d2.clamp_min(1e-12) ** (b - 1)) / (1 + a * d2 ** b)
        grad = (coef * diff).clamp(-4, 4)
        upd = torch.zeros_like(Y)
        upd.index_add_(0, h, grad * alpha)
        upd.index_add_(0, t, -grad * alpha)
        # negatives
        hn = h.repeat_interleave(neg)
        tn = torch.randint(0, n, (len(hn),), generator=g)
        diffn = Y[hn] - Y[tn]
        d2n = (diffn ** 2).sum(1, keepdim=True)
        coefn = (2 * b) / ((0.001 + d2n) * (1 + a * d2n ** b))
        gradn = (coefn * diffn).clamp(-4, 4)
        upd.index_add_(0, hn, gradn * alpha)
        cnt = torch.zeros(n, dtype=torch.float64)
        cnt.index_add_(0, h, torch.ones(len(h), dtype=torch.float64))
        cnt.index_add_(0, t, torch.ones(len(t), dtype=torch.float64))
        cnt.index_add_(0, hn, torch.ones(len(hn), dtype=torch.float64))
        Y += (upd if SCALE <= 0 else upd / (cnt / (SCALE * cnt.mean())).clamp_min(1)[:, None])
    return Y.numpy()

if __name__ == "__main__":
    which = sys.argv[1]
    if which == "heldout":
        c = load_fortunes_tfidf(("art", "computers", "education", "politics", "science"))
    elif which == "fortunes":
        c = load_fortunes_tfidf()
    else:
        from sklearn.datasets import load_digits
        c = load_digits(); c.data = c.data / 16
    X, y = c.data.astype(np.float64), c.target
    kcl = len(np.unique(y))
    for seed in [0, 1]:
        t = time.process_time()
        Y = layout(X, kcl, seed=seed)
        lab = GaussianMixture(kcl, covariance_type="full", random_state=seed).fit_predict(Y)
        r = clustering_report(y, lab)
        print(which, seed, {k: round(v, 3) for k, v in r.items()}, round(time.process_time() - t, 1), flush=True)
