"""Networks only: autoencoders and heads, no training code."""

from ._layers import glorot_init_, seeded_dropout
from .jule import JULENetwork, build_jule_conv, build_jule_mlp, jule_n_blocks
from .damic import (
    ClusteringNetwork,
    StackedAutoencoder,
    build_damic_autoencoders,
    build_damic_clustering_network,
    damic_init_,
)
from .ddlsc import DDLSCAutoencoder, build_ddlsc_conv, build_ddlsc_mlp, ddlsc_pool_sizes
from .depict import (
    DEPICTNetwork,
    build_depict_conv,
    build_depict_mlp,
    depict_conv_geometry,
)

__all__ = [
    "ClusteringNetwork",
    "StackedAutoencoder",
    "build_damic_autoencoders",
    "build_damic_clustering_network",
    "damic_init_",
    "DDLSCAutoencoder",
    "build_ddlsc_conv",
    "build_ddlsc_mlp",
    "ddlsc_pool_sizes",
    "DEPICTNetwork",
    "JULENetwork",
    "build_jule_conv",
    "build_jule_mlp",
    "jule_n_blocks",
    "build_depict_conv",
    "build_depict_mlp",
    "depict_conv_geometry",
    "glorot_init_",
    "seeded_dropout",
]
