import sys, time, numpy as np
sys.path.insert(0, '.')
from skdeepcluster import graph
rng = np.random.RandomState(0)
for n, d, scale in [(20000, 784, 1)]:
    means = (rng.rand(n, d) * 0.5 + rng.rand(n, 1)) * scale
    means[7] = means[3]; means[11] = means[3] * (1 + 1e-15)  # ties, near-ties
    means[20:40] = means[20] + rng.normal(size=(20, d)) * 1e-13 * scale
    sq = np.einsum("ij,ij->i", means, means)
    t0 = t1 = 0
    for it in range(30 if n > 10000 else 300):
        live = rng.rand(n) < 0.8
        others = np.flatnonzero(live); small = others[rng.randint(len(others))] if it % 3 else 3
        others = others[others != small]
        a = time.process_time(); old = others[np.argmin(((means[others] - means[small]) ** 2).sum(1))]; b = time.process_time()
        new = graph._nearest_mean(means, sq, others, small); c = time.process_time()
        assert old == new, (n, it, old, new)
        t0 += b - a; t1 += c - b
    print(n, d, scale, 'same; old', round(t0, 3), 'new', round(t1, 3))
