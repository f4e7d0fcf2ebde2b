"""Exploratory: pairs.py's fits (with the comparison, and again without it
where it took k-means' start) on two-class subsets that did not set the
ratios: other digit and Fashion-MNIST pairs, the second class cut to a
tenth or kept whole. Usage: more_pairs.py METHODS SEEDS [SET,...]"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
methods_arg, seeds_arg = sys.argv[1], sys.argv[2]
only_sets = sys.argv[3].split(",") if len(sys.argv) > 3 else None
source = open(os.path.join(HERE, "pairs.py")).read()
exec(source.split("# Run the sets")[0].replace("sys.argv[1]", "methods_arg").replace(
    "sys.argv[2]", "seeds_arg").replace("sys.argv[3] if len(sys.argv) > 3 else", ""))


def more_sets():
    d = load_digits()
    rs = np.random.RandomState(1)
    for a, b in [(2, 3), (5, 6), (7, 9), (1, 8)]:
        for frac in (0.1, 1.0):
            yield f"digits {a}/{b} {frac}", *pair(d.data / 16.0, d.target, a, b, frac, rs)
    f = load_dataset("fashion_mnist")
    Xf = f.data.reshape(len(f.data), -1) / 255.0
    for a, b in [(2, 4), (5, 7), (6, 8)]:
        for frac in (0.1, 1.0):
            yield f"fmnist {a}/{b} {frac}", *pair(Xf, f.target, a, b, frac, rs)


run(named for named in more_sets() if only_sets is None or named[0] in only_sets)
