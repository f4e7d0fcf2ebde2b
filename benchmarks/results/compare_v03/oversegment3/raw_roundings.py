"""``benchmarks/bench_init.py --raw`` with another default rounding: its
"default" column rounded with the oversegment factors given (doc/results.rst,
results_oversegment3)::

    OMP_NUM_THREADS=1 python benchmarks/results/compare_v03/oversegment3/raw_roundings.py "(2,)"
"""
import importlib.util
import sys
from pathlib import Path

factors = tuple(float(f) if f % 1 else int(f) for f in eval(sys.argv[1]))
benchmarks = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(benchmarks))
spec = importlib.util.spec_from_file_location("bench_init", benchmarks / "bench_init.py")
bench_init = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_init)
bench_init.SPECTRAL_OVERSEGMENT = factors
bench_init.main(["--raw"])
