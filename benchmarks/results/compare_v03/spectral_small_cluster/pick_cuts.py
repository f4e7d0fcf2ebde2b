import sys, os, numpy as np, warnings; warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE); sys.path.insert(0, os.path.join(HERE, "..", "..", ".."))
import variants, itertools  # noqa
from raw_pick_sets import extra
from bench_init import labelled_sets
os.environ["SPECTRAL_PICK"] = sys.argv[1]; os.environ["PICK_VERBOSE"] = "1"
only = sys.argv[2].split(",")
for kind, name, X, y in itertools.chain(extra(), labelled_sets()):
    if name not in only: continue
    k = len(np.unique(y))
    print(name)
    for seed in (0, 1, 2):
        variants.spectral_pick(np.asarray(X, dtype=np.float64), k, random_state=seed)
