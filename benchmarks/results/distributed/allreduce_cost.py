"""The cost of one gloo all-reduce between processes on this machine (issue 16).

A gradient step of a distributed fit all-reduces every gradient flattened
into one tensor (``DataParallelLoss.average_gradients``). This times that
collective alone, with nothing else running in the processes: the float32
sizes of DEPICT's digits network (576,184 parameters, autoencoder and head)
and of smaller ones, and the same in bfloat16. From the repository root::

    OMP_NUM_THREADS=1 torchrun --standalone --nproc_per_node=2 benchmarks/results/distributed/allreduce_cost.py
"""
import time

import torch
import torch.distributed as dist

torch.set_num_threads(1)
dist.init_process_group("gloo")
rank = dist.get_rank()
for n in (576_184, 287_000, 100_000):
    for dtype in (torch.float32, torch.bfloat16):
        x = torch.randn(n).to(dtype)
        for _ in range(10):
            dist.all_reduce(x)
        dist.barrier()
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(200):
            dist.all_reduce(x)
        wall = (time.perf_counter() - wall) / 200 * 1000
        cpu = (time.process_time() - cpu) / 200 * 1000
        if rank == 0:
            print(f"{n:>8} {str(dtype):<15} wall {wall:.2f} ms  CPU {cpu:.2f} ms per all-reduce")
dist.destroy_process_group()
