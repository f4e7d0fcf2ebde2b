"""The autoencoders of the deep discriminative latent space method (DDLSC).

Images use the small fully convolutional design the paper adopts from DBC
(Li et al., 2017): blocks of convolution -> BatchNorm -> ReLU -> 2x2
max-pooling, then a linear bottleneck; the decoder upsamples by
nearest-neighbour interpolation, each time followed by a convolution with
BatchNorm and ReLU. Flat features use a fully connected autoencoder.

Both networks take and return flat rows ``(N, n_features)``; the image shape
is applied inside. The embedding is the raw (not normalised) code ``z``: the
losses normalise it.
"""

import torch
from torch import nn

from ._layers import FlatToImage, Unflatten

#: The smallest image side the convolutional network accepts (one pooling).
MIN_IMAGE_SIDE = 4

#: Pooling stops before a feature map gets smaller than this side.
MIN_MAP_SIDE = 2


class DDLSCAutoencoder(nn.Module):
    """An encoder / decoder pair on flat rows.

    Parameters
    ----------
    encoder : nn.Module
        Maps (N, n_features) to the code (N, embedding_dim).
    decoder : nn.Module
        Maps the code back to (N, n_features).
    """

    def __init__(self, encoder, decoder):
        super().__init__()
        self.encoder = encoder
        self.decoder = decoder

    def forward(self, x):
        """The code and the reconstruction of ``x``: ``(z, x_hat)``."""
        z = self.encoder(x)
        return z, self.decoder(z)

    def embed(self, x):
        """The code ``z`` of ``x``, shape (N, embedding_dim)."""
        return self.encoder(x)


def ddlsc_pool_sizes(height, width, max_blocks=3):
    """The feature-map sizes of the convolutional encoder, input first.

    Each block halves the map (floor) by 2x2 max-pooling; there are at most
    ``max_blocks`` blocks (the paper's 3-layer encoder) and no map gets
    smaller than ``MIN_MAP_SIDE``.

    Returns
    -------
    sizes : list of (height, width)
        ``sizes[0]`` is the input, ``sizes[-1]`` the last pooled map.

    Raises
    ------
    ValueError
        When the image is smaller than ``MIN_IMAGE_SIDE`` on a side.
    """
    if min(height, width) < MIN_IMAGE_SIDE:
        raise ValueError(
            f"Images of {height}x{width} pixels are too small for the convolutional "
            f"network of DiscriminativeLatentClustering (it needs at least "
            f"{MIN_IMAGE_SIDE}x{MIN_IMAGE_SIDE}); pass the data as flat features "
            "(image_shape=None) instead."
        )
    sizes = [(height, width)]
    while len(sizes) <= max_blocks and min(sizes[-1]) // 2 >= MIN_MAP_SIDE:
        sizes.append((sizes[-1][0] // 2, sizes[-1][1] // 2))
    return sizes


def build_ddlsc_conv(image_shape, *, embedding_dim, n_filters=(16, 16, 16), kernel_size=3):
    """The paper's small convolutional autoencoder, sized from the image shape.

    Encoder: per block Conv(k, same padding) -> BatchNorm -> ReLU ->
    MaxPool(2), with as many blocks as ``n_filters`` allows and the image
    size permits (see :func:`ddlsc_pool_sizes`), then flatten ->
    Linear(embedding_dim). Decoder: Linear -> ReLU -> reshape, then per block
    nearest-neighbour upsampling to the size of the encoder's map before its
    pooling -> Conv -> BatchNorm -> ReLU, and a last Conv to the input's
    channels (linear output). Every decoder map has exactly the size of its
    encoder twin, whatever the image size.

    Parameters
    ----------
    image_shape : tuple (C, H, W)
    embedding_dim : int
    n_filters : tuple of int, default=(16, 16, 16)
        Feature maps of each encoder block (the decoder mirrors them).
    kernel_size : int, default=3
        Odd kernel side of every convolution.

    Returns
    -------
    DDLSCAutoencoder
    """
    channels, height, width = image_shape
    n_filters = tuple(n_filters)
    sizes = ddlsc_pool_sizes(height, width, max_blocks=len(n_filters))
    n_blocks = len(sizes) - 1
    widths = (channels, *n_filters[:n_blocks])
    pad = kernel_size // 2
    encoder = [FlatToImage(image_shape)]
    for c_in, c_out in zip(widths, widths[1:]):
        encoder += [
            nn.Conv2d(c_in, c_out, kernel_size, padding=pad),
            nn.BatchNorm2d(c_out),
            nn.ReLU(),
            nn.MaxPool2d(2),
        ]
    last = (widths[-1], *sizes[-1])
    flat = last[0] * last[1] * last[2]
    encoder += [nn.Flatten(), nn.Linear(flat, embedding_dim)]

    decoder = [nn.Linear(embedding_dim, flat), nn.ReLU(), Unflatten(last)]
    for c_in, c_out, size in zip(widths[:0:-1], widths[-2:0:-1], sizes[-2:0:-1]):
        decoder += [
            nn.Upsample(size=size, mode="nearest"),
            nn.Conv2d(c_in, c_out, kernel_size, padding=pad),
            nn.BatchNorm2d(c_out),
            nn.ReLU(),
        ]
    decoder += [
        nn.Upsample(size=sizes[0], mode="nearest"),
        nn.Conv2d(widths[1], channels, kernel_size, padding=pad),
        FlatToImage(image_shape, to_image=False),
    ]
    # Weights in channels-last order make every map of the network
    # channels-last (the input has one channel, so its layout is the same
    # either way): its convolutions, pooling and upsampling take half the
    # CPU time (a step on 1,000 28x28 images, 1 thread: 0.45 s against
    # 1.00 s, ``benchmarks/bench_conv_layout.py``), at batch normalisation
    # outputs within 1.5e-4 of float64's instead of 5e-7 (unit-variance
    # maps). The values of the weights do not depend on their layout
    # (``glorot_init_``).
    autoencoder = DDLSCAutoencoder(nn.Sequential(*encoder), nn.Sequential(*decoder))
    return autoencoder.to(memory_format=torch.channels_last)


def build_ddlsc_mlp(n_features, *, embedding_dim, hidden_layer_sizes=(500, 500)):
    """A fully connected autoencoder for flat features.

    Encoder: [Linear -> ReLU] per hidden size -> Linear(embedding_dim);
    the decoder mirrors it with a linear output. No BatchNorm, so that
    mini-batches of a single sample train too.

    Parameters
    ----------
    n_features : int
    embedding_dim : int
    hidden_layer_sizes : tuple of int, default=(500, 500)

    Returns
    -------
    DDLSCAutoencoder
    """
    return DDLSCAutoencoder(
        _mlp([n_features, *hidden_layer_sizes, embedding_dim]),
        _mlp([embedding_dim, *hidden_layer_sizes[::-1], n_features]),
    )


def _mlp(sizes):
    """Linear layers between consecutive ``sizes``, ReLU between them."""
    layers = []
    for a, b in zip(sizes, sizes[1:]):
        layers += [nn.Linear(a, b), nn.ReLU()]
    return nn.Sequential(*layers[:-1])
