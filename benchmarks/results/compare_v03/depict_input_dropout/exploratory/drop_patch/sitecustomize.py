"""Exploratory patches of DEPICT's noisy pathway, loaded by putting this folder first on PYTHONPATH (doc/results.rst, results_depict_input_dropout). DEPICT_DROP=hidden_only: no dropout on the input in either phase; DEPICT_DROP=pretrain_only: the input dropped in pretraining only (switched off at the first targets of the clustering phase)."""
import os
if os.environ.get("DEPICT_DROP") == "hidden_only":
    from skdeepcluster.nn import depict as _d
    from skdeepcluster.nn._layers import seeded_dropout
    def encode_layers(self, x, generator=None):
        layers = [x]; last = len(self.encoder) - 1
        for index, block in enumerate(self.encoder):
            h = layers[-1]
            if 0 < index < last:
                h = seeded_dropout(h, self.dropout, generator)
            layers.append(block(h))
        if generator is not None:
            layers[0] = x
        return layers
    _d.DEPICTNetwork.encode_layers = encode_layers
if os.environ.get("DEPICT_DROP") == "pretrain_only":
    from skdeepcluster import depict as _dp
    _orig_targets = _dp.DEPICTClustering._targets
    def _targets(self, embedding, log_p):
        self.network_.input_dropout = 0.0
        return _orig_targets(self, embedding, log_p)
    _dp.DEPICTClustering._targets = _targets
    _orig_init = _dp.DEPICTClustering.__init__
