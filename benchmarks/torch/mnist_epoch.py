"""PyTorch side of initsweep's `mnist` benchmark row (benchmarks/bench --sections mnist).

One epoch of the MNIST subset through 784-256x5-10 tanh, softmax cross-entropy, plain
nn.Sequential + torch.optim.SGD in mini-batches, then loss and accuracy over the training
and test sets -- the work initsweep's Trainer does per epoch. One thread.

Usage: mnist_epoch.py TRAIN_IMAGES TRAIN_LABELS TEST_IMAGES TEST_LABELS SAMPLES BATCH REPS
Prints one line: `cpu_seconds_per_epoch wall_seconds_per_epoch final_test_accuracy`.
"""
import gzip
import statistics
import sys
import time

import numpy as np
import torch


def idx(path, header):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        raw = f.read()
    return np.frombuffer(raw, dtype=np.uint8, offset=header)


def main():
    tr_i, tr_l, te_i, te_l, samples, batch, reps = sys.argv[1:8]
    samples, batch, reps = int(samples), int(batch), int(reps)
    torch.set_num_threads(1)
    torch.manual_seed(1)
    x = idx(tr_i, 16).reshape(-1, 784)[:samples].astype(np.float32)
    y = idx(tr_l, 8)[:samples].astype(np.int64)
    xt = idx(te_i, 16).reshape(-1, 784).astype(np.float32)
    yt = idx(te_l, 8).astype(np.int64)
    mean, std = x.mean(0), x.std(0)
    std[std == 0] = 1.0  # constant border pixels become 0, as initsweep's standardization does
    x, xt = (x - mean) / std, (xt - mean) / std
    x, y, xt, yt = map(torch.from_numpy, (x, y, xt, yt))
    layers, n = [], 784
    for _ in range(5):
        layers += [torch.nn.Linear(n, 256), torch.nn.Tanh()]
        n = 256
    layers.append(torch.nn.Linear(n, 10))
    net = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()

    def epoch():
        perm = torch.randperm(samples)
        for s in range(0, samples, batch):
            idx_b = perm[s:s + batch]
            opt.zero_grad(set_to_none=True)
            loss_fn(net(x[idx_b]), y[idx_b]).backward()
            opt.step()
        with torch.no_grad():
            out = net(x)
            loss_fn(out, y).item()
            ot = net(xt)
            return (ot.argmax(1) == yt).float().mean().item()

    epoch()  # warm-up
    cpu, wall, acc = [], [], 0.0
    for _ in range(reps):
        c0, w0 = time.process_time(), time.perf_counter()
        acc = epoch()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    print(f"{statistics.median(cpu):.6f} {statistics.median(wall):.6f} {acc:.4f}")


if __name__ == "__main__":
    main()
