"""Network shapes: the decoder reproduces the input size for every image size."""

import pytest
import torch

from skdeepcluster.nn import (
    build_depict_conv,
    build_depict_mlp,
    depict_conv_geometry,
    seeded_dropout,
)

# Table 5 of the DEPICT paper (conv1, conv2 as kernel, stride, padding).
TABLE_5 = {
    28: ((4, 2, 0), (5, 2, 2)),
    16: ((4, 2, 0), (5, 2, 2)),
    32: ((4, 2, 2), (5, 2, 2)),
    55: ((5, 2, 2), (4, 2, 0)),
}


@pytest.mark.parametrize("side", sorted(TABLE_5))
def test_paper_sizes_use_table_5(side):
    assert depict_conv_geometry(side, side) == TABLE_5[side]


@pytest.mark.parametrize(
    "shape", [(1, 28, 28), (1, 16, 16), (1, 32, 32), (3, 32, 32), (1, 55, 55),
              (1, 8, 8), (3, 20, 24), (1, 4, 4), (2, 64, 48)],
)
def test_decoder_layers_match_encoder_layers(shape):
    net = build_depict_conv(shape, 5, embedding_dim=5, n_filters=6)
    x = torch.randn(3, shape[0] * shape[1] * shape[2])
    layers = net.encode_layers(x)
    recs = net.decode_layers(layers[-1])
    assert recs[0].shape == x.shape
    for rec, layer in zip(recs, layers[:-1]):
        assert rec.shape == layer.shape
    assert layers[-1].shape == (3, 5)


def test_paper_mnist_maps():
    net = build_depict_conv((1, 28, 28), 10, embedding_dim=10)
    layers = net.encode_layers(torch.randn(2, 784))
    assert [tuple(l.shape[1:]) for l in layers[1:]] == [(50, 13, 13), (50, 7, 7), (10,)]


def test_images_too_small_are_refused():
    with pytest.raises(ValueError, match="too small"):
        depict_conv_geometry(3, 30)


def test_mlp_shapes():
    net = build_depict_mlp(20, 4, embedding_dim=4, hidden_layer_sizes=(8, 6))
    layers = net.encode_layers(torch.randn(5, 20), torch.Generator())
    recs = net.decode_layers(layers[-1])
    assert [tuple(l.shape) for l in layers] == [(5, 20), (5, 8), (5, 6), (5, 4)]
    assert [tuple(r.shape) for r in recs] == [(5, 20), (5, 8), (5, 6)]


def test_seeded_dropout_is_reproducible_and_leaves_global_rng():
    x = torch.ones(1000)
    state = torch.get_rng_state()
    a = seeded_dropout(x, 0.5, torch.Generator().manual_seed(3))
    b = seeded_dropout(x, 0.5, torch.Generator().manual_seed(3))
    assert torch.equal(a, b)
    assert torch.equal(state, torch.get_rng_state())
    assert 0.4 < (a == 0).float().mean() < 0.6
    assert set(a.unique().tolist()) == {0.0, 2.0}
    assert seeded_dropout(x, 0.5, None) is x


def test_noisy_and_clean_pathways_share_weights():
    net = build_depict_mlp(10, 3, embedding_dim=3, hidden_layer_sizes=(8,), dropout=0.0)
    x = torch.randn(4, 10)
    torch.testing.assert_close(net.encode_layers(x, torch.Generator())[-1], net.embed(x))
