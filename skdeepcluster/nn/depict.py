"""DEPICT's autoencoders (convolutional and MLP) with the softmax head.

The encoder is a list of blocks, each mapping layer ``l-1`` to layer ``l``; the
decoder mirrors it. The noisy pathway applies dropout to the input of every
encoder block but the last (the authors' placement: before each convolution),
and the clean pathway shares all weights.
"""

import torch
from torch import nn

from ._layers import FlatToImage, Unflatten, conv_out, output_activation, seeded_dropout

#: Table 5 of the paper: image side -> ((kernel, stride, padding) per conv).
PAPER_CONV_GEOMETRY = {
    28: ((4, 2, 0), (5, 2, 2)),  # MNIST
    16: ((4, 2, 0), (5, 2, 2)),  # USPS
    32: ((4, 2, 2), (5, 2, 2)),  # FRGC, CMU-PIE
    55: ((5, 2, 2), (4, 2, 0)),  # YTF
}

#: The smallest image side the convolutional network accepts.
MIN_IMAGE_SIDE = 4


def depict_conv_geometry(height, width, target=10):
    """Kernel, stride and padding of DEPICT's two convolutions for an image size.

    Square images of the sizes in Table 5 of the paper (16, 28, 32, 55) get the
    paper's settings. Other sizes get the setting (kernel 3-5, stride 1 or 2,
    padding that never grows a map) whose second feature map is closest to
    ``target`` x ``target``, preferring more down-sampling on ties.

    Returns
    -------
    geometry : tuple of two (kernel, stride, padding) triples
    """
    if min(height, width) < MIN_IMAGE_SIDE:
        raise ValueError(
            f"Images of {height}x{width} pixels are too small for DEPICT's "
            f"convolutional network (it needs at least {MIN_IMAGE_SIDE}x"
            f"{MIN_IMAGE_SIDE}); pass the data as flat features "
            "(image_shape=None) instead."
        )
    if height == width and height in PAPER_CONV_GEOMETRY:
        return PAPER_CONV_GEOMETRY[height]
    candidates = [
        (k, s, p) for k in (3, 4, 5) for s in (2, 1) for p in range(0, k // 2 + 1)
    ]
    best, best_key = None, None
    for first in candidates:
        for second in candidates:
            sizes = []
            for side in (height, width):
                m1 = conv_out(side, *first)
                m2 = conv_out(m1, *second) if m1 >= 1 else 0
                if m1 < 1 or m2 < 1 or m1 > side or m2 > m1:
                    break
                sizes.append(m2)
            else:
                cost = sum(abs(m - target) for m in sizes)
                key = (cost, -(first[1] + second[1]), first[0] + second[0], first[2])
                if best_key is None or key < best_key:
                    best, best_key = (first, second), key
    return best


class DEPICTNetwork(nn.Module):
    """An autoencoder with DEPICT's noisy/clean pathways and a softmax head.

    Parameters
    ----------
    encoder : list of nn.Module
        Blocks mapping ``z_{l-1} -> z_l``; the last one outputs the embedding.
    decoder : list of nn.Module
        Blocks mapping ``z_hat_l -> z_hat_{l-1}``, in decoding order (the first
        takes the embedding, the last outputs the reconstruction).
    n_clusters : int
    embedding_dim : int
    dropout : float
        Dropout rate of the noisy pathway; the attribute ``input_dropout``,
        the rate on the input itself, starts equal to it (DEPICTClustering
        sets it for its clustering phase).
    """

    def __init__(self, encoder, decoder, n_clusters, embedding_dim, dropout):
        super().__init__()
        if len(encoder) != len(decoder):
            raise ValueError("The encoder and the decoder need as many blocks.")
        self.encoder = nn.ModuleList(encoder)
        self.decoder = nn.ModuleList(decoder)
        self.head = nn.Linear(embedding_dim, n_clusters)
        self.dropout = dropout
        self.input_dropout = dropout

    def encode_layers(self, x, generator=None):
        """All encoder layers ``[x, z_1, ..., z_L]``.

        With a ``generator`` this is the noisy pathway (dropout before every
        block but the last: ``input_dropout`` on the input, ``dropout`` on
        the hidden layers); without, the clean pathway.
        """
        layers = [x]
        last = len(self.encoder) - 1
        for index, block in enumerate(self.encoder):
            h = layers[-1]
            if index < last:
                h = seeded_dropout(h, self.input_dropout if index == 0 else self.dropout, generator)
            layers.append(block(h))
        if generator is not None:
            layers[0] = x
        return layers

    def decode_layers(self, z):
        """Decoder outputs ``[x_hat, z_hat_1, ..., z_hat_{L-1}]`` (input order)."""
        outputs = []
        h = z
        for block in self.decoder:
            h = block(h)
            outputs.append(h)
        return outputs[::-1]

    def embed(self, x):
        """The clean embedding, shape (N, embedding_dim)."""
        h = x
        for block in self.encoder:
            h = block(h)
        return h

    def log_proba(self, z):
        """Log-probabilities of the softmax head, shape (N, n_clusters)."""
        return torch.log_softmax(self.head(z), dim=1)


def build_depict_conv(
    image_shape, n_clusters, *, embedding_dim, n_filters=50, dropout=0.1,
    negative_slope=0.01, output="tanh",
):
    """DEPICT's convolutional autoencoder for flat rows holding images.

    Encoder: Conv(n_filters) -> LeakyReLU -> Conv(n_filters) -> LeakyReLU ->
    flatten -> Linear(embedding_dim) -> tanh; the decoder mirrors it with
    transposed convolutions whose output padding makes every decoder map the
    size of its encoder twin. Inputs and reconstructions stay flat
    (N, C*H*W); the image shape is applied inside.

    Parameters
    ----------
    image_shape : tuple (C, H, W)
    n_clusters : int
    embedding_dim : int
    n_filters : int, default=50
    dropout : float, default=0.1
    negative_slope : float, default=0.01
    output : {"tanh", None}, default="tanh"
        Activation of the reconstruction.
    """
    channels, height, width = image_shape
    (k1, s1, p1), (k2, s2, p2) = depict_conv_geometry(height, width)
    h1, w1 = conv_out(height, k1, s1, p1), conv_out(width, k1, s1, p1)
    h2, w2 = conv_out(h1, k2, s2, p2), conv_out(w1, k2, s2, p2)
    flat = n_filters * h2 * w2

    def out_pad(size_in, size_out, k, s, p):
        return size_in - ((size_out - 1) * s - 2 * p + k)

    act = lambda: nn.LeakyReLU(negative_slope)  # noqa: E731
    encoder = [
        nn.Sequential(FlatToImage(image_shape), nn.Conv2d(channels, n_filters, k1, s1, p1), act()),
        nn.Sequential(nn.Conv2d(n_filters, n_filters, k2, s2, p2), act()),
        nn.Sequential(nn.Flatten(), nn.Linear(flat, embedding_dim), nn.Tanh()),
    ]
    decoder = [
        nn.Sequential(nn.Linear(embedding_dim, flat), act(), Unflatten((n_filters, h2, w2))),
        nn.Sequential(
            nn.ConvTranspose2d(
                n_filters, n_filters, k2, s2, p2,
                output_padding=(out_pad(h1, h2, k2, s2, p2), out_pad(w1, w2, k2, s2, p2)),
            ),
            act(),
        ),
        nn.Sequential(
            nn.ConvTranspose2d(
                n_filters, channels, k1, s1, p1,
                output_padding=(out_pad(height, h1, k1, s1, p1), out_pad(width, w1, k1, s1, p1)),
            ),
            output_activation(output),
            FlatToImage(image_shape, to_image=False),
        ),
    ]
    return DEPICTNetwork(encoder, decoder, n_clusters, embedding_dim, dropout)


def build_depict_mlp(
    n_features, n_clusters, *, embedding_dim, hidden_layer_sizes=(500, 500),
    dropout=0.1, negative_slope=0.01, output=None,
):
    """DEPICT's losses on a fully connected autoencoder, for flat features.

    Encoder: [Linear -> LeakyReLU] per hidden size -> Linear(embedding_dim) ->
    tanh; the decoder mirrors it, ending in ``output`` (tanh or identity).
    """
    act = lambda: nn.LeakyReLU(negative_slope)  # noqa: E731
    sizes = [n_features, *hidden_layer_sizes]
    encoder = [nn.Sequential(nn.Linear(a, b), act()) for a, b in zip(sizes, sizes[1:])]
    encoder.append(nn.Sequential(nn.Linear(sizes[-1], embedding_dim), nn.Tanh()))
    decoder = [nn.Sequential(nn.Linear(embedding_dim, sizes[-1]), act())]
    for a, b in zip(sizes[:0:-1], sizes[-2:0:-1]):
        decoder.append(nn.Sequential(nn.Linear(a, b), act()))
    decoder.append(nn.Sequential(nn.Linear(sizes[1], n_features), output_activation(output)))
    return DEPICTNetwork(encoder, decoder, n_clusters, embedding_dim, dropout)
