"""The fastest float64 NumPy loop we could write, for the benchmark only.

Not a teaching implementation: the whole network is one function with no
layers, no input checks and every speed trick we know on this shape:
row maxima through argmax, sums as products with a vector of ones (BLAS
instead of NumPy's slow reductions over short axes), in-place updates, and
Adam over one flat vector. It marks the floor a NumPy loop can reach here,
so the table shows how much of nnbook's time is the price of readable
layers and checked inputs.
"""

import numpy as np


def train(X, y, *, epochs, weights):
    W1, b1, W2, b2 = (w.copy() for w in weights)
    n, classes = len(X), W2.shape[1]
    Y = np.eye(classes)[y]
    rows = np.arange(n)
    ones_n, ones_c = np.ones((1, n)), np.ones((classes, 1))
    params = [W1, b1, W2, b2]
    ends = np.cumsum([p.size for p in params])
    m, v = np.zeros(ends[-1]), np.zeros(ends[-1])
    for t in range(1, epochs + 1):
        H = X @ W1
        H += b1
        A = np.maximum(H, 0.0)
        Z = A @ W2
        Z += b2
        shifted = Z - Z[rows, Z.argmax(axis=1)][:, None]
        E = np.exp(shifted)
        S = E @ ones_c
        loss = (np.log(S).sum() - (Y * shifted).sum()) / n
        accuracy = np.count_nonzero(Z.argmax(axis=1) == y) / n
        dZ = E / S - Y
        dZ /= n
        gW2, gb2 = A.T @ dZ, ones_n @ dZ
        dH = dZ @ W2.T
        dH *= H > 0
        gW1, gb1 = X.T @ dH, ones_n @ dH
        g = np.concatenate([gW1.ravel(), gb1.ravel(), gW2.ravel(),
                            gb2.ravel()])
        lr = 0.05 / (1 + 1e-3 * (t - 1))
        alpha = lr * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        m += 0.1 * (g - m)
        v += 0.001 * (g * g - v)
        step = alpha * m / (np.sqrt(v) + 1e-7)
        for p, start, end in zip(params, [0, *ends[:-1]], ends):
            p -= step[start:end].reshape(p.shape)
    return float(accuracy), float(loss)
