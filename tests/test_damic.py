"""DAMICClustering: the loss and the stacked networks against naive
references, API behaviour on small data, sparse and text input, and accuracy
on real data."""

import warnings

import numpy as np
import pytest
import scipy.sparse as sp
import torch
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import normalized_mutual_info_score

from skdeepcluster import DAMICClustering
from skdeepcluster.losses import damic_loss, damic_responsibilities, reconstruction_distances
from skdeepcluster.metrics import clustering_accuracy
from skdeepcluster.nn import (
    build_damic_autoencoders,
    build_damic_clustering_network,
    damic_init_,
)

from .conftest import assert_channels_last_equals_contiguous

FAST = dict(hidden_layer_sizes=(16,), clustering_layer_sizes=(16,), n_filters=(3, 4),
            n_pretrain_epochs=10, n_cluster_pretrain_epochs=40, n_epochs=5, batch_size=16,
            device="cpu", random_state=0)


# ----------------------------------------------------------------- losses
def naive_loss(p, d):
    """Eq. (3) of the paper with loops, averaged over samples."""
    total = 0.0
    for t in range(p.shape[0]):
        total -= np.log(sum(p[t, c] * np.exp(-d[t, c]) for c in range(p.shape[1])))
    return total / p.shape[0]


@pytest.fixture
def p_and_d():
    rng = np.random.RandomState(0)
    logits = rng.normal(scale=2.0, size=(9, 4))
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    return p, rng.uniform(0, 5, size=(9, 4))


def test_loss_matches_the_naive_formula(p_and_d):
    p, d = p_and_d
    loss = damic_loss(torch.as_tensor(np.log(p)), torch.as_tensor(d))
    assert loss.item() == pytest.approx(naive_loss(p, d), rel=1e-10)


def test_loss_is_stable_for_large_errors(p_and_d):
    p, d = p_and_d
    log_p, d = torch.as_tensor(np.log(p)), torch.as_tensor(d) + 5000.0
    loss = damic_loss(log_p, d)  # exp(-5000) underflows in the naive form
    assert torch.isfinite(loss)
    assert loss.item() == pytest.approx(5000.0 + naive_loss(p, d.numpy() - 5000.0), rel=1e-12)


def test_responsibilities_match_eq_5_and_sum_to_one(p_and_d):
    p, d = p_and_d
    w = damic_responsibilities(torch.as_tensor(np.log(p)), torch.as_tensor(d)).numpy()
    expected = p * np.exp(-d) / (p * np.exp(-d)).sum(1, keepdims=True)
    np.testing.assert_allclose(w, expected, rtol=1e-10)
    np.testing.assert_allclose(w.sum(1), 1.0, rtol=1e-12)
    huge = damic_responsibilities(torch.as_tensor(np.log(p)), torch.as_tensor(d) * 1e4)
    assert torch.isfinite(huge).all()
    torch.testing.assert_close(huge.sum(1), torch.ones(9, dtype=torch.float64))


def test_reconstruction_distances_are_half_squared_errors():
    rng = np.random.RandomState(1)
    x, rec = rng.normal(size=(5, 3)), rng.normal(size=(2, 5, 3))
    d = reconstruction_distances(torch.as_tensor(x), torch.as_tensor(rec)).numpy()
    expected = [[0.5 * np.sum((x[t] - rec[c, t]) ** 2) for c in range(2)] for t in range(5)]
    np.testing.assert_allclose(d, expected)


# --------------------------------------------------- stacked autoencoders
def _stacked(n_models, image_shape=None):
    n_features = 64 if image_shape else 12
    net = build_damic_autoencoders(
        n_models, n_features, bottleneck=3, image_shape=image_shape,
        hidden_layer_sizes=(10, 7), n_filters=(3, 5), output="sigmoid",
    )
    damic_init_(net, torch.Generator().manual_seed(0))
    return net, torch.randn(20, n_features, generator=torch.Generator().manual_seed(1))


@pytest.mark.parametrize("image_shape", [None, (1, 8, 8)], ids=["mlp", "conv"])
@pytest.mark.parametrize("train", [True, False], ids=["train", "eval"])
def test_stacked_autoencoders_equal_a_loop_over_clusters(image_shape, train):
    net, x = _stacked(5, image_shape)
    with torch.no_grad():  # give the batch norms non-trivial running statistics
        net.train()(x * 2 + 1)
    loop = net.unstack()
    net.train(train)
    for model in loop:
        model.train(train)
    stacked = net(x)
    assert stacked.shape == (5, 20, x.shape[1])
    for k, model in enumerate(loop):
        torch.testing.assert_close(stacked[k], model(x), rtol=1e-5, atol=1e-5)
    if train:  # the running statistics moved alike
        for k, model in enumerate(loop):
            for name, value in net.unstack()[k].state_dict().items():
                if not name.endswith("num_batches_tracked"):
                    torch.testing.assert_close(value, model.state_dict()[name])


@pytest.mark.parametrize("shape", [(1, 28, 28), (1, 8, 8), (3, 16, 16)])
def test_conv_autoencoders_are_channels_last_and_compute_the_contiguous_ones(shape):
    assert_channels_last_equals_contiguous(
        lambda: build_damic_autoencoders(3, int(np.prod(shape)), bottleneck=3, image_shape=shape,
                                         hidden_layer_sizes=(10, 7), n_filters=(3, 5)),
        int(np.prod(shape)), init=damic_init_)


def test_damic_init_draws_the_same_values_in_either_layout():
    def build():
        return build_damic_autoencoders(3, 64, bottleneck=3, image_shape=(1, 8, 8),
                                        hidden_layer_sizes=(10, 7), n_filters=(3, 5))

    plain, last = build(), build().to(memory_format=torch.channels_last)
    damic_init_(plain, torch.Generator().manual_seed(0))
    damic_init_(last, torch.Generator().manual_seed(0))
    for a, b in zip(plain.state_dict().values(), last.state_dict().values()):
        assert torch.equal(a, b)


@pytest.mark.parametrize("image_shape", [None, (1, 8, 8)], ids=["mlp", "conv"])
def test_unstacked_autoencoders_keep_the_dtype(image_shape):
    """The copies are made where the stacked weights are (float64 here; on a
    GPU, the device: tests/test_cuda.py and benchmarks/bench_damic_speed.py)."""
    net, x = _stacked(3, image_shape)
    net, x = net.double(), x.double()
    loop = net.unstack()
    assert {t.dtype for t in [*loop.parameters(), *loop.buffers()] if t.is_floating_point()} == {
        torch.float64}
    for k, model in enumerate(loop):
        torch.testing.assert_close(net.eval()(x)[k], model.eval()(x))


def test_stacked_gradients_equal_the_loop():
    net, x = _stacked(4)
    loop = net.unstack()
    reconstruction_distances(x, net(x)).sum().backward()
    sum(reconstruction_distances(x, m(x)[None])[:, 0].sum() for m in loop).backward()
    first = net.encoder[0]
    for k, model in enumerate(loop):
        torch.testing.assert_close(first.weight.grad[k], model[0].weight.grad.T)


def test_replicate_copies_one_autoencoder_into_all():
    single, x = _stacked(1)
    many, _ = _stacked(3)
    many.replicate_(single)
    single.eval(), many.eval()
    for k in range(3):
        torch.testing.assert_close(many(x)[k], single(x)[0])
    with pytest.raises(ValueError, match="n_models=1"):
        many.replicate_(many)


def test_clustering_network_shapes():
    net = build_damic_clustering_network(64, 4, image_shape=(1, 8, 8),
                                         hidden_layer_sizes=(12, 6), n_filters=(3, 5))
    x = torch.randn(7, 64)
    assert net.embed(x).shape == (7, 6)
    torch.testing.assert_close(net(x).exp().sum(1), torch.ones(7))
    # a batch of one sample trains (the fully connected batch norms allow it)
    net.train()(torch.randn(1, 64))


# -------------------------------------------------------------- estimator
def test_fit_predict_api(blobs):
    X, y = blobs
    model = DAMICClustering(3, **FAST).fit(X)
    assert clustering_accuracy(y, model.labels_) > 0.9
    proba = model.predict_proba(X)
    np.testing.assert_allclose(proba.sum(1), 1, rtol=1e-5)
    np.testing.assert_array_equal(model.predict(X), model.labels_)
    np.testing.assert_array_equal(proba.argmax(1), model.labels_)
    assert model.transform(X).shape == (60, 16)
    errors = model.reconstruction_errors(X)
    assert errors.shape == (60, 3) and (errors >= 0).all()
    score = model.score(X)
    assert np.isfinite(score)
    # score is minus the mean loss: log sum_c p exp(-d) <= log max p ... <= -min d
    assert score <= -errors.min(1).mean() + 1e-4
    assert model.dead_clusters_.size == 0
    phases = [h["phase"] for h in model.history_]
    assert phases[:91] == (["pretrain"] * 10 + ["pretrain_clustering"] * 40
                           + ["pretrain_autoencoders"] * 40 + ["cluster"])
    joint = [h for h in model.history_ if h["phase"] == "cluster"]
    assert all("n_empty" in h and "label_change" in h for h in joint)
    # the joint phase stops at the first epoch in which under 0.1% of the labels change
    assert all(h["label_change"] >= 1e-3 for h in joint[:-1])
    assert joint[-1]["label_change"] < 1e-3 or len(joint) == FAST.get("n_epochs", 50)



def test_predict_rule_reconstruction_is_the_smallest_error(blobs):
    X, y = blobs
    model = DAMICClustering(3, predict_rule="reconstruction", **FAST).fit(X)
    np.testing.assert_array_equal(model.labels_, model.reconstruction_errors(X).argmin(1))
    np.testing.assert_array_equal(model.predict(X), model.labels_)
    assert clustering_accuracy(y, model.labels_) > 0.9
    by_proba = model.set_params(predict_rule="proba").predict(X)
    np.testing.assert_array_equal(by_proba, model.predict_proba(X).argmax(1))


def test_early_stopping_on_the_loss(blobs):
    X, _ = blobs
    model = DAMICClustering(3, **{**FAST, "n_epochs": 60, "tol": 0.5,
                                  "n_iter_no_change": 2}, label_tol=0).fit(X)
    assert model.n_iter_ < 60
    assert model.history_[-1]["converged"]
    # with both criteria off, every joint epoch runs (the paper's schedule)
    model = DAMICClustering(3, **{**FAST, "n_epochs": 4, "tol": 0.0}, label_tol=0).fit(X)
    assert model.n_iter_ == 4
    assert not any("label_change" in h for h in model.history_)


def test_pretrain_noise_denoises_only_the_single_autoencoder(blobs):
    X, y = blobs
    losses = {}
    for noise in (0.0, 0.5, 0.5):
        model = DAMICClustering(3, pretrain_noise=noise, **FAST).fit(X)
        assert clustering_accuracy(y, model.labels_) > 0.9
        losses.setdefault(noise, []).append([(h["phase"], h["loss"]) for h in model.history_])
    plain, (noisy, again) = losses[0.0][0], losses[0.5]
    assert noisy == again  # the noise is drawn from the fit's own generator
    pretrain = [loss for phase, loss in noisy if phase == "pretrain"]
    assert pretrain != [loss for phase, loss in plain if phase == "pretrain"]
    with pytest.raises(ValueError, match="'pretrain_noise' parameter"):
        DAMICClustering(3, pretrain_noise=-0.1, **FAST).fit(X)


@pytest.mark.parametrize("n_samples, expected", [
    (50, (100, 500, 50)),        # one step an epoch: the epochs, or 500 steps
    (1797, (100, 28, 28)),       # the digits: 1,800 pretraining steps, under the cap
    (10_000, (30, 5, 5)),        # Fashion-MNIST test split: 3,000, 500 and 500 steps
    (70_000, (5, 1, 1)),         # never less than one epoch
])
def test_auto_budgets_are_gradient_steps(n_samples, expected):
    names = ("n_pretrain_epochs", "n_cluster_pretrain_epochs", "n_epochs")
    model = DAMICClustering(10)
    assert tuple(model._epochs(name, n_samples) for name in names) == expected
    # with batches of 10 the caps bind ten times earlier
    model.set_params(batch_size=10)
    assert tuple(model._epochs(name, 1797) for name in names) == (17, 3, 3)
    # an int is a number of epochs whatever the size
    model.set_params(n_pretrain_epochs=100, n_cluster_pretrain_epochs=10, n_epochs=50)
    assert tuple(model._epochs(name, 70_000) for name in names) == (100, 10, 50)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")  # 2 epochs
def test_auto_budgets_run_in_the_fit(blobs, monkeypatch):
    from skdeepcluster import damic

    # small budgets, so that each phase's count shows which one it used
    monkeypatch.setitem(damic.AUTO_BUDGETS, "n_pretrain_epochs", (3, 0, 8))
    monkeypatch.setitem(damic.AUTO_BUDGETS, "n_cluster_pretrain_epochs", (1, 12, 12))
    monkeypatch.setitem(damic.AUTO_BUDGETS, "n_epochs", (5, 0, 8))
    X, _ = blobs  # 60 samples in batches of 16: 4 steps an epoch
    params = {**FAST, "n_pretrain_epochs": "auto", "n_cluster_pretrain_epochs": "auto",
              "n_epochs": "auto"}
    # started on the codes (a start on this narrow input runs no joint epoch)
    model = DAMICClustering(3, **params, init_on="codes", label_tol=0,
                            n_iter_no_change=100).fit(X)
    phases = [h["phase"] for h in model.history_]
    assert phases == (["pretrain"] * 2 + ["pretrain_clustering"] * 3
                      + ["pretrain_autoencoders"] * 3 + ["cluster"] * 2)
    assert model.n_iter_ == 2


@pytest.mark.parametrize("init_on, n_epochs, n_joint", [
    ("auto", "auto", 0),    # the start is made on the narrow input: no joint epoch
    ("input", "auto", 0),
    ("codes", "auto", 50),   # the auto budget: 50 epochs of 4 steps on 60 samples
    ("auto", 3, 3),         # an int runs the paper's joint phase
])
def test_no_joint_epoch_after_a_start_on_a_narrow_input(blobs, init_on, n_epochs, n_joint):
    X, y = blobs
    model = DAMICClustering(3, **{**FAST, "n_epochs": n_epochs}, init_on=init_on, label_tol=0,
                            n_iter_no_change=100).fit(X)
    assert [h["phase"] for h in model.history_].count("cluster") == model.n_iter_ == n_joint
    if n_joint == 0:  # the fit is the start, as the clustering network learned it
        assert model.init_on_ == "input"
        np.testing.assert_array_equal(model.labels_, model.predict(X))
        assert clustering_accuracy(y, model.labels_) == clustering_accuracy(y, model.init_labels_)


@pytest.mark.parametrize("name", ["n_pretrain_epochs", "n_cluster_pretrain_epochs", "n_epochs"])
@pytest.mark.parametrize("value", ["fast", -1, 2.5])
def test_bad_epoch_budgets(blobs, name, value):
    with pytest.raises(ValueError, match=f"'{name}' parameter"):
        DAMICClustering(3, **{**FAST, name: value}).fit(blobs[0])


def test_images_use_grouped_convolutions(tiny_images):
    model = DAMICClustering(3, image_shape=(1, 8, 8), **FAST).fit(tiny_images)
    convs = [m for m in model.autoencoders_.modules() if isinstance(m, torch.nn.Conv2d)]
    assert any(c.groups == 3 for c in convs)
    assert any(isinstance(m, torch.nn.Conv2d) for m in model.clustering_network_.modules())
    assert model.predict(tiny_images[:5]).shape == (5,)


def test_dead_clusters_are_reported():
    model = DAMICClustering(4)
    model.n_clusters_ = 4  # the fitted number of clusters, which the report reads
    model.init_labels_ = np.array([0, 1, 2, 3, 3])
    model.labels_ = np.array([0, 0, 2, 2, 2])
    model.n_iter_ = 5
    with pytest.warns(ConvergenceWarning, match=r"indices \[1, 3\], kept in dead_clusters_\) "
                      "lost all their training samples during joint training"):
        model._report_dead_clusters()
    np.testing.assert_array_equal(model.dead_clusters_, [1, 3])
    model.n_iter_ = 0  # no joint epoch ran (a narrow table's start)
    with pytest.warns(ConvergenceWarning, match="while the clustering network learned the initial"):
        model._report_dead_clusters()
    model.labels_ = np.array([0, 1, 2, 3, 3])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model._report_dead_clusters()
    assert model.dead_clusters_.size == 0


def test_bad_layer_sizes(blobs):
    X, _ = blobs
    with pytest.raises(ValueError, match="hidden_layer_sizes must hold"):
        DAMICClustering(3, **{**FAST, "hidden_layer_sizes": (8, 0)}).fit(X)
    with pytest.raises(ValueError, match="n_filters must hold two"):
        DAMICClustering(3, **{**FAST, "n_filters": (4,)}).fit(X)


def test_auto_sizes_scale_to_the_input():
    from skdeepcluster.damic import auto_autoencoder_sizes

    assert auto_autoencoder_sizes(784) == (1024, 256)
    assert auto_autoencoder_sizes(2000) == (1024, 256)
    assert auto_autoencoder_sizes(64) == (256, 128)
    assert auto_autoencoder_sizes(3) == (16, 16)


def test_auto_sizes_share_the_paper_cost_among_many_clusters():
    """Beyond the paper's 10 clusters each autoencoder narrows by 10 / k (at
    least 16 units), where the input does not already cap it."""
    from skdeepcluster.damic import auto_autoencoder_sizes

    assert auto_autoencoder_sizes(1000, 10) == (1024, 256)
    assert auto_autoencoder_sizes(1000, 5) == (1024, 256)  # fewer clusters: the paper's
    assert auto_autoencoder_sizes(1000, 40) == (256, 64)
    assert auto_autoencoder_sizes(784, 100) == (102, 26)
    assert auto_autoencoder_sizes(784, 1000) == (16, 16)
    assert auto_autoencoder_sizes(64, 20) == (256, 128)  # the input's cap binds first
    assert auto_autoencoder_sizes(16, 26) == (64, 32)


def test_many_clusters_get_narrow_autoencoders_and_codes():
    X = np.random.default_rng(0).normal(size=(240, 100)).astype(np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # noise has no clusters to keep
        model = DAMICClustering(40, n_pretrain_epochs=1, n_cluster_pretrain_epochs=1, n_epochs=1,
                                random_state=0).fit(X)
    first, code = model.autoencoders_.encoder[0], model.autoencoders_.encoder[-1]
    assert first.weight.shape == (40, 100, 256)  # 1,024 * 10 / 40 units
    assert code.weight.shape == (40, 64, 40)  # the paper's code of k units, within 64
    model.set_params(n_clusters=100).fit(np.vstack([X, X]))
    code = model.autoencoders_.encoder[-1]
    assert code.weight.shape == (100, 26, 26)  # no wider than the layer before it


def test_auto_bottleneck_is_narrower_than_low_dimensional_input():
    from skdeepcluster.damic import auto_bottleneck

    assert auto_bottleneck(10, 784) == 10  # the paper's k where the input is wide
    assert auto_bottleneck(10, 64) == 10
    assert auto_bottleneck(3, 4) == 2
    assert auto_bottleneck(7, 3) == 2
    assert auto_bottleneck(6, 2) == 1
    assert auto_bottleneck(2, 1) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # noise has no clusters to keep
        model = DAMICClustering(3, n_pretrain_epochs=1, n_cluster_pretrain_epochs=1, n_epochs=1,
                                random_state=0).fit(np.random.default_rng(0).normal(size=(30, 4)))
    code_weight = next(model.autoencoders_.encoder[-1].parameters())
    assert code_weight.shape[-1] == 2  # (n_clusters, inputs, code width)


@pytest.mark.slow
def test_low_dimensional_data_keeps_every_cluster():
    """Iris (4 features, 3 classes), started on the codes: with a code of 3
    units DAMIC lost clusters (2, 1 and 3 used for seeds 0-2, NMI 0.135 on
    average); with the capped code every seed used all three (NMI
    0.47-0.67, doc/results.rst). The default starts on the input there
    (``init_on``), which test_goals.py holds to k-means' accuracy."""
    from skdeepcluster.datasets import load_tabular

    iris = load_tabular("iris")
    nmis = []
    for seed in (0, 1, 2):
        labels = DAMICClustering(3, init_on="codes", random_state=seed,
                                 device="cpu").fit_predict(iris.data)
        assert len(np.unique(labels)) == 3
        nmis.append(normalized_mutual_info_score(iris.target, labels))
    assert np.mean(nmis) > 0.40


# ---------------------------------------------------------- sparse input
def test_sparse_input_gives_the_dense_results(blobs):
    X, _ = blobs
    X = np.abs(X)
    model = DAMICClustering(3, **FAST)
    sparse = model.fit(sp.csr_matrix(X))
    assert sparse.scale_offset_.max() == 0  # "auto" is max-abs for sparse input
    proba = sparse.predict_proba(sp.csc_matrix(X))
    dense = DAMICClustering(3, scaling="maxabs", **FAST).fit(X)
    np.testing.assert_array_equal(sparse.labels_, dense.labels_)
    np.testing.assert_allclose(proba, dense.predict_proba(X), rtol=1e-5)
    np.testing.assert_allclose(sparse.transform(sp.csr_matrix(X)), dense.transform(X), rtol=1e-5)


def test_sparse_batches_are_densified_one_at_a_time(monkeypatch, blobs):
    X, _ = blobs
    seen = []
    real = sp.csr_matrix.toarray

    def recording_toarray(self, *args, **kwargs):
        seen.append(self.shape[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(sp.csr_matrix, "toarray", recording_toarray)
    monkeypatch.setattr("skdeepcluster.base.INFERENCE_BATCH_SIZE", 8)
    model = DAMICClustering(3, **FAST).fit(sp.csr_matrix(np.abs(X)))
    model.predict(sp.csr_matrix(np.abs(X)))
    assert len(seen) > 10 and max(seen) == 16  # batch_size rows, never all 60


# ------------------------------------------------------------- text input
def make_eq8_data(n_per_cluster=100, n_features=100, seed=0):
    """The paper's synthetic data (Sec. 3.5.1, after Yang et al. 2017): four
    Gaussian clusters in 2-D mapped by ``x = sigmoid(W v)^2``, W of shape
    (n_features, 2)."""
    rng = np.random.RandomState(seed)
    centres = np.array([[-3.0, -3.0], [-3.0, 3.0], [3.0, -3.0], [3.0, 3.0]])
    labels = np.repeat(np.arange(4), n_per_cluster)
    v = centres[labels] + rng.normal(size=(len(labels), 2))
    W = rng.normal(size=(n_features, 2))
    return (1.0 / (1.0 + np.exp(-v @ W.T))) ** 2, labels


@pytest.mark.slow
def test_paper_synthetic_data_eq_8():
    X, y = make_eq8_data()
    model = DAMICClustering(4, **{**FAST, "hidden_layer_sizes": (32, 8)}).fit(X)
    kmeans = KMeans(4, n_init=10, random_state=0).fit_predict(X)
    assert clustering_accuracy(y, model.labels_) >= clustering_accuracy(y, kmeans) - 0.05
    assert clustering_accuracy(y, model.labels_) > 0.9


def test_tfidf_of_a_real_corpus_in_a_pipeline():
    """tf-idf rows of the Debian ``fortunes`` corpus stay sparse into the
    estimator (skipped where the package is not installed)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline

    from skdeepcluster.datasets import load_fortunes

    try:
        corpus = load_fortunes(("food", "startrek"))
    except FileNotFoundError:
        pytest.skip("apt-get install fortunes")
    pipe = make_pipeline(
        TfidfVectorizer(max_features=300, stop_words="english"),
        DAMICClustering(2, **{**FAST, "n_pretrain_epochs": 2, "n_cluster_pretrain_epochs": 2,
                              "n_epochs": 2}),
    )
    labels = pipe.fit_predict(corpus.data)
    assert labels.shape == (len(corpus.data),)
    model = pipe[-1]
    assert model.scale_offset_.max() == 0 and model.n_features_in_ == 300
    np.testing.assert_array_equal(pipe.predict(corpus.data), labels)
    assert model.scaling_ == "maxabs" and model.init_on_ == "input"  # text: the sparse kind


@pytest.mark.slow
def test_text_of_the_sparse_kind_starts_on_the_input():
    """The fortunes corpus as dense tf-idf rows (99.5% zeros): started on the
    codes, as before the sparse kind, DAMIC clustered at chance (NMI 0.04-0.10
    over seeds 0-2); on the input, with its full budgets, seed 0 and 1 ended
    at 0.654 / 0.422 and 0.655 / 0.427 (k-means 0.555 / 0.466;
    results_sparse_kind). Short budgets here (with 2 epochs of the
    clustering network instead of 10 the end fell to 0.412 / 0.196): the
    start decides."""
    from skdeepcluster.datasets import FORTUNES_DIR, load_fortunes_tfidf
    from skdeepcluster.metrics import clustering_report

    if not FORTUNES_DIR.is_dir():
        pytest.skip("apt-get install fortunes")
    data = load_fortunes_tfidf()
    model = DAMICClustering(5, n_pretrain_epochs=2, n_cluster_pretrain_epochs=10, n_epochs=2,
                            device="cpu", random_state=0).fit(data.data)
    assert model.init_on_ == "input"
    for labels in (model.init_labels_, model.labels_):
        report = clustering_report(data.target, labels)
        assert report["ACC"] >= 0.55 and report["NMI"] >= 0.35, report


@pytest.mark.slow
def test_digits_beat_kmeans_and_umap_gmm(umap_gmm_digits, digits_seed_scores):
    """Real data: DAMIC as a user builds it (n_clusters alone) on the bundled
    digits (flat rows), mean of seeds 0-2 as in the issue's goal, against
    k-means and UMAP + GMM.

    Measured (``benchmarks/compare.py --datasets digits --methods damic
    --seeds 0 1 2``, 1 torch thread, doc/results.rst,
    ``results_oversegment3``): ACC 0.949 / 0.957 / 0.957 and NMI 0.909 /
    0.923 / 0.919, mean 0.954 / 0.917 (UMAP + GMM 0.884 / 0.911; k-means
    0.79 / 0.74); with the merged rounding from two groups per cluster
    0.950 / 0.913, without any merged rounding 0.850 / 0.857, so this test
    fails if the start falls back to it. The fits run on one torch thread,
    as measured. Over seeds 0-9 the mean is 0.936 / 0.904 (NMI below UMAP +
    GMM's on five), so the cell is not met over more seeds, and this test
    guards seeds 0-2 only.
    """
    accs, nmis, kmeans_acc = digits_seed_scores(DAMICClustering)
    assert min(accs) >= kmeans_acc + 0.10
    assert np.mean(accs) > umap_gmm_digits["ACC"]
    assert np.mean(nmis) > umap_gmm_digits["NMI"]


def test_tables_are_standardised_not_squeezed_into_one_range():
    """DAMIC's ``scaling="auto"`` standardises a table (one global [0, 1]
    range before 0.3.0, where wine as scikit-learn ships it, proline in the
    hundreds, left every other feature nearly constant: ACC 0.652-0.685 on
    seeds 0-2, now 0.983 on each; doc/results.rst,
    ``results_damic_standard``), and keeps one global range for pixels."""
    from sklearn.datasets import load_digits, load_wine

    wine = load_wine()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = DAMICClustering(3, random_state=0).fit(wine.data)
        assert model.scaling_ == "standard"
        assert clustering_accuracy(wine.target, model.labels_) >= 0.95
        quick = {**FAST, "n_pretrain_epochs": 0, "n_cluster_pretrain_epochs": 0, "n_epochs": 0}
        assert DAMICClustering(3, **quick).fit(load_digits().data[:100]).scaling_ == "minmax"
