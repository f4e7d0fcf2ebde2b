"""DiscriminativeLatentClustering: its losses against naive formulas, its
networks, API behaviour on small data, and accuracy on real data."""

import itertools
from functools import partial

import numpy as np
import pytest
import torch
from sklearn.datasets import load_iris, make_blobs, make_circles, make_moons
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from skdeepcluster import DiscriminativeLatentClustering
from skdeepcluster.ddlsc import HOLD_MAX_STEPS
from skdeepcluster.geometry import spherical_centroids
from skdeepcluster.losses import (
    between_cluster_similarity,
    centroid_similarity,
    discriminative_loss,
    within_cluster_similarity,
)
from skdeepcluster.metrics import clustering_accuracy
from skdeepcluster.nn import build_ddlsc_conv, build_ddlsc_mlp, ddlsc_pool_sizes
from skdeepcluster.training import epochs_for_steps

from .conftest import assert_channels_last_equals_contiguous

FAST = dict(hidden_layer_sizes=(32,), n_pretrain_epochs=3, n_epochs=3, batch_size=30,
            device="cpu", random_state=0)


def _cos(a, b):
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def _codes(n=9, d=4, seed=0):
    return torch.as_tensor(np.random.RandomState(seed).normal(size=(n, d)), dtype=torch.float64)


# ------------------------------------------------------------- losses
def _naive_discriminative(z, anchors, alpha):
    n = len(z)
    others, n_others, pull, n_anchors = 0.0, 0, 0.0, 0
    for i, j in itertools.product(range(n), repeat=2):
        if i == j:
            continue
        c = _cos(z[i], z[j])
        if anchors[i, j]:
            pull += c
            n_anchors += 1
        else:
            others += abs(c)
            n_others += 1
    anchor_term = (1 - alpha) / n_anchors * pull if n_anchors else 0.0
    return others / n_others - anchor_term


@pytest.mark.parametrize("alpha", [0.0, 0.2, 0.9])
def test_discriminative_loss_matches_eq5(alpha):
    z = _codes()
    anchors = torch.zeros(9, 9, dtype=torch.bool)
    for i, j in [(0, 3), (2, 5), (7, 8), (1, 4)]:
        anchors[i, j] = anchors[j, i] = True
    expected = _naive_discriminative(z.numpy(), anchors.numpy(), alpha)
    assert float(discriminative_loss(z, anchors, alpha)) == pytest.approx(expected)
    # Without anchors it is the mean |cos| over all pairs.
    none = torch.zeros(9, 9, dtype=torch.bool)
    expected = _naive_discriminative(z.numpy(), none.numpy(), alpha)
    assert float(discriminative_loss(z, none, alpha)) == pytest.approx(expected)


def test_discriminative_loss_gradient_is_that_of_eq5_on_the_masked_matrix():
    """The loss computes |C| once and the anchors from their pairs; its
    gradient is that of eq. (5) written on the masked N x N matrix, also
    with a zero code and an anchor on the diagonal (both ignored)."""
    z = _codes(n=12, d=5)
    z[4] = 0.0
    anchors = torch.zeros(12, 12, dtype=torch.bool)
    for i, j in [(0, 3), (2, 5), (7, 8), (1, 4), (6, 6)]:
        anchors[i, j] = anchors[j, i] = True

    def masked(z):
        norms = z.norm(dim=1, keepdim=True).clamp_min(1e-12)
        C = (z / norms) @ (z / norms).T
        off = ~torch.eye(len(z), dtype=torch.bool)
        pairs = anchors & off
        others = C.abs()[off & ~pairs]
        return others.mean() - 0.8 * C[pairs].mean()

    z.requires_grad_(True)
    ours, = torch.autograd.grad(discriminative_loss(z, anchors), z)
    reference, = torch.autograd.grad(masked(z), z)
    assert float(discriminative_loss(z, anchors)) == pytest.approx(float(masked(z)), rel=1e-12)
    torch.testing.assert_close(ours, reference, rtol=1e-10, atol=1e-12)


def test_discriminative_loss_prefers_orthogonal_codes_and_close_anchors():
    anchors = torch.zeros(4, 4, dtype=torch.bool)
    anchors[0, 1] = anchors[1, 0] = True
    orthogonal = torch.tensor([[1.0, 0, 0], [1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]])
    collapsed = torch.ones(4, 3)
    assert discriminative_loss(orthogonal, anchors) < discriminative_loss(collapsed, anchors)
    assert float(discriminative_loss(orthogonal, anchors, alpha=0.2)) == pytest.approx(-0.8)


def _naive_between_within(z, labels, n_clusters):
    groups = [np.flatnonzero(labels == k) for k in range(n_clusters)]
    between = max(
        np.mean([abs(_cos(z[i], z[j])) for i in groups[k] for j in groups[m]])
        for k in range(n_clusters) for m in range(n_clusters)
        if k != m and len(groups[k]) and len(groups[m])
    )
    within = sum(
        np.sum([_cos(z[i], z[j]) for i in g for j in g]) / len(g) ** 2 for g in groups if len(g)
    )
    return between, within


def test_between_and_within_cluster_similarities_match_eqs_9_and_10():
    z = _codes(n=12, d=5)
    labels = torch.tensor([0, 0, 1, 1, 1, 3, 3, 0, 1, 3, 0, 3])  # cluster 2 is empty
    between, within = _naive_between_within(z.numpy(), labels.numpy(), 4)
    assert float(between_cluster_similarity(z, labels, 4)) == pytest.approx(between)
    assert float(within_cluster_similarity(z, labels, 4)) == pytest.approx(within)


def test_between_cluster_similarity_with_one_cluster_is_zero_with_gradient():
    z = _codes().requires_grad_()
    loss = between_cluster_similarity(z, torch.zeros(9, dtype=torch.long), 3)
    assert float(loss.detach()) == 0.0
    loss.backward()
    assert z.grad is not None


def test_centroid_similarity():
    z = _codes(n=10, d=3)
    labels = torch.tensor([0, 1, 2, 0, 1, 2, 0, 1, 2, 0])
    centroids = spherical_centroids(z, labels, 4, previous=torch.eye(4, 3, dtype=z.dtype))
    expected = np.mean([_cos(z[i].numpy(), centroids[labels[i]].numpy()) for i in range(10)])
    assert float(centroid_similarity(z, centroids, labels)) == pytest.approx(expected)


# ------------------------------------------------------------ networks
@pytest.mark.parametrize(
    "shape, n_blocks", [((1, 28, 28), 3), ((3, 32, 32), 3), ((1, 8, 8), 2), ((1, 5, 7), 1)]
)
def test_conv_autoencoder_shapes(shape, n_blocks):
    assert len(ddlsc_pool_sizes(*shape[1:])) - 1 == n_blocks
    net = build_ddlsc_conv(shape, embedding_dim=12, n_filters=(4, 4, 4))
    x = torch.randn(5, int(np.prod(shape)))
    z, x_hat = net(x)
    assert z.shape == (5, 12) and x_hat.shape == x.shape
    kinds = {type(m) for m in net.modules()}
    assert {torch.nn.Conv2d, torch.nn.BatchNorm2d, torch.nn.MaxPool2d, torch.nn.Upsample} <= kinds
    assert sum(isinstance(m, torch.nn.MaxPool2d) for m in net.modules()) == n_blocks


@pytest.mark.parametrize("shape", [(1, 28, 28), (3, 32, 32), (1, 8, 8)])
def test_conv_autoencoder_is_channels_last_and_computes_the_contiguous_one(shape):
    # Channels-last weights: half the CPU time of a step
    # (benchmarks/bench_conv_layout.py).
    assert_channels_last_equals_contiguous(
        lambda: build_ddlsc_conv(shape, embedding_dim=12, n_filters=(4, 4, 4)), int(np.prod(shape)))


def test_conv_autoencoder_refuses_tiny_images():
    with pytest.raises(ValueError, match="too small"):
        build_ddlsc_conv((1, 3, 8), embedding_dim=4)


@pytest.mark.parametrize("hidden", [(), (7,), (16, 8)])
def test_mlp_autoencoder_shapes(hidden):
    net = build_ddlsc_mlp(10, embedding_dim=4, hidden_layer_sizes=hidden)
    z, x_hat = net(torch.randn(3, 10))
    assert z.shape == (3, 4) and x_hat.shape == (3, 10)
    assert sum(isinstance(m, torch.nn.Linear) for m in net.modules()) == 2 * (len(hidden) + 1)


# ----------------------------------------------------------- estimator
def test_fit_predict_api(blobs):
    X, y = blobs
    model = DiscriminativeLatentClustering(3, **FAST).fit(X)
    assert clustering_accuracy(y, model.labels_) > 0.9
    assert model.cluster_centers_.shape == (3, 18)
    np.testing.assert_allclose(np.linalg.norm(model.cluster_centers_, axis=1), 1, rtol=1e-5)
    embedding = model.transform(X)
    np.testing.assert_allclose(np.linalg.norm(embedding, axis=1), 1, rtol=1e-5)
    # predict is the nearest centroid by cosine.
    np.testing.assert_array_equal(model.predict(X), (embedding @ model.cluster_centers_.T).argmax(1))
    np.testing.assert_array_equal(model.predict(X), model.labels_)
    assert model.init_labels_.shape == (60,)
    assert not hasattr(model, "predict_proba")
    best = (embedding @ model.cluster_centers_.T).max(1).mean()
    assert model.score(X) == pytest.approx(best, rel=1e-5) and model.score(X) <= 1


def test_history_records_every_phase(blobs):
    X, _ = blobs
    model = DiscriminativeLatentClustering(3, **{**FAST, "tol": 0.0}).fit(X)
    phases = [h["phase"] for h in model.history_]
    # The blobs' own graph falls apart: stage I first holds its pieces, until
    # the codes' nearest centroids reproduce them (at most 3 epochs).
    n_hold = phases.count("hold")
    assert 1 <= n_hold <= 3
    assert phases == ["pretrain"] * 3 + ["hold"] * n_hold + ["stage1"] * 3 + ["stage2"] * 3
    assert model.n_iter_ == 6 + n_hold
    stage1 = {"loss", "discriminative", "reconstruction", "clustering", "objective",
              "label_change", "converged"}
    expected = {
        "pretrain": {"loss", "discriminative", "reconstruction"},
        "hold": stage1,
        "stage1": stage1,
        "stage2": {"loss", "between", "within", "reconstruction", "clustering", "objective",
                   "label_change", "converged"},
    }
    for record in model.history_:
        assert expected[record["phase"]] <= set(record)
        assert all(np.isfinite(v) for k, v in record.items() if isinstance(v, float))
    pre = [h for h in model.history_ if h["phase"] == "pretrain"]
    for h in pre:  # loss = L_d + lambda * L_r
        assert h["loss"] == pytest.approx(h["discriminative"] + 1e-3 * h["reconstruction"], rel=1e-5)


@pytest.mark.parametrize("subsample, rows", [(1, 30), (7, 5), (10, 3), (15, 2), (40, 2)])
def test_reconstruction_subsample_decodes_rows_0_s_2s(blobs, monkeypatch, subsample, rows):
    """The decoder of a training batch runs on rows 0, s, 2s, ... of its
    codes (at least two): 30 rows with s = 1, the code before."""
    X, _ = blobs
    seen = []
    build_network = DiscriminativeLatentClustering._build_network

    def build(self, *args):
        network = build_network(self, *args)
        codes = {}
        network.encoder.register_forward_hook(lambda module, inputs, out: codes.update(z=out))
        network.decoder.register_forward_hook(
            lambda module, inputs, out: seen.append((codes["z"], inputs[0])))
        return network

    monkeypatch.setattr(DiscriminativeLatentClustering, "_build_network", build)
    model = DiscriminativeLatentClustering(3, **{**FAST, "tol": 0.0},
                                           reconstruction_subsample=subsample).fit(X)
    assert len(seen) == 2 * len(model.history_)  # each epoch: two batches of 30
    for z, decoded in seen:
        assert len(z) == 30 and len(decoded) == rows
        step = min(subsample, 15)
        assert torch.equal(decoded, z[::step])
    assert model.get_params()["reconstruction_subsample"] == subsample


def test_tolerance_stops_each_stage(blobs):
    X, _ = blobs
    model = DiscriminativeLatentClustering(3, **{**FAST, "n_epochs": 30, "tol": 0.5}).fit(X)
    assert model.n_iter_ == 3  # one epoch per stage (and hold): no label changes by half
    assert all(h["converged"] for h in model.history_ if h["phase"] != "pretrain")


def test_images_use_the_conv_network(tiny_images):
    model = DiscriminativeLatentClustering(3, image_shape=(1, 8, 8), n_filters=(4, 4), **FAST)
    model.fit(tiny_images)
    assert any(isinstance(m, torch.nn.Conv2d) for m in model.network_.modules())
    assert model.predict(tiny_images[:5]).shape == (5,)


@pytest.mark.parametrize("image_shape, expected", [(None, "kmeans"), ((1, 8, 8), "spectral")])
def test_auto_init_is_spectral_for_images_and_kmeans_for_flat_features(
        tiny_images, image_shape, expected, monkeypatch):
    from skdeepcluster import ddlsc

    starts = []

    def recording_start(codes, n_clusters, init, random_state):
        starts.append(init)
        return initial_clustering(codes, n_clusters, init, random_state)

    initial_clustering = ddlsc.initial_clustering
    monkeypatch.setattr(ddlsc, "initial_clustering", recording_start)
    model = DiscriminativeLatentClustering(3, image_shape=image_shape, n_filters=(4, 4), **FAST)
    model.fit(tiny_images)
    assert model.init == "auto" and starts == [expected] and model.init_ == expected


def _lifted(make, dims=64, seed=0):
    """A 2-D shape maker whose rows are mapped linearly into ``dims`` features."""
    def lifted(*args, **kwargs):
        X, y = make(*args, **kwargs)
        return X @ np.random.RandomState(seed).normal(size=(2, dims)), y
    return lifted


NOISY = {"noise": 0.05}
TWO_BLOBS = {"centers": [[0, 0], [2, 0]]}


@pytest.mark.parametrize("shape, kwargs, start, pieces", [
    (make_moons, NOISY, "gmm", True),  # a narrow table: the mixture, which
    (partial(make_circles, factor=0.5), NOISY, "gmm", True),  # keeps the graph's pieces
    (make_blobs, TWO_BLOBS, "gmm", False),  # one piece: the mixture's clusters
    (_lifted(make_moons), NOISY, "spectral", True),  # wide rows: the input's pieces
    (_lifted(make_blobs), TWO_BLOBS, "kmeans", False),  # ... where it has some
])
def test_auto_init_holds_the_start_made_on_the_input(shape, kwargs, start, pieces):
    X, y = shape(1000, random_state=0, **kwargs)
    params = {**FAST, "hidden_layer_sizes": (64, 64), "batch_size": 250, "n_epochs": 200}
    model = DiscriminativeLatentClustering(2, **params).fit(X)
    phases = [h["phase"] for h in model.history_]
    held = start != "kmeans"
    assert model.init_ == start and ("hold" in phases) == held
    assert phases == sorted(phases, key=["pretrain", "hold", "stage1", "stage2"].index)
    if pieces:  # the input's two pieces are the start, and the codes learn them
        assert adjusted_rand_score(y, model.init_labels_) == 1
        assert model.history_[phases.index("stage1") - 1]["converged"]
        assert adjusted_rand_score(y, model.labels_) > 0.95
    # an int n_epochs bounds the hold; another init never holds
    model.set_params(n_epochs=2, tol=0.0).fit(X)
    assert [h["phase"] for h in model.history_].count("hold") == (2 if held else 0)
    model.set_params(init="kmeans").fit(X)
    assert "hold" not in [h["phase"] for h in model.history_]


def test_a_narrow_table_is_started_and_ended_by_its_held_mixture():
    # iris, standardised: the codes' k-means start ended at 0.807 ACC
    # (k-means of the table: 0.833); the table's mixture, held, at 0.960
    data = load_iris()
    X = StandardScaler().fit_transform(data.data)
    model = DiscriminativeLatentClustering(3, random_state=0).fit(X)
    phases = [h["phase"] for h in model.history_]
    assert model.init_ == "gmm" and set(phases) == {"pretrain", "hold"}
    assert 1 <= phases.count("hold") <= mixture_hold_epochs(len(X), model.batch_size)
    assert clustering_accuracy(data.target, model.labels_) >= 0.93
    np.testing.assert_array_equal(model.predict(X), model.labels_)
    # an int n_epochs continues with the paper's two stages after the hold
    model.set_params(n_epochs=2).fit(X)
    assert [h["phase"] for h in model.history_][-4:] == ["stage1"] * 2 + ["stage2"] * 2
    # principal components of the same table are not a table of measured variables
    components = PCA(4, whiten=True).fit_transform(X)
    assert DiscriminativeLatentClustering(3, **FAST).fit(components).init_ == "kmeans"


def mixture_hold_epochs(n_samples, batch_size):
    return epochs_for_steps(0, n_samples, batch_size, min_steps=HOLD_MAX_STEPS)


@pytest.mark.parametrize("image_shape, n_samples, expected", [
    (None, 1797, (100, 30)),          # flat features: the epochs, from the digits up
    (None, 70_000, (100, 30)),
    (None, 569, (86, 30)),            # breast cancer: 0.15 pretraining steps per sample
    (None, 178, (27, 30)),            # wine
    (None, 150, (23, 30)),            # iris
    (None, 667, (100, 30)),           # 100 epochs of one step, under the cap of 101
    (None, 1016, (100, 30)),          # the cap counts full batches: 1.016 steps an epoch
    (None, 3, (1, 30)),               # at least one epoch
    ((1, 28, 28), 10_000, (60, 2)),   # images: at most 600 and 20 steps of 1,000
    ((1, 28, 28), 70_000, (9, 1)),    # never less than one epoch
    ((1, 8, 8), 1797, (100, 10)),
])
def test_auto_budgets_cap_images_and_small_tables(image_shape, n_samples, expected):
    model = DiscriminativeLatentClustering(10, image_shape=image_shape)
    model.input_shape_ = image_shape  # as fit sets it
    names = ("n_pretrain_epochs", "n_epochs")
    assert tuple(model._epochs(name, n_samples) for name in names) == expected
    # an int is a number of epochs whatever the input
    model.set_params(n_pretrain_epochs=100, n_epochs=30)
    assert tuple(model._epochs(name, 70_000) for name in names) == (100, 30)


def test_auto_budgets_run_in_the_fit(tiny_images, monkeypatch):
    from skdeepcluster import ddlsc

    # 8 steps of pretraining and 2 per stage: 36 samples in batches of 30 take
    # 2 steps an epoch
    monkeypatch.setitem(ddlsc.IMAGE_AUTO_BUDGETS, "n_pretrain_epochs", (100, 0, 8))
    monkeypatch.setitem(ddlsc.IMAGE_AUTO_BUDGETS, "n_epochs", (30, 0, 2))
    params = {**FAST, "n_pretrain_epochs": "auto", "n_epochs": "auto", "tol": 0.0}
    model = DiscriminativeLatentClustering(3, image_shape=(1, 8, 8), n_filters=(4, 4), **params)
    model.fit(tiny_images)
    phases = [h["phase"] for h in model.history_]
    assert phases == ["pretrain"] * 4 + ["stage1"] + ["stage2"]


def test_bad_layer_sizes(blobs):
    X, _ = blobs
    with pytest.raises(ValueError, match="hidden_layer_sizes must hold positive integers"):
        DiscriminativeLatentClustering(3, **{**FAST, "hidden_layer_sizes": (8, 0)}).fit(X)
    with pytest.raises(ValueError, match="n_filters must hold one or more positive integers"):
        DiscriminativeLatentClustering(3, image_shape=(1, 6, 10), n_filters=(), **FAST).fit(
            np.random.RandomState(0).normal(size=(20, 60))
        )


def test_verbose_shows_every_phase(blobs, capsys):
    X, _ = blobs
    DiscriminativeLatentClustering(3, **{**FAST, "verbose": 1, "tol": 0.0}).fit(X)
    err = capsys.readouterr().err
    assert all(p in err for p in ("pretrain", "stage1", "stage2", "loss="))


def test_cli_runs_ddlsc(capsys):
    from skdeepcluster.__main__ import main

    main(["--method", "ddlsc", "--dataset", "iris", "--epochs", "1",
          "--pretrain-epochs", "1", "--no-kmeans", "--device", "cpu"])
    assert "ddlsc" in capsys.readouterr().out


@pytest.mark.slow
def test_digits_accuracy_beats_kmeans_and_umap_gmm(umap_gmm_digits, digits_seed_scores):
    """Real data: the bundled digits as flat rows (MLP), the estimator as a
    user builds it (n_clusters alone), mean of seeds 0-2 as in the issue's
    goal, against k-means and UMAP + GMM (each seed: min-max scaling, and
    pretraining alone at 0.85 or more).

    Measured (``benchmarks/compare.py --datasets digits --methods ddlsc
    --seeds 0 1 2``, 1 torch thread, doc/results.rst,
    ``results_ddlsc_recon_subsample``): with the reconstruction on one row
    in ten, ACC 0.948 / 0.955 / 0.960 and NMI 0.912 / 0.918 / 0.926, mean
    0.955 / 0.918 (UMAP + GMM 0.880 / 0.914 in the same run, 0.884 / 0.911
    of record; k-means 0.79 / 0.74); with the cheaper pairwise terms
    (``results_ddlsc_fast_losses``, other rounding) 0.945 / 0.957 / 0.958
    and 0.905 / 0.921 / 0.923, mean 0.953 / 0.916 (UMAP + GMM 0.880 /
    0.914 in the same run). This test fitted seed 0 alone until
    then (0.957 / 0.921 with every row reconstructed); seed 0 now ends at
    NMI 0.906-0.912 depending on rounding (the data as given or pre-scaled),
    where seeds 0-9 average 0.957 / 0.922 against 0.958 / 0.924, so the
    test reads the goal's mean of three seeds, as DEPICT's and DAMIC's do.
    """
    def check(model, digits):
        assert model.scaling_ == "minmax"
        assert clustering_accuracy(digits.target, model.init_labels_) >= 0.85

    accs, nmis, kmeans_acc = digits_seed_scores(DiscriminativeLatentClustering, check)
    assert min(accs) >= 0.90
    assert min(accs) >= kmeans_acc + 0.08
    assert np.mean(accs) > umap_gmm_digits["ACC"]
    assert np.mean(nmis) > umap_gmm_digits["NMI"]
