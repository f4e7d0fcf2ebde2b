"""``benchmarks/bench_distributed.py`` under cProfile, one profile per rank (issue 16).

Writes ``prof_RANK.out`` (``prof_solo.out`` without torchrun) into ``$PROFILE_DIR``
(default: the current folder). From the repository root::

    OMP_NUM_THREADS=1 python benchmarks/results/distributed/profile_wrap.py --method depict --seed 0
    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 benchmarks/results/distributed/profile_wrap.py --averaging gradients --method depict --seed 0
    python -c "import pstats; pstats.Stats('prof_0.out').sort_stats('tottime').print_stats(12)"
"""
import cProfile
import os
import runpy
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2]
sys.argv = ["bench_distributed.py", *sys.argv[1:]]
sys.path.insert(0, str(BENCHMARKS))
out = Path(os.environ.get("PROFILE_DIR", ".")) / f"prof_{os.environ.get('RANK', 'solo')}.out"
profile = cProfile.Profile()
profile.runcall(runpy.run_path, str(BENCHMARKS / "bench_distributed.py"), run_name="__main__")
profile.dump_stats(str(out))
