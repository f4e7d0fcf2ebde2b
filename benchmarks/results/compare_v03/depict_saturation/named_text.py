"""Exploratory: named_pretraining.py on the named text sets (rows shuffled as
in the text benchmarks). Usage: named_text.py SETS SEEDS"""
import os, sys, time, warnings, numpy as np
warnings.filterwarnings("ignore")
import torch; torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "text_order"))
from text_data import load_set, shuffled  # noqa: E402
import skdeepcluster as sk  # noqa: E402

for name in sys.argv[1].split(","):
    for s in (int(v) for v in sys.argv[2].split(",")):
        X, y = shuffled(*load_set(name), s)
        t = time.process_time()
        e = sk.DEPICTClustering(len(np.unique(y)), random_state=s, n_epochs=0).fit(X)
        first = [h["loss"] for h in e.history_ if h["phase"] == "pretrain"]
        again = [h["loss"] for h in e.history_ if h["phase"].startswith("pretrain (")]
        print(f"{name} seed {s}: pretraining loss first {first[0]:.6f} max {max(first):.6f} last {first[-1]:.6f}; "
              f"run again: {'yes, last ' + format(again[-1], '.6f') if again else 'no'}  {time.process_time() - t:.0f} s",
              flush=True)
