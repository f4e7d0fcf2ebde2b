"""
==========================================
The four methods and k-means on the digits
==========================================

Fit the four estimators of skdeepcluster and :class:`~sklearn.cluster.KMeans`
on the same data, the 1,797 8x8 digits bundled with scikit-learn as flat rows
of 64 pixels, and compare their accuracy (ACC), normalized mutual information
(NMI), adjusted Rand index (ARI) and fit time.

**The training schedules are shortened** (far fewer epochs than the defaults)
so that the whole script runs in about a minute on two CPU cores. Expect
lower scores than with the default parameters, and one seed says little
about the spread between runs: for
measurements with the defaults and several seeds, next to other clusterers,
see :ref:`results` and the per-method tables of :ref:`benchmarks`. The fit
times depend on the machine and on what else runs on it.
"""

# %%
# The data and the estimators
# ---------------------------
# The pixels share one unit, so every deep method gets ``scaling="minmax"``,
# which maps all of them together to [0, 1]. The labels are used only to
# score the clusterings.
import time

import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans

from skdeepcluster import (
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
)
from skdeepcluster.datasets import load_digits
from skdeepcluster.metrics import clustering_report

digits = load_digits()
X, y = digits.data, digits.target

common = dict(n_clusters=10, scaling="minmax", device="cpu", random_state=0)
estimators = {
    "k-means": KMeans(n_clusters=10, n_init=10, random_state=0),
    # defaults: 100 pretraining and at most 100 clustering epochs
    "DEPICT": DEPICTClustering(n_pretrain_epochs=30, n_epochs=30, **common),
    # default: 20 epochs per period
    "JULE": JULEClustering(n_epochs=5, **common),
    # defaults: 100 + 10 pretraining epochs and at most 50 joint epochs
    "DAMIC": DAMICClustering(
        n_pretrain_epochs=20, n_cluster_pretrain_epochs=5, n_epochs=10, **common
    ),
    # defaults: 100 pretraining epochs and at most 30 per clustering stage
    "Discriminative": DiscriminativeLatentClustering(
        n_pretrain_epochs=50, n_epochs=10, **common
    ),
}

# %%
# Fit and score
# -------------
# ``fit_time`` is the wall time of ``fit_predict`` alone.
scores = {}
for name, estimator in estimators.items():
    start = time.perf_counter()
    labels = estimator.fit_predict(X)
    fit_time = time.perf_counter() - start
    scores[name] = {**clustering_report(y, labels), "fit s": fit_time}

columns = ["ACC", "NMI", "ARI", "fit s"]
print(f"{'method':<16}" + "".join(f"{column:>8}" for column in columns))
for name, row in scores.items():
    print(f"{name:<16}" + "".join(f"{row[column]:8.3f}" for column in columns[:3])
          + f"{row['fit s']:8.1f}")

# %%
# Scores and fit times side by side
# ---------------------------------
# The scores on the left (higher is better), the fit times on the right, on
# a logarithmic scale: k-means takes a fraction of a second, the deep
# methods from seconds to tens of seconds even with these short schedules.
names = list(scores)
positions = np.arange(len(names))
width = 0.27

fig, (ax_scores, ax_time) = plt.subplots(
    1, 2, figsize=(12, 4), gridspec_kw={"width_ratios": [2, 1]}
)
for offset, metric in zip((-width, 0, width), ("ACC", "NMI", "ARI")):
    ax_scores.bar(positions + offset, [scores[n][metric] for n in names], width,
                  label=metric)
ax_scores.set_xticks(positions, names)
ax_scores.set_ylim(0, 1)
ax_scores.set_ylabel("score")
ax_scores.set_title("clustering scores against the true digits")
ax_scores.legend(loc="lower right")

ax_time.bar(positions, [scores[n]["fit s"] for n in names], color="grey")
ax_time.set_xticks(positions, names, rotation=30, ha="right")
ax_time.set_yscale("log")
ax_time.set_ylabel("seconds")
ax_time.set_title("fit time (shortened schedules)")
fig.tight_layout()
plt.show()
