import sys, time, warnings; warnings.filterwarnings("ignore")
import numpy as np, torch; torch.set_num_threads(1)
from sklearn.datasets import load_digits
import skdeepcluster as sk
from skdeepcluster.metrics import clustering_report
X, y = load_digits(return_X_y=True)
for name in sys.argv[1].split(","):
    for seed in [int(s) for s in sys.argv[2].split(",")]:
        t = time.process_time()
        est = getattr(sk, name)(10, image_shape=(1, 8, 8), random_state=seed).fit(X)
        r = clustering_report(y, est.labels_)
        print(f"{name} seed {seed}: {r['ACC']:.3f} / {r['NMI']:.3f}  {time.process_time()-t:.1f} s CPU", flush=True)
