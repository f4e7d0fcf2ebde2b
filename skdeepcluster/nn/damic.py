"""DAMIC's networks: ``K`` autoencoders run as one stacked module, and the
clustering network (an MLP or a small CNN with a softmax head).

The ``K`` autoencoders never run in a Python loop. Their weights are stacked
along a leading model axis and every layer handles all of them at once:

* fully connected layers hold weights of shape ``(K, in, out)`` and run as one
  batched matrix product (:func:`torch.baddbmm`); the first layer, whose input
  is shared by all autoencoders, runs as a single ``(N, in) @ (in, K * out)``
  product;
* convolutions run as grouped convolutions with ``K`` groups (the first one,
  on the shared input, as a plain convolution with ``K`` times the filters);
* batch normalisation keeps separate statistics for every autoencoder.

Activations flow as ``(K, N, F)`` tensors between fully connected layers and
as ``(N, K * C, H, W)`` maps between convolutions. Every stacked layer has an
``unstack(k)`` method that returns the ordinary torch layer of autoencoder
``k`` with the same weights, so :meth:`StackedAutoencoder.unstack` gives the
``K`` autoencoders as separate modules (used by the tests as a reference, and
by the benchmark as the naive per-cluster loop).
"""

import math

import torch
from torch import nn

from ._layers import FlatToImage, Unflatten, conv_out, fill_in_logical_order_, glorot_init_

__all__ = [
    "StackedLinear",
    "StackedBatchNorm",
    "StackedConv2d",
    "StackedConvTranspose2d",
    "StackedBatchNorm2d",
    "StackedAutoencoder",
    "ClusteringNetwork",
    "build_damic_autoencoders",
    "build_damic_clustering_network",
    "damic_init_",
]

#: Smallest image side the convolutional networks accept.
MIN_IMAGE_SIDE = 4


def _unstack(layer, k):
    """Autoencoder ``k``'s own copy of a stacked layer (stateless layers as is)."""
    return layer.unstack(k) if hasattr(layer, "unstack") else layer


def _factory(stacked):
    """The device and dtype of a stacked layer's weights, for the ordinary
    layer its ``unstack`` builds."""
    return {"device": stacked.weight.device, "dtype": stacked.weight.dtype}


class StackedLinear(nn.Module):
    """``K`` independent linear layers computed by one batched matrix product.

    Parameters
    ----------
    n_models : int
        ``K``, the number of stacked layers.
    in_features, out_features : int

    Shapes
    ------
    Input ``(K, N, in_features)``, or ``(N, in_features)`` when every model
    sees the same input; output ``(K, N, out_features)``.
    """

    def __init__(self, n_models, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(n_models, in_features, out_features))
        self.bias = nn.Parameter(torch.zeros(n_models, 1, out_features))

    def forward(self, x):
        n_models, n_in, n_out = self.weight.shape
        if x.dim() == 2:  # shared input: one (N, in) @ (in, K * out) product
            out = x @ self.weight.permute(1, 0, 2).reshape(n_in, n_models * n_out)
            return out.reshape(x.shape[0], n_models, n_out).transpose(0, 1) + self.bias
        return torch.baddbmm(self.bias, x, self.weight)

    def unstack(self, k):
        layer = nn.Linear(self.weight.shape[1], self.weight.shape[2], **_factory(self))
        with torch.no_grad():
            layer.weight.copy_(self.weight[k].T)
            layer.bias.copy_(self.bias[k, 0])
        return layer


class StackedBatchNorm(nn.Module):
    """Batch normalisation over the samples, with separate statistics and
    affine parameters per model (and per feature).

    It normalises over dimension ``-2`` (the samples) of a ``(K, N, F)`` tensor,
    or of an ``(N, F)`` tensor when ``n_models`` is None, exactly as
    :class:`torch.nn.BatchNorm1d` (momentum 0.1, eps 1e-5, biased variance to
    normalise, unbiased variance in the running estimate). A batch of one
    sample is accepted (its normalised value is 0).

    Parameters
    ----------
    n_models : int or None
    n_features : int
    """

    def __init__(self, n_models, n_features, eps=1e-5, momentum=0.1):
        super().__init__()
        shape = (n_features,) if n_models is None else (n_models, 1, n_features)
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(shape))
        self.bias = nn.Parameter(torch.zeros(shape))
        self.register_buffer("running_mean", torch.zeros(shape))
        self.register_buffer("running_var", torch.ones(shape))

    def forward(self, x):
        if not self.training:
            scale = torch.rsqrt(self.running_var + self.eps) * self.weight
            return torch.addcmul(self.bias - self.running_mean * scale, x, scale)
        n = x.shape[-2]
        if n > 1:  # torch's fused kernel, on (N, K * F) rows
            rows = x if x.dim() == 2 else x.transpose(0, 1).reshape(n, -1)
            out = nn.functional.batch_norm(
                rows, self.running_mean.view(-1), self.running_var.view(-1),
                self.weight.view(-1), self.bias.view(-1), True, self.momentum, self.eps,
            )
            return out if x.dim() == 2 else out.reshape(n, *x.shape[::2]).transpose(0, 1)
        mean = x.mean(dim=-2, keepdim=True)
        centred = x - mean
        var = centred.square().mean(dim=-2, keepdim=True)
        with torch.no_grad():
            shape = self.running_mean.shape
            self.running_mean.lerp_(mean.reshape(shape), self.momentum)
            unbiased = var.reshape(shape) * (n / max(n - 1, 1))
            self.running_var.lerp_(unbiased, self.momentum)
        return torch.addcmul(self.bias, centred, torch.rsqrt(var + self.eps) * self.weight)

    def unstack(self, k):
        n_features = self.weight.shape[-1]
        layer = nn.BatchNorm1d(n_features, eps=self.eps, momentum=self.momentum, **_factory(self))
        index = (k, 0) if self.weight.dim() == 3 else ()
        with torch.no_grad():
            for name in ("weight", "bias", "running_mean", "running_var"):
                getattr(layer, name).copy_(getattr(self, name)[index])
        layer.train(self.training)
        return layer


class StackedConv2d(nn.Conv2d):
    """``K`` convolutions of ``in_channels -> out_channels`` as one grouped
    convolution (``K`` groups) on ``(N, K * in_channels, H, W)`` maps, or as one
    plain convolution with ``K * out_channels`` filters when ``shared_input``
    (every model reads the same ``(N, in_channels, H, W)`` input)."""

    def __init__(self, n_models, in_channels, out_channels, kernel_size, stride, padding,
                 shared_input=False):
        super().__init__(
            in_channels if shared_input else n_models * in_channels,
            n_models * out_channels, kernel_size, stride, padding,
            groups=1 if shared_input else n_models,
        )
        self.n_models = n_models

    def unstack(self, k):
        out = self.out_channels // self.n_models
        layer = nn.Conv2d(self.weight.shape[1], out, self.kernel_size, self.stride, self.padding,
                          **_factory(self))
        with torch.no_grad():
            layer.weight.copy_(self.weight[k * out : (k + 1) * out])
            layer.bias.copy_(self.bias[k * out : (k + 1) * out])
        return layer


class StackedConvTranspose2d(nn.ConvTranspose2d):
    """``K`` transposed convolutions as one grouped transposed convolution on
    ``(N, K * in_channels, H, W)`` maps."""

    def __init__(self, n_models, in_channels, out_channels, kernel_size, stride, padding,
                 output_padding):
        super().__init__(
            n_models * in_channels, n_models * out_channels, kernel_size, stride, padding,
            output_padding=output_padding, groups=n_models,
        )
        self.n_models = n_models

    def unstack(self, k):
        n_in = self.in_channels // self.n_models
        n_out = self.out_channels // self.n_models
        layer = nn.ConvTranspose2d(
            n_in, n_out, self.kernel_size, self.stride, self.padding,
            output_padding=self.output_padding, **_factory(self),
        )
        with torch.no_grad():
            layer.weight.copy_(self.weight[k * n_in : (k + 1) * n_in])
            layer.bias.copy_(self.bias[k * n_out : (k + 1) * n_out])
        return layer


class StackedBatchNorm2d(nn.BatchNorm2d):
    """Per-model, per-channel batch normalisation of ``(N, K * C, H, W)`` maps:
    a :class:`torch.nn.BatchNorm2d` over the ``K * C`` channels."""

    def __init__(self, n_models, n_channels):
        super().__init__(n_models * n_channels)
        self.n_models = n_models

    def unstack(self, k):
        n = self.num_features // self.n_models
        layer = nn.BatchNorm2d(n, eps=self.eps, momentum=self.momentum, **_factory(self))
        with torch.no_grad():
            for name in ("weight", "bias", "running_mean", "running_var"):
                getattr(layer, name).copy_(getattr(self, name)[k * n : (k + 1) * n])
        layer.train(self.training)
        return layer


class _MapsToModels(nn.Module):
    """``(N, K * C, H, W)`` maps -> ``(K, N, C * H * W)`` rows."""

    def __init__(self, n_models):
        super().__init__()
        self.n_models = n_models

    def forward(self, x):
        return x.reshape(x.shape[0], self.n_models, -1).transpose(0, 1)

    def unstack(self, k):
        return nn.Flatten()


class _ModelsToMaps(nn.Module):
    """``(K, N, C * H * W)`` rows -> ``(N, K * C, H, W)`` maps."""

    def __init__(self, n_models, shape):
        super().__init__()
        self.n_models, self.shape = n_models, tuple(shape)

    def forward(self, x):
        channels, height, width = self.shape
        return x.transpose(0, 1).reshape(x.shape[1], self.n_models * channels, height, width)

    def unstack(self, k):
        return Unflatten(self.shape)


class StackedAutoencoder(nn.Module):
    """``K`` autoencoders with the same architecture, computed together.

    Parameters
    ----------
    encoder, decoder : list of nn.Module
        Stacked layers (see the module docstring). The encoder takes flat rows
        ``(N, D)`` shared by all models and ends in ``(K, N, bottleneck)``; the
        decoder ends in ``(K, N, D)``.
    n_models : int
    """

    def __init__(self, encoder, decoder, n_models):
        super().__init__()
        self.encoder = nn.Sequential(*encoder)
        self.decoder = nn.Sequential(*decoder)
        self.n_models = n_models

    def encode(self, x):
        """Bottleneck codes of every model, shape (K, N, bottleneck)."""
        return self.encoder(x)

    def forward(self, x):
        """Reconstructions of ``x`` (N, D) by every model, shape (K, N, D)."""
        return self.decoder(self.encoder(x))

    def unstack(self):
        """The ``K`` autoencoders as separate ordinary modules (copies).

        Returns
        -------
        nn.ModuleList of ``K`` :class:`torch.nn.Sequential`, each mapping
        ``(N, D)`` to ``(N, D)`` with autoencoder ``k``'s weights and the
        train/eval mode, device and dtype of this module.
        """
        models = []
        for k in range(self.n_models):
            layers = [_unstack(layer, k) for layer in [*self.encoder, *self.decoder]]
            models.append(nn.Sequential(*layers).train(self.training))
        return nn.ModuleList(models)

    @torch.no_grad()
    def replicate_(self, single):
        """Copy the weights of a one-model ``StackedAutoencoder`` of the same
        architecture into every one of the ``K`` models. Returns self."""
        if single.n_models != 1:
            raise ValueError("replicate_ needs a StackedAutoencoder with n_models=1.")
        source = single.state_dict()
        for name, value in self.state_dict().items():
            if name.endswith("num_batches_tracked"):
                value.copy_(source[name])
            else:
                reps = value.shape[0] // source[name].shape[0]
                value.copy_(source[name].repeat(reps, *([1] * (value.dim() - 1))))
        return self


def _mlp_autoencoder(n_models, n_features, hidden_layer_sizes, bottleneck, output):
    sizes = [n_features, *hidden_layer_sizes, bottleneck]

    def block(a, b):
        return [StackedLinear(n_models, a, b), StackedBatchNorm(n_models, b), nn.ReLU()]

    encoder = [layer for a, b in zip(sizes[:-1], sizes[1:-1]) for layer in block(a, b)]
    encoder.append(StackedLinear(n_models, sizes[-2], bottleneck))
    rev = sizes[::-1]
    decoder = [layer for a, b in zip(rev[:-2], rev[1:-1]) for layer in block(a, b)]
    decoder += [StackedLinear(n_models, rev[-2], n_features), output]
    return encoder, decoder


def conv_geometry(height, width):
    """Map sizes of the two stride-2 convolutions (kernel 3, padding 1) and the
    output paddings that make the transposed convolutions restore them.

    Returns
    -------
    (h1, w1), (h2, w2), out_pad_1, out_pad_2
    """
    if min(height, width) < MIN_IMAGE_SIDE:
        raise ValueError(
            f"Images of {height}x{width} pixels are too small for DAMIC's "
            f"convolutional networks (they need at least {MIN_IMAGE_SIDE}x"
            f"{MIN_IMAGE_SIDE}); pass the data as flat features (image_shape=None)."
        )
    h1, w1 = conv_out(height, 3, 2, 1), conv_out(width, 3, 2, 1)
    h2, w2 = conv_out(h1, 3, 2, 1), conv_out(w1, 3, 2, 1)

    def out_pad(size, smaller):
        return size - ((smaller - 1) * 2 - 2 + 3)

    return (h1, w1), (h2, w2), (out_pad(height, h1), out_pad(width, w1)), (
        out_pad(h1, h2), out_pad(w1, w2))


def _conv_autoencoder(n_models, image_shape, n_filters, hidden, bottleneck, output):
    channels, height, width = image_shape
    f1, f2 = n_filters
    _, (h2, w2), pad1, pad2 = conv_geometry(height, width)
    flat = f2 * h2 * w2
    relu = nn.ReLU
    encoder = [
        FlatToImage(image_shape),
        StackedConv2d(n_models, channels, f1, 3, 2, 1, shared_input=True),
        StackedBatchNorm2d(n_models, f1), relu(),
        StackedConv2d(n_models, f1, f2, 3, 2, 1), StackedBatchNorm2d(n_models, f2), relu(),
        _MapsToModels(n_models),
        StackedLinear(n_models, flat, hidden), StackedBatchNorm(n_models, hidden), relu(),
        StackedLinear(n_models, hidden, bottleneck),
    ]
    decoder = [
        StackedLinear(n_models, bottleneck, hidden), StackedBatchNorm(n_models, hidden), relu(),
        StackedLinear(n_models, hidden, flat), StackedBatchNorm(n_models, flat), relu(),
        _ModelsToMaps(n_models, (f2, h2, w2)),
        StackedConvTranspose2d(n_models, f2, f1, 3, 2, 1, pad2),
        StackedBatchNorm2d(n_models, f1), relu(),
        StackedConvTranspose2d(n_models, f1, channels, 3, 2, 1, pad1),
        _MapsToModels(n_models), output,
    ]
    return encoder, decoder


def build_damic_autoencoders(
    n_models, n_features, *, bottleneck, image_shape=None, hidden_layer_sizes=(1024, 256),
    n_filters=(16, 32), output=None,
):
    """DAMIC's ``K`` autoencoders as one :class:`StackedAutoencoder`.

    Flat features (``image_shape=None``): the paper's fully connected
    autoencoder ``D -> hidden_layer_sizes -> bottleneck`` and back, each hidden
    layer and the bottleneck with batch normalisation and ReLU, the output
    linear or sigmoid. Images: two stride-2 convolutions (kernel 3) with
    ``n_filters`` maps, batch normalisation and ReLU, a fully connected layer
    of ``hidden_layer_sizes[-1]`` units and the bottleneck; the decoder mirrors
    it with transposed convolutions.

    Parameters
    ----------
    n_models : int
        ``K``, the number of autoencoders (one per cluster).
    n_features : int
        ``D``, the length of a flat input row.
    bottleneck : int
        Width of the code layer (the paper uses the number of clusters).
    image_shape : tuple (C, H, W) or None
    hidden_layer_sizes : tuple of int, default=(1024, 256)
    n_filters : tuple of two int, default=(16, 32)
    output : {None, "sigmoid"}, default=None
        Activation of the reconstruction.

    Returns
    -------
    StackedAutoencoder
        Maps ``(N, D)`` to reconstructions ``(K, N, D)``; for images with
        channels-last weights, as :func:`~skdeepcluster.nn.build_ddlsc_conv`.
    """
    out = nn.Sigmoid() if output == "sigmoid" else nn.Identity()
    if image_shape is None:
        encoder, decoder = _mlp_autoencoder(
            n_models, n_features, hidden_layer_sizes, bottleneck, out
        )
    else:
        encoder, decoder = _conv_autoencoder(
            n_models, image_shape, tuple(n_filters), hidden_layer_sizes[-1], bottleneck, out
        )
        # Channels-last weights make the grouped maps channels-last: a step
        # of 10 autoencoders on 256 28x28 images takes 0.89 times the CPU
        # time, and image fits 0.88-0.90 times (``results_damic_channels_last``).
        # The values of the weights do not depend on their layout
        # (``damic_init_``).
        return StackedAutoencoder(encoder, decoder, n_models).to(memory_format=torch.channels_last)
    return StackedAutoencoder(encoder, decoder, n_models)


class ClusteringNetwork(nn.Module):
    """DAMIC's clustering network: a representation ``h(x)`` and a linear
    softmax layer giving ``p(c | x)`` (eq. 1 of the paper).

    Parameters
    ----------
    body : list of nn.Module
        Maps ``(N, D)`` rows to ``h(x)`` of shape ``(N, embedding_dim)``.
    embedding_dim, n_clusters : int
    """

    def __init__(self, body, embedding_dim, n_clusters):
        super().__init__()
        self.body = nn.Sequential(*body)
        self.head = nn.Linear(embedding_dim, n_clusters)

    def embed(self, x):
        """``h(x)``, shape (N, embedding_dim)."""
        return self.body(x)

    def forward(self, x):
        """Log-probabilities ``log p(c | x)``, shape (N, n_clusters)."""
        return torch.log_softmax(self.head(self.body(x)), dim=1)


def build_damic_clustering_network(
    n_features, n_clusters, *, image_shape=None, hidden_layer_sizes=(512, 512),
    n_filters=(16, 32),
):
    """DAMIC's clustering network.

    Flat features: the paper's MLP ``D -> hidden_layer_sizes`` (batch
    normalisation and ReLU after each layer) then a softmax layer of
    ``n_clusters`` units. Images: two stride-2 convolutions with ``n_filters``
    maps (batch normalisation, ReLU), then the fully connected layers.

    Returns
    -------
    ClusteringNetwork
    """
    sizes = list(hidden_layer_sizes)
    if image_shape is None:
        body, width = [], n_features
    else:
        channels, height, width_px = image_shape
        _, (h2, w2), _, _ = conv_geometry(height, width_px)
        f1, f2 = n_filters
        body = [
            FlatToImage(image_shape),
            nn.Conv2d(channels, f1, 3, 2, 1), nn.BatchNorm2d(f1), nn.ReLU(),
            nn.Conv2d(f1, f2, 3, 2, 1), nn.BatchNorm2d(f2), nn.ReLU(), nn.Flatten(),
        ]
        width = f2 * h2 * w2
    for size in sizes:
        body += [nn.Linear(width, size), StackedBatchNorm(None, size), nn.ReLU()]
        width = size
    return ClusteringNetwork(body, width, n_clusters)


def damic_init_(module, generator):
    """Glorot-uniform weights and zero biases for every (stacked, grouped)
    linear and convolutional layer in ``module``, each stacked model drawn
    with its own fan-in and fan-out, from ``generator`` (CPU)."""
    for layer in module.modules():
        if isinstance(layer, StackedLinear):
            n_in, n_out = layer.weight.shape[1:]
            bound = math.sqrt(6.0 / (n_in + n_out))
            with torch.no_grad():
                layer.weight.uniform_(-bound, bound, generator=generator)
                layer.bias.zero_()
        elif isinstance(layer, (nn.Conv2d, nn.ConvTranspose2d)) and layer.groups > 1 or (
            isinstance(layer, StackedConv2d)
        ):
            field = layer.weight[0, 0].numel()
            if isinstance(layer, nn.ConvTranspose2d):
                fan_in = layer.in_channels // layer.groups * field
                fan_out = layer.weight.shape[1] * field
            else:
                fan_in = layer.weight.shape[1] * field
                fan_out = layer.out_channels // getattr(layer, "n_models", layer.groups) * field
            bound = math.sqrt(6.0 / (fan_in + fan_out))
            fill_in_logical_order_(
                layer.weight, lambda values: values.uniform_(-bound, bound, generator=generator))
            with torch.no_grad():
                layer.bias.zero_()
        elif isinstance(layer, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            glorot_init_(layer, generator)
    return module
