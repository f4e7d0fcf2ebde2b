"""
=========================================================
Unknown number of clusters: ``n_clusters="auto"``
=========================================================

Cluster data whose number of clusters is not known. Every estimator of the
package accepts ``n_clusters="auto"``: it estimates the number of clusters on
what it has learned (here the pretrained codes of
:class:`~skdeepcluster.DiscriminativeLatentClustering`) with
:func:`~skdeepcluster.estimate_n_clusters`, keeps it in ``n_clusters_`` and
clusters with it. The same function can be applied to any embedding.

The rule reads the smallest eigenvalues ``l_1 <= l_2 <= ...`` of the
normalised Laplacian of a 15-nearest-neighbour graph
(:func:`skdeepcluster.autok.laplacian_eigenvalues`): ``k`` groups that the
graph separates give ``k`` eigenvalues near zero and a jump after them, and
the first estimate is the ``k`` where the spectrum grows by the largest
factor, ``max(l_{k+1}, 1e-3) / max(l_k, 1e-3)``. Where that is 1, the rule
looks further: a later step of at least 2, else one cluster if the graph is
as hard to cut as a Gaussian's, else the most modular spectral clustering.
The plots show the ratios on separated blobs and on the digits, whose
classes touch. The script takes about 15 seconds on one CPU core.
"""

# %%
# Unlabelled data
# ---------------
# Gaussian blobs of unequal sizes (40 to 250 samples) and spreads in 30
# dimensions. The generating labels are dropped: nothing below sees them.
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_blobs

from skdeepcluster import DiscriminativeLatentClustering, estimate_n_clusters
from skdeepcluster.autok import EIGENVALUE_FLOOR, laplacian_eigenvalues
from skdeepcluster.datasets import load_digits

rng = np.random.RandomState(0)
sizes = rng.randint(40, 250, size=6)
X, _ = make_blobs(sizes, n_features=30, cluster_std=rng.uniform(0.5, 2.0, size=6),
                  center_box=(-10, 10), random_state=0)
print(f"{X.shape[0]} samples, {X.shape[1]} features")

# %%
# Fit with ``n_clusters="auto"``
# ------------------------------
# ``max_clusters`` bounds the estimate (default: 50, or the number of samples
# if fewer). The number found is in ``n_clusters_``, and every output shaped
# by the number of clusters follows it.
model = DiscriminativeLatentClustering(
    n_clusters="auto", max_clusters=20, device="cpu", random_state=0
).fit(X)
print(f"clusters found: {model.n_clusters_}")
print(f"cluster sizes: {np.bincount(model.labels_)}")
print(f"cluster_centers_: {model.cluster_centers_.shape}")

# %%
# The estimate on any embedding
# -----------------------------
# :func:`~skdeepcluster.estimate_n_clusters` works on any array of rows: the
# raw features, the fitted model's codes (``transform``), or an embedding
# from elsewhere. Given the rows the embedding was learned from as
# ``X_input``, it reads their graph first, as the estimators do with their
# scaled training input: where that graph falls apart into ``k`` pieces, the
# answer is ``k``, whatever the embedding shows.
codes = model.transform(X)
print(f"on the raw features: {estimate_n_clusters(X, max_clusters=20)}")
print(f"on the learned codes: {estimate_n_clusters(codes, max_clusters=20)}")
print(f"on the codes, with the input: {estimate_n_clusters(codes, 20, X_input=X)}")

# %%
# Where the rule works, and where it does not
# -------------------------------------------
# The spectra behind the estimates, and that of the 1,797 digits bundled with
# scikit-learn (pixels scaled to [0, 1], treated as unlabelled). The blobs
# give a few eigenvalues near zero, then a jump: the largest ratio marks the
# number of blobs. The digits' ten classes touch in pixel space; their
# spectrum rises smoothly from a first non-zero eigenvalue well above the
# floor, no ratio after it reaches 2, and the largest ratio is the first
# (``rule="ratio"``, the rule before, answers 1). The default rule then
# compares the graph with that of a Gaussian of the same covariance (much
# harder to cut, so more than one cluster) and takes the most modular
# spectral clustering (printed below). The User Guide (section "Unknown
# number of clusters") and the results page measure where the rule is right.
digits = load_digits().data / 16.0
spectra = {
    "blobs, raw features": laplacian_eigenvalues(X, 21),
    "blobs, learned codes": laplacian_eigenvalues(codes, 21),
    "digits, pixels": laplacian_eigenvalues(digits, 21),
}

fig, (ax_values, ax_ratios) = plt.subplots(1, 2, figsize=(11, 4))
for (name, eigenvalues), marker in zip(spectra.items(), "os^"):
    floored = np.maximum(eigenvalues, EIGENVALUE_FLOOR)
    ratios = floored[1:] / floored[:-1]
    k = int(np.argmax(ratios)) + 1
    ks = np.arange(1, len(ratios) + 1)
    ax_values.plot(np.arange(1, len(eigenvalues) + 1), floored, marker=marker, label=name)
    line, = ax_ratios.plot(ks, ratios, marker=marker, label=f"{name}: ratio rule k = {k}")
    ax_ratios.plot([k], [ratios[k - 1]], marker="o", markersize=14, fillstyle="none",
                   color=line.get_color())
for name, data in [("digits, pixels", digits)]:
    print(f"{name}: ratio rule {estimate_n_clusters(data, 20, rule='ratio')}, "
          f"default rule {estimate_n_clusters(data, 20, random_state=0)}")
ax_values.set_yscale("log")
ax_values.set_xlabel("i")
ax_values.set_xticks(range(1, 22, 2))
ax_values.set_title(r"eigenvalues $\lambda_i$ (floored at $10^{-3}$)")
ax_ratios.set_yscale("log")
ax_ratios.set_xlabel("k")
ax_ratios.set_title(r"ratios $\lambda_{k+1} / \lambda_k$: the largest is the ratio rule's")
ax_ratios.set_xticks(range(1, 21, 2))
ax_ratios.legend()
fig.tight_layout()
plt.show()
