"""probe_tab.py with DiscriminativeLatentClustering's DIMS_PER_CLUSTER set from $DPC (exploratory).

    DPC=12 OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/ddlsc_gpu_grid/dims_probe.py ddlsc '{}' iris wine --seeds 0 1 2
"""
import os
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))
import skdeepcluster.ddlsc as ddlsc  # noqa: E402

ddlsc.DIMS_PER_CLUSTER = int(os.environ.get("DPC", ddlsc.DIMS_PER_CLUSTER))
probe = ROOT / "benchmarks/results/compare_v03/tabular_s7/probe_tab.py"
sys.path.insert(0, str(probe.parent))
sys.argv = [str(probe), *sys.argv[1:]]
runpy.run_path(str(probe), run_name="__main__")
