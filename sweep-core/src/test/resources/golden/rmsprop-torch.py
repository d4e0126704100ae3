"""Writes rmsprop-torch.txt: torch.optim.RMSprop's float32 parameters over 5 steps, plain and centered.

Run with Debian's PyTorch (apt-get install python3-torch; /usr/bin/python3 rmsprop-torch.py > rmsprop-torch.txt).
64 entries, a multiple of every vector width, so that every entry takes PyTorch's vectorized loop (the
scalar loop it runs for a tensor's last entries short of a vector rounds products separately).
Lines: '# ...' comments; 'w0 <bits>...'; 'g <step> <bits>...'; 'theta <centered> <step> <bits>...' (int32 bits
of the float32 values, little-endian IEEE 754 as Java's Float.floatToIntBits gives them).
"""
import numpy as np
import torch

torch.set_num_threads(1)
rng = np.random.default_rng(2026)
n, steps = 64, 5
w0 = rng.standard_normal(n).astype(np.float32)
grads = [(rng.standard_normal(n) * 10 ** rng.uniform(-3, 1, n)).astype(np.float32) for _ in range(steps)]


def bits(a):
    return " ".join(str(int(b)) for b in np.asarray(a, np.float32).view(np.int32))


print("# torch.optim.RMSprop(lr=0.01, alpha=0.9, eps=1e-7, centered=c), torch " + torch.__version__)
print("w0 " + bits(w0))
for k, g in enumerate(grads):
    print("g %d %s" % (k, bits(g)))
for c in (0, 1):
    p = torch.tensor(w0.copy(), requires_grad=True)
    opt = torch.optim.RMSprop([p], lr=0.01, alpha=0.9, eps=1e-7, centered=bool(c))
    for k, g in enumerate(grads):
        p.grad = torch.tensor(g)
        opt.step()
        print("theta %d %d %s" % (c, k, bits(p.detach().numpy())))
