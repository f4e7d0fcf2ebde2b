"""Exploratory: random shifts of the training images in DEPICT (issue 14).

DEPICT's noisy pathway (the one that is trained) encodes each image shifted
by up to 2 pixels (base.AUGMENT_SHIFT, shared with DiscriminativeLatentClustering's
``augment``), while the clean pathway, whose activations are the
reconstruction targets and whose softmax gives the targets Q, sees the image
as it is. WHERE picks the phases: "pretrain", "cluster" or "both".

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/depict_augment/shift_probe.py WHERE DATASET SEED [PARAMS_JSON]

DATASET is a compare.py name (images: 28x28 or 8x8 set from the data).
Prints ACC / NMI / ARI of the start and of labels_, and the CPU seconds.
"""
import json, sys, time, warnings
from pathlib import Path
import numpy as np, torch
warnings.filterwarnings("ignore"); torch.set_num_threads(1)
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from compare import load
from skdeepcluster import DEPICTClustering
from skdeepcluster.losses import layerwise_reconstruction_loss
from skdeepcluster.metrics import clustering_report

where, dataset, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
params = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}


class ShiftedDEPICT(DEPICTClustering):
    def _batch_losses(self, x, noise):
        phase = getattr(self, "_phase", "pretrain")
        if where not in ("both", phase):
            return super()._batch_losses(x, noise)
        if getattr(self, "_shift", None) is None:
            self.augment = True
            self._shift = self._augmenter(torch.Generator().manual_seed(1000 + seed))
        network = self.network_
        with torch.no_grad():
            clean = network.encode_layers(x)
        noisy = network.encode_layers(self._shift(x), noise)
        reconstructions = network.decode_layers(noisy[-1])
        rec = layerwise_reconstruction_loss(reconstructions, clean[:-1], self.hidden_weight)
        return rec, network.log_proba(noisy[-1])

    def _cluster_input_dropout(self):
        self._phase = "cluster"
        return super()._cluster_input_dropout()


b = load(dataset)
side = int(round(np.sqrt(b.data.shape[1])))
params.setdefault("image_shape", [1, side, side])
t = time.process_time()
m = ShiftedDEPICT(b.n_clusters, random_state=seed, **params).fit(b.data)
r0, r = clustering_report(b.target, m.init_labels_), clustering_report(b.target, m.labels_)
print(f"{where} {dataset} seed {seed} {json.dumps(params)}: start {r0['ACC']:.3f} / {r0['NMI']:.3f}, "
      f"labels_ {r['ACC']:.3f} / {r['NMI']:.3f} / {r['ARI']:.3f}, {time.process_time() - t:.1f} s CPU",
      flush=True)
