cd "$(dirname "$0")/../../.."
P='{"n_pretrain_epochs": 1, "n_epochs": 1}'
F=/work/exp/ooc/fmnist_500000.f32
OMP_NUM_THREADS=1 python benchmarks/bench_out_of_core.py --method ddlsc --n 500000 --file $F --modes memmap --stages --params "$P" > /work/exp/ddlsc500k_memmap.out 2> /work/exp/ddlsc500k_memmap.err &
OMP_NUM_THREADS=1 python benchmarks/bench_out_of_core.py --method ddlsc --n 500000 --file $F --modes memory --stages --params "$P" > /work/exp/ddlsc500k_memory.out 2> /work/exp/ddlsc500k_memory.err &
wait
