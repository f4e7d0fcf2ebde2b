"""Small building blocks shared by the networks: seeded dropout, Glorot
initialisation, output activations, and the reshaping layers and map-size
arithmetic of the convolutional autoencoders."""

import torch
from torch import nn


def seeded_dropout(x, p, generator):
    """Inverted dropout whose mask is drawn from ``generator``.

    Unlike :class:`torch.nn.Dropout` this never touches the global RNG, which
    keeps fits reproducible and leaves the caller's RNG state alone.

    Parameters
    ----------
    x : Tensor
    p : float
        Probability of zeroing an element, in [0, 1).
    generator : torch.Generator or None
        On the device of ``x``. ``None`` or ``p == 0`` returns ``x`` unchanged.
    """
    if generator is None or p <= 0:
        return x
    keep = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype)
    return x * (keep >= p).to(x.dtype) / (1.0 - p)


def fill_in_logical_order_(weight, fill):
    """Set ``weight`` to what ``fill(values)`` writes into a contiguous tensor
    of its shape: random draws then land in logical (row-major) order, so
    the values do not depend on the weight's memory layout (a channels-last
    convolution gets the values of a contiguous one)."""
    values = torch.empty(weight.shape, dtype=weight.dtype, device=weight.device)
    fill(values)
    with torch.no_grad():
        weight.copy_(values)


def glorot_init_(module, generator):
    """Glorot-uniform weights and zero biases for every Linear and (transposed)
    convolution inside ``module``, drawn from ``generator`` (a CPU generator),
    whatever their memory layout (:func:`fill_in_logical_order_`)."""
    for layer in module.modules():
        if isinstance(layer, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            fill_in_logical_order_(
                layer.weight, lambda values: nn.init.xavier_uniform_(values, generator=generator))
            if layer.bias is not None:
                nn.init.zeros_(layer.bias)
    return module


def output_activation(name):
    """``"tanh"`` -> :class:`torch.nn.Tanh`, ``None`` -> identity."""
    return nn.Tanh() if name == "tanh" else nn.Identity()


def conv_out(size, kernel, stride, padding):
    """The side of a convolution's output map for an input of side ``size``."""
    return (size + 2 * padding - kernel) // stride + 1


class Unflatten(nn.Module):
    """Reshape flat rows to ``(N, *shape)`` maps (a decoder's first maps)."""

    def __init__(self, shape):
        super().__init__()
        self.shape = tuple(shape)

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


class FlatToImage(nn.Module):
    """Reshape flat rows to images at the start of the encoder, and back."""

    def __init__(self, image_shape, to_image=True):
        super().__init__()
        self.image_shape = tuple(image_shape)
        self.to_image = to_image

    def forward(self, x):
        if self.to_image:
            return x.reshape(x.shape[0], *self.image_shape)
        return x.reshape(x.shape[0], -1)
