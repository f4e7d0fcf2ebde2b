"""Issue 14's third goal, checked on each estimator with its defaults (built
with ``n_clusters`` alone): on scikit-learn's ``check_clustering`` blobs an
ARI at least k-means', and on the small tabular sets, where it is met, a
mean ACC of seeds 0-2 at most 0.02 below k-means' (doc/results.rst,
``results_tabular_s7``)."""

from functools import partial

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits, make_blobs, make_circles, make_classification, make_moons
from sklearn.decomposition import TruncatedSVD
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from skdeepcluster import (
    DAMICClustering,
    DEPICTClustering,
    DiscriminativeLatentClustering,
    JULEClustering,
)
from skdeepcluster.datasets import FORTUNES_DIR, load_fortunes_tfidf, load_tabular
from skdeepcluster.metrics import clustering_accuracy, clustering_report


def _check_clustering_blobs():
    """scikit-learn's check_clustering data (standardised) and k-means' ARI."""
    X, y = make_blobs(n_samples=50, random_state=1)
    X = StandardScaler().fit_transform(X)
    return X, y, adjusted_rand_score(y, KMeans(3, n_init=10, random_state=0).fit_predict(X))


@pytest.mark.parametrize("Estimator", [DEPICTClustering, DAMICClustering,
                                       DiscriminativeLatentClustering])
def test_defaults_keep_well_separated_blobs_apart(Estimator):
    # scikit-learn's check_clustering data: 50 rows, 2 features. What each
    # default does there: DEPICT builds hidden layers of 16 and an
    # embedding of 3; DAMIC's "auto" cluster pretraining takes 500 steps
    # (with ten epochs of one mini-batch its joint phase lost the initial
    # clustering: ARI 0.43 / 0.39 / 0.57 for seeds 0-2) and starts on the
    # input (started on its 1-unit code, 7 of seeds 0-19 fell below k-means);
    # DiscriminativeLatentClustering pretrains 8 steps.
    X, y, kmeans = _check_clustering_blobs()
    for seed in range(3):
        labels = Estimator(3, random_state=seed).fit_predict(X)
        assert adjusted_rand_score(y, labels) >= kmeans - 1e-9, seed


@pytest.mark.slow
@pytest.mark.parametrize("Estimator", [DEPICTClustering, JULEClustering, DAMICClustering,
                                       DiscriminativeLatentClustering])
def test_defaults_keep_separated_blobs_of_unequal_sizes(Estimator):
    # Issue 14's fourth goal (data no goal names): blobs of 600, 300 and 100
    # samples in 10 dimensions, far apart (k-means' ARI 1). Their spectral
    # start splits no piece of a graph that falls apart (DEPICT started at
    # ARI 0.52 and ended at 0.54 before, results_separated_pieces),
    # DiscriminativeLatentClustering starts from the pieces of its codes'
    # graph before k-means (0.54 before, results_ddlsc_pieces), and JULE
    # caps no cluster's size where its input's graph falls apart (0.58
    # before, results_jule_pieces).
    X, y = make_blobs([600, 300, 100], n_features=10, random_state=0)
    for seed in range(2):
        assert adjusted_rand_score(y, Estimator(3, random_state=seed).fit_predict(X)) == 1.0, seed


@pytest.mark.parametrize("Estimator", [
    DEPICTClustering, JULEClustering, DAMICClustering,
    pytest.param(DiscriminativeLatentClustering, marks=pytest.mark.slow),  # 8-11 s a fit
])
@pytest.mark.parametrize("shape", [make_moons, partial(make_circles, factor=0.5)],
                         ids=["moons", "circles"])
def test_defaults_keep_two_moons_and_two_rings(Estimator, shape):
    # Issue 14's fourth goal: scikit-learn's non-convex shapes (1,000
    # samples, noise 0.05), which k-means cuts by a line (ARI 0.25 and 0.0).
    # DEPICT and DAMIC start exactly on the input's graph; DEPICT's
    # clustering phase ended near a straight cut (0.59 and 0.00) until its
    # embedding of narrow inputs was widened and the start held
    # (results_depict_shapes). JULE's first graph compared directions from
    # the mean (moons 0.33 on this seed) until it compared the points
    # themselves (results_jule_euclidean). DiscriminativeLatentClustering's
    # codes hold one piece (0.29 and 0.00, as k-means) until it started on
    # the pieces of the input's own graph, held (results_ddlsc_input_pieces).
    X, y = shape(1000, noise=0.05, random_state=0)
    assert adjusted_rand_score(y, Estimator(2, random_state=0).fit_predict(X)) > 0.95


@pytest.mark.slow
@pytest.mark.parametrize("Estimator", [DEPICTClustering, JULEClustering, DAMICClustering,
                                       DiscriminativeLatentClustering])
def test_defaults_on_the_blobs_of_scikit_learns_comparison_page(Estimator):
    # Issue 14's fourth goal: 1,500 points of two features as on scikit-learn's
    # page "Comparing different clustering algorithms on toy datasets".
    # DAMIC's joint phase moved its right starts away (round blobs 0.65,
    # blobs of varied spread 0.32, seed 0) until it was skipped after a start
    # on a narrow input (results_damic_narrow_joint: 0.97 and 0.95); the
    # others: round 0.94-0.97, varied 0.92-0.95 (results_sklearn_shapes).
    X, y = make_blobs(1500, random_state=30)
    kmeans = adjusted_rand_score(y, KMeans(3, n_init=10, random_state=0).fit_predict(X))
    assert adjusted_rand_score(y, Estimator(3, random_state=0).fit_predict(X)) > kmeans - 0.05
    X, y = make_blobs(1500, cluster_std=[1.0, 2.5, 0.5], random_state=170)
    kmeans = adjusted_rand_score(y, KMeans(3, n_init=10, random_state=0).fit_predict(X))
    assert adjusted_rand_score(y, Estimator(3, random_state=0).fit_predict(X)) > kmeans + 0.05


@pytest.mark.slow
@pytest.mark.parametrize("Estimator", [DEPICTClustering, JULEClustering, DAMICClustering,
                                       DiscriminativeLatentClustering])
def test_defaults_keep_informative_features_among_noise(Estimator):
    # Issue 14's fourth goal: 5 blobs in 10 of 200 features, the other 190
    # noise of a comparable spread (k-means of the rows: ARI 0.98).
    # Standardised feature by feature, noise and signal weigh the same:
    # DEPICT, JULE and DiscriminativeLatentClustering were at 0.35, 0.01 and
    # 0.21 (seed 0) until scaling="auto" kept comparable spreads ("global",
    # results_global_scaling: 0.94, 0.91, 0.96); DAMIC's own one min-max
    # range keeps them too (0.91).
    X, y = make_blobs(1000, n_features=10, centers=5, cluster_std=1.5, center_box=(-4, 4),
                      random_state=7)
    X = np.hstack([X, np.random.RandomState(0).normal(size=(1000, 190))])
    assert adjusted_rand_score(y, Estimator(5, random_state=0).fit_predict(X)) > 0.85


@pytest.mark.slow
@pytest.mark.parametrize("Estimator", [DEPICTClustering, JULEClustering, DAMICClustering,
                                       DiscriminativeLatentClustering])
def test_blobs_on_twenty_seeds(Estimator, fit_side_by_side):
    # The goal asks for k-means' ARI on every seed: seeds 0-19 (DEPICT was
    # below on seed 7 until its head was fitted to the start,
    # results_depict_head_fit).
    X, y, kmeans = _check_clustering_blobs()
    models = fit_side_by_side([Estimator(3, random_state=seed) for seed in range(20)], X)
    below = [seed for seed, model in enumerate(models)
             if adjusted_rand_score(y, model.labels_) < kmeans - 1e-9]
    assert below == []


@pytest.mark.slow
@pytest.mark.parametrize("Estimator, name", [
    # Measured (1 torch thread, compare.py, seeds 0-2): DEPICT, started on
    # the input with its head fitted to the start, iris 0.849, wine 0.955,
    # breast cancer 0.924 (results_depict_head_fit; with the authors'
    # 500-500 network and an embedding of n_clusters wine was 0.878); since
    # the start on these tables is a Gaussian mixture, DEPICT 0.967 / 0.966 /
    # 0.940 and DAMIC 0.968 / 0.966 / 0.929 (seeds 0-4, results_mixture_start);
    # DiscriminativeLatentClustering wine 0.955 (0.934 with 100 pretraining
    # epochs), breast cancer 0.941, both with 0.2 pretraining steps per
    # sample (results_ddlsc_small_tables has 0.15's), iris 0.807 (against a
    # bar of 0.813); since it starts such tables from their mixture too,
    # 0.960 / 0.964 / 0.941 (results_decorrelated). DAMIC, started on the
    # input (init_on="auto"), iris 0.867, wine 0.949, breast cancer 0.913
    # (results_oversegment3; with 2 groups per cluster 0.873 / 0.949 /
    # 0.879, results_damic_init_on). JULE, its first graph of these narrow
    # inputs from the rows themselves, iris 0.924, wine 0.910, breast
    # cancer 0.935 (results_jule_euclidean); since its final clustering of
    # such tables is their mixture, 0.967 / 0.966 / 0.940
    # (results_decorrelated).
    (Estimator, name)
    for Estimator in (DEPICTClustering, DAMICClustering, DiscriminativeLatentClustering,
                      JULEClustering)
    for name in ("iris", "wine", "breast_cancer")
])
def test_tabular_accuracy_near_kmeans(Estimator, name, fit_side_by_side):
    """k-means on the standardised sets: iris 0.833, wine 0.966, breast
    cancer 0.907."""
    data = load_tabular(name)
    k = len(np.unique(data.target))
    kmeans = clustering_accuracy(
        data.target, KMeans(k, n_init=10, random_state=0).fit_predict(data.data))
    models = fit_side_by_side([Estimator(k, device="cpu", random_state=seed) for seed in range(3)],
                              data.data)
    accs = [clustering_accuracy(data.target, model.labels_) for model in models]
    assert np.mean(accs) >= kmeans - 0.02, accs


@pytest.mark.slow
@pytest.mark.skipif(not FORTUNES_DIR.is_dir(), reason="apt-get install fortunes")
@pytest.mark.parametrize("Estimator", [DEPICTClustering, DiscriminativeLatentClustering])
def test_text_of_the_sparse_kind_clusters_above_chance(Estimator):
    # Goal 4 on a kind of data no goal names: the tf-idf rows of the fortunes
    # corpus (5 categories, 99.5% zeros). Standardised word by word, as
    # scaling="auto" did before the sparse kind, every estimator clustered at
    # chance (NMI 0.02-0.03); with "maxabs" and, for DEPICT, the start on
    # the input: seed 0 ACC / NMI 0.650 / 0.439 (DEPICT) and 0.593 / 0.408
    # (DiscriminativeLatentClustering; 0.579 / 0.456 since its anchors leave
    # the empty texts out, results_damic_many), k-means 0.555 / 0.466
    # (results_sparse_kind). JULE (0.38 / 0.14) is not pinned, and DAMIC's
    # fit (about 200 s) is checked on its start in test_damic.py.
    data = load_fortunes_tfidf()
    model = Estimator(len(data.target_names), device="cpu", random_state=0).fit(data.data)
    assert model.scaling_ == "maxabs"
    report = clustering_report(data.target, model.labels_)
    assert report["ACC"] >= 0.55 and report["NMI"] >= 0.35, report


@pytest.mark.slow
@pytest.mark.skipif(not FORTUNES_DIR.is_dir(), reason="apt-get install fortunes")
def test_jule_graph_of_text_leaves_the_empty_texts_out():
    # JULE's first period merges the input's own graph; on text the 4 empty
    # rows of the fortunes corpus were the nearest neighbour of most texts
    # (904 initial clusters of 1,114 texts, 222 without them), and seed 0
    # ended at ACC / NMI 0.382 / 0.135. With them left out of that graph
    # (2026-12-07): 0.489 / 0.194 (seeds 1 and 2: 0.498 / 0.188, 0.533 /
    # 0.240; k-means 0.548 / 0.463, so JULE stays below it on text:
    # results_text_order).
    data = load_fortunes_tfidf()
    model = JULEClustering(len(data.target_names), device="cpu", random_state=0).fit(data.data)
    assert model.n_initial_clusters_ < 300
    report = clustering_report(data.target, model.labels_)
    assert report["ACC"] >= 0.45 and report["NMI"] >= 0.17, report


@pytest.mark.slow
@pytest.mark.parametrize("Estimator", [DEPICTClustering, DAMICClustering,
                                       DiscriminativeLatentClustering, JULEClustering])
def test_narrow_tables_start_from_a_gaussian_mixture(Estimator):
    # Goal 4, tables of measured variables: DEPICT and DAMIC start on a
    # narrow input itself, since 2026-12-05 (eighth session) with a Gaussian
    # mixture (init_="gmm"). Spectral clustering of the rows' graph started
    # iris at 0.853 and 6 correlated classes of make_classification
    # (class_sep=1) at 0.58; the mixture at 0.967 and 0.987, which both fits
    # keep (results_mixture_start). Since 2026-12-06 DiscriminativeLatentClustering
    # starts such a table from it too and JULE ends with it
    # (final_clustering_="gmm"; results_decorrelated).
    iris = load_tabular("iris")
    X, y = make_classification(1500, n_features=20, n_informative=10, n_classes=6,
                               n_clusters_per_class=1, class_sep=1.0, random_state=0)
    X = StandardScaler().fit_transform(X)
    for data, target, bar in ((iris.data, iris.target, 0.95), (X, y, 0.95)):
        model = Estimator(len(np.unique(target)), device="cpu", random_state=0).fit(data)
        assert getattr(model, "init_", getattr(model, "final_clustering_", None)) == "gmm"
        assert clustering_accuracy(target, model.labels_) >= bar


@pytest.mark.slow
@pytest.mark.parametrize("Estimator", [DEPICTClustering, DAMICClustering,
                                       DiscriminativeLatentClustering, JULEClustering])
def test_classes_that_differ_in_spread_start_from_the_mixture(Estimator):
    # Goal 4, a kind of data no goal names: Breiman's ringnorm (one Gaussian
    # inside one twice as wide, independent features: decorrelated columns).
    # Its neighbour graph shows no clusters (autok.graph_shows_clusters), so
    # since 2026-12-06 (fourth session) it starts from the Gaussian mixture
    # as a table does, not from spectral clustering of that graph: mlbench's
    # ringnorm (2,000 x 20) 0.51 -> 0.98 ACC for all four, k-means 0.61
    # (results_graph_evidence).
    rng = np.random.RandomState(0)
    y = np.arange(600) % 2
    X = np.where(y[:, None] == 0, 2 * rng.normal(size=(600, 20)), rng.normal(size=(600, 20)) + 20 ** -0.5)
    model = Estimator(2, device="cpu", random_state=0).fit(X)
    assert getattr(model, "init_", getattr(model, "final_clustering_", None)) == "gmm"
    assert clustering_accuracy(y, model.labels_) >= 0.9
    assert clustering_accuracy(y, KMeans(2, n_init=10, random_state=0).fit_predict(X)) < 0.75


@pytest.mark.parametrize("Estimator", [DEPICTClustering, DAMICClustering])
def test_a_small_cluster_beside_a_large_one_stays_whole(Estimator):
    # Goal 4, a kind of data no goal names: two Gaussians of 900 and 100
    # rows in 10-D, 3.8 standard deviations apart (uncorrelated columns,
    # whose graph shows the clusters: the start is spectral clustering of
    # the input). Before Shi and Malik's bipartition (2026-12-07) both cut
    # the large one in halves, ACC 0.57; k-means 0.949
    # (results_spectral_small_cluster).
    X, y = make_blobs([900, 100], n_features=10, cluster_std=1.0,
                      centers=[np.zeros(10), np.full(10, 1.2)], random_state=0)
    model = Estimator(2, device="cpu", random_state=0).fit(X)
    assert model.init_ == "spectral"
    assert clustering_accuracy(y, model.labels_) >= 0.97
    assert clustering_accuracy(y, KMeans(2, n_init=10, random_state=0).fit_predict(X)) < 0.96


def test_damic_finds_a_wide_cluster_beside_a_narrow_one_in_wide_input():
    # Goal 4, a kind not used to set the compact pair's ratios: 900 rows of
    # spread 1 and 100 of spread 2.5 in 100-D (the start is made on the
    # codes). Spectral clustering of the codes cut the narrow cluster in
    # halves, ACC 0.542, before the compact pair (2026-12-07,
    # results_compact_pair); k-means of the rows 0.987.
    X, y = make_blobs([900, 100], n_features=100, cluster_std=[1.0, 2.5],
                      centers=[np.zeros(100), np.full(100, 0.6)], random_state=0)
    model = DAMICClustering(2, device="cpu", random_state=0).fit(X)
    assert model.init_on_ == "codes" and model.init_ == "kmeans"
    assert clustering_accuracy(y, model.labels_) >= 0.95


def test_jule_keeps_a_class_of_nine_tenths_whole():
    # Goal 4, a rare class: the 0s of the digits and 18 of their 6s (a tenth
    # as many). JULE's size cap (1.5 times the average size) forbade a
    # cluster of more than 75% of the samples, so the 0s were cut in halves:
    # ACC 0.638 / 0.633 for seeds 0 and 1 before the merges to two clusters
    # were also run uncapped (2026-12-07, results_jule_two_clusters);
    # k-means 1.000.
    digits = load_digits()
    zeros = np.flatnonzero(digits.target == 0)
    sixes = np.random.RandomState(0).choice(np.flatnonzero(digits.target == 6), 18, replace=False)
    rows = np.concatenate([zeros, sixes])
    X, y = digits.data[rows] / 16.0, digits.target[rows]
    model = JULEClustering(2, device="cpu", random_state=0).fit(X)
    assert clustering_accuracy(y, model.labels_) >= 0.97


@pytest.mark.slow
@pytest.mark.skipif(not FORTUNES_DIR.is_dir(), reason="apt-get install fortunes")
@pytest.mark.parametrize("Estimator", [DEPICTClustering, DAMICClustering])
def test_latent_semantic_analysis_is_not_a_table(Estimator):
    # Goal 4, text reduced as scikit-learn's text clustering example does
    # (TruncatedSVD, not centred: its first column correlates with the
    # others, 0.37 here). Since 2026-12-06 (fourth session) its orthogonal
    # columns count as decorrelated, so DEPICT and DAMIC start from spectral
    # clustering of it rather than a Gaussian mixture: seeds 0-2, 10
    # components, ACC / NMI 0.510 / 0.347 and 0.505 / 0.348 -> 0.538 /
    # 0.459 and 0.538 / 0.456 (results_truncated_svd).
    data = load_fortunes_tfidf()
    X = TruncatedSVD(10, random_state=0).fit_transform(data.data)
    model = Estimator(len(data.target_names), device="cpu", random_state=0).fit(X)
    assert model.init_ == "spectral"
    report = clustering_report(data.target, model.labels_)
    assert report["ACC"] >= 0.525 and report["NMI"] >= 0.42, report
