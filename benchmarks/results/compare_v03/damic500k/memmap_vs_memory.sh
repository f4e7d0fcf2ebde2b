cd "$(dirname "$0")/../../../.."
P='{"n_pretrain_epochs": 1, "n_cluster_pretrain_epochs": 1, "n_epochs": 1, "init": "kmeans"}'
F=/work/exp/ooc/fmnist_500000.f32
OMP_NUM_THREADS=1 python benchmarks/bench_out_of_core.py --method damic --n 500000 --file $F --modes memmap --stages --params "$P" > /work/exp/damic500k_memmap.out 2> /work/exp/damic500k_memmap.err &
while ! grep -q "^wrote" /work/exp/damic500k_memmap.err 2>/dev/null; do sleep 5; done
OMP_NUM_THREADS=1 python benchmarks/bench_out_of_core.py --method damic --n 500000 --file $F --modes memory --stages --params "$P" > /work/exp/damic500k_memory.out 2> /work/exp/damic500k_memory.err &
wait
