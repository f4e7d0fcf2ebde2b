"""Exploratory: the text starts (rows with a value, scaled by the largest value, 30
neighbours, seeds 0-2) of the package (run on 68271cf) and with Shi and Malik's rounding
of the k - 1 vectors after the constant one as a candidate for every k (variants.py,
SPAN_KIND=sm, fraction 0.6): the ratio of its cut to the chosen one's, and ACC / NMI."""
import sys, os, numpy as np, warnings; warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE); sys.path.insert(0, os.path.join(HERE, "..", "text_order"))
os.environ.update(PICK_VERBOSE="1", SPAN_KIND="sm")
import variants  # noqa
from text_data import SETS, load_set
from skdeepcluster.metrics import clustering_report
for name in SETS:
    X, y = load_set(name)
    X = X.astype(np.float64); keep = np.any(X != 0, axis=1); X, y = X[keep] / np.abs(X).max(), y[keep]
    print(name, flush=True)
    out = []
    for mode in ("0", "0.6"):
        os.environ["SPECTRAL_PICK"] = mode
        r = [clustering_report(y, variants.spectral_pick(X, len(np.unique(y)), n_neighbors=30, random_state=s)) for s in (0, 1, 2)]
        out.append(f"{'package' if mode == '0' else 'k - 1 rounding'} {np.mean([q['ACC'] for q in r]):.3f} / {np.mean([q['NMI'] for q in r]):.3f}")
    print(f"{name:10s} " + "   ".join(out), flush=True)
