"""Time the captured merges with the code before the change and now; check
the labels agree. The code before: ``git archive dfa880e~1 skdeepcluster |
tar -x -C /tmp/oldpkg``. From the repository root:

    OMP_NUM_THREADS=1 python benchmarks/results/jule/merge_speed/compare_merges.py /tmp/gdl_calls_10k.pkl /tmp/oldpkg > benchmarks/results/jule/merge_speed/fashion_mnist_seed0.txt
"""
import pickle, sys, time, numpy as np
path = sys.argv[1]
sys.path.insert(0, sys.argv[-1])
import skdeepcluster.graph as old
for m in [k for k in sys.modules if k.startswith("skdeepcluster")]: del sys.modules[m]
sys.path[0] = "."
import skdeepcluster.graph as new
assert old.__file__ != new.__file__
calls = pickle.load(open(path, "rb"))
tot = {"old": 0, "new": 0}
for W, n, labels, kw, f, out, _ in calls:
    res = {}
    for name, mod in (("old", old), ("new", new)):
        ts = []
        for _ in range(3):
            t = time.perf_counter(); r = mod.gdl_agglomerative(W, n, labels.copy(), features=f, **kw); ts.append(time.perf_counter() - t)
        res[name] = r; tot[name] += min(ts)
        print(name, labels.max() + 1, "->", n, "%.3f s" % min(ts), end="; ")
    print("same", np.array_equal(res["old"], res["new"]) and np.array_equal(res["new"], out))
print({k: round(v, 3) for k, v in tot.items()})
