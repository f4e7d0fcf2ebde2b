"""
==========================================
DAMIC: one autoencoder per cluster, digits
==========================================

Cluster the 1,797 digits bundled with scikit-learn with
:class:`~skdeepcluster.DAMICClustering`, compare with k-means, then look at
what makes DAMIC different: every cluster has its own autoencoder, and each
one reconstructs a digit in the style of its cluster (Fig. 4 of the paper).

The schedule is shortened (10 joint epochs instead of 50) so the script runs
in about a minute on two CPU cores. With it, DAMIC's accuracy on this seed is
about that of k-means (0.79) and its NMI higher (0.83 against 0.74); with
the default 50 joint epochs it reached ACC 0.85-0.93 over three seeds (see
the benchmarks).
"""

# %%
# Fit k-means and DAMIC
# ---------------------
import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans

from skdeepcluster import DAMICClustering
from skdeepcluster.datasets import load_digits
from skdeepcluster.metrics import clustering_report

digits = load_digits()
X, y = digits.data, digits.target

kmeans_labels = KMeans(n_clusters=10, n_init=10, random_state=0).fit_predict(X)
model = DAMICClustering(n_clusters=10, n_epochs=10, device="cpu", random_state=0)
labels = model.fit_predict(X)

print("k-means:", clustering_report(y, kmeans_labels))
print("DAMIC:  ", clustering_report(y, labels))

# %%
# The two prediction rules
# ------------------------
# ``predict_rule="proba"`` takes the cluster of highest p(c|x) from the
# clustering network; ``"reconstruction"`` the autoencoder that reconstructs
# the sample best. They mostly agree.
errors = model.reconstruction_errors(X)
agree = np.mean(errors.argmin(axis=1) == labels)
print(f"the two rules agree on {agree:.1%} of the digits")

# %%
# Every autoencoder's reconstruction of one digit
# -----------------------------------------------
# Each cluster's autoencoder pulls the input towards the digits it learned.
# ``autoencoders_`` holds the stacked autoencoders; they work on the scaled
# pixels ``(X - scale_offset_) * scale_factor_`` and return one reconstruction
# per cluster.
import torch  # noqa: E402

sample = X[:1]
scaled = torch.as_tensor((sample - model.scale_offset_) * model.scale_factor_,
                         dtype=torch.float32)
with torch.no_grad():
    reconstructions = model.autoencoders_.eval()(scaled)[:, 0].numpy()
proba = model.predict_proba(sample)[0]

fig, axes = plt.subplots(1, 11, figsize=(12, 1.8))
axes[0].imshow(sample.reshape(8, 8), cmap="gray_r")
axes[0].set_title("input")
for c, ax in enumerate(axes[1:]):
    ax.imshow(reconstructions[c].reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)
    ax.set_title(f"c{c}: p={proba[c]:.2f}", fontsize=8)
for ax in axes:
    ax.axis("off")
plt.tight_layout()
plt.show()
