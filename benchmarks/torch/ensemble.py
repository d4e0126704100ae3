"""PyTorch side of initsweep's `ensemble` benchmark section (benchmarks/bench --sections ensemble).

Many small trainings, the way a sweep runs them: a tanh MLP from 2 inputs through DEPTH hidden layers
of WIDTH units to one logit, binary cross-entropy, full-batch SGD (lr 0.1) on BATCH examples for
EPOCHS epochs, one thread. Two ways to write it in PyTorch:

- loop: one run after another, each a fresh nn.Sequential + optim.SGD;
- ensemble: R runs at once, each layer's weights an [R, fan_in, fan_out] tensor, products by
  torch.baddbmm, one autograd graph (what torch.func.vmap gives); the loss is the sum of the R runs'
  mean losses, so each run's gradient is its own.

A run includes its initialization. Usage: ensemble.py WIDTHS DEPTH EPOCHS BATCH R REPS, WIDTHS
comma-separated. Prints one line per width: `width loop_runs_per_cpu_s ensemble_runs_per_cpu_s`.
"""
import statistics
import sys
import time

import torch


def data(batch, seed):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, 2, generator=g)
    y = (x[:, 0] * x[:, 1] > 0).float().unsqueeze(1)
    return x, y


def loop_run(width, depth, epochs, x, y):
    layers, n = [], 2
    for _ in range(depth):
        layers += [torch.nn.Linear(n, width), torch.nn.Tanh()]
        n = width
    layers.append(torch.nn.Linear(n, 1))
    net = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        opt.zero_grad(set_to_none=True)
        loss_fn(net(x), y).backward()
        opt.step()


def ensemble_run(r, width, depth, epochs, x, y):
    dims = [2] + [width] * depth + [1]
    ws = [(torch.randn(r, dims[i], dims[i + 1]) / dims[i] ** 0.5).requires_grad_() for i in range(len(dims) - 1)]
    bs = [torch.zeros(r, 1, dims[i + 1], requires_grad=True) for i in range(len(dims) - 1)]
    opt = torch.optim.SGD(ws + bs, lr=0.1)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    xs, ys = x.expand(r, *x.shape), y.expand(r, *y.shape)
    for _ in range(epochs):
        opt.zero_grad(set_to_none=True)
        a = xs
        for i, (w, b) in enumerate(zip(ws, bs)):
            z = torch.baddbmm(b, a, w)
            a = torch.tanh(z) if i < len(ws) - 1 else z
        (loss_fn(a, ys) * r).backward()
        opt.step()


def rate(fn, runs_per_call, reps, seconds=1.0):
    """Median runs per CPU second over REPS repetitions of about SECONDS each, after one warm-up call."""
    c0 = time.process_time()
    fn()
    once = max(time.process_time() - c0, 1e-6)
    calls = max(1, round(seconds / once))
    rates = []
    for _ in range(reps):
        c0 = time.process_time()
        for _ in range(calls):
            fn()
        rates.append(calls * runs_per_call / (time.process_time() - c0))
    return statistics.median(rates)


def main():
    widths, depth, epochs, batch, r, reps = sys.argv[1:7]
    depth, epochs, batch, r, reps = int(depth), int(epochs), int(batch), int(r), int(reps)
    torch.set_num_threads(1)
    torch.manual_seed(1)
    x, y = data(batch, 1)
    for width in (int(w) for w in widths.split(",")):
        loop = rate(lambda: loop_run(width, depth, epochs, x, y), 1, reps)
        ens = rate(lambda: ensemble_run(r, width, depth, epochs, x, y), r, reps)
        print(f"{width} {loop:.4f} {ens:.4f}", flush=True)


if __name__ == "__main__":
    main()
