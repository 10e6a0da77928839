"""A faithful NNFS-style training loop, for the benchmark only.

The structure of the NNFS book's chapter 10 final code, rewritten here (not
copied): classes that keep results in attributes, ReLU backward by copy and
boolean mask, the fused softmax/cross-entropy backward by fancy indexing,
Adam with per-layer cache attributes and epsilon on sqrt(v_hat), and the
accuracy and loss computed every epoch. Same data, the same initial weights
and the same hyperparameters as nnbook's spiral_model.
"""

import numpy as np


class LayerDense:
    def __init__(self, n_inputs, n_neurons, rng):
        self.weights = 0.01 * rng.standard_normal((n_inputs, n_neurons))
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.dot(inputs, self.weights) + self.biases

    def backward(self, dvalues):
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = np.dot(dvalues, self.weights.T)


class ActivationReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class ActivationSoftmax:
    def forward(self, inputs):
        exp_values = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = exp_values / np.sum(exp_values, axis=1, keepdims=True)


class LossCategoricalCrossentropy:
    def calculate(self, output, y):
        return np.mean(self.forward(output, y))

    def forward(self, y_pred, y_true):
        clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        if len(y_true.shape) == 1:
            confidences = clipped[range(len(y_pred)), y_true]
        else:
            confidences = np.sum(clipped * y_true, axis=1)
        return -np.log(confidences)


class ActivationSoftmaxLossCCE:
    def __init__(self):
        self.activation = ActivationSoftmax()
        self.loss = LossCategoricalCrossentropy()

    def forward(self, inputs, y_true):
        self.activation.forward(inputs)
        self.output = self.activation.output
        return self.loss.calculate(self.output, y_true)

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        if len(y_true.shape) == 2:
            y_true = np.argmax(y_true, axis=1)
        self.dinputs = dvalues.copy()
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


class OptimizerAdam:
    def __init__(self, learning_rate, decay, epsilon=1e-7, beta_1=0.9,
                 beta_2=0.999):
        self.learning_rate = self.current_learning_rate = learning_rate
        self.decay, self.iterations, self.epsilon = decay, 0, epsilon
        self.beta_1, self.beta_2 = beta_1, beta_2

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * (
                1.0 / (1.0 + self.decay * self.iterations))

    def update_params(self, layer):
        if not hasattr(layer, "weight_cache"):
            layer.weight_momentums = np.zeros_like(layer.weights)
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_momentums = np.zeros_like(layer.biases)
            layer.bias_cache = np.zeros_like(layer.biases)
        b1, b2, t = self.beta_1, self.beta_2, self.iterations + 1
        layer.weight_momentums = b1 * layer.weight_momentums + \
            (1 - b1) * layer.dweights
        layer.bias_momentums = b1 * layer.bias_momentums + \
            (1 - b1) * layer.dbiases
        weight_m_hat = layer.weight_momentums / (1 - b1 ** t)
        bias_m_hat = layer.bias_momentums / (1 - b1 ** t)
        layer.weight_cache = b2 * layer.weight_cache + \
            (1 - b2) * layer.dweights ** 2
        layer.bias_cache = b2 * layer.bias_cache + (1 - b2) * layer.dbiases ** 2
        weight_v_hat = layer.weight_cache / (1 - b2 ** t)
        bias_v_hat = layer.bias_cache / (1 - b2 ** t)
        layer.weights += -self.current_learning_rate * weight_m_hat / (
            np.sqrt(weight_v_hat) + self.epsilon)
        layer.biases += -self.current_learning_rate * bias_m_hat / (
            np.sqrt(bias_v_hat) + self.epsilon)

    def post_update_params(self):
        self.iterations += 1


def train(X, y, *, epochs, weights, seed=0):
    """Train 2-64-3 on (X, y) from the given initial (W1, b1, W2, b2).

    Returns (final accuracy, final loss).
    """
    dense1 = LayerDense(2, 64, np.random.default_rng(seed))
    activation1 = ActivationReLU()
    dense2 = LayerDense(64, 3, np.random.default_rng(seed + 1))
    for layer, (w, b) in ((dense1, weights[:2]), (dense2, weights[2:])):
        layer.weights, layer.biases = w.copy(), b.copy()
    loss_activation = ActivationSoftmaxLossCCE()
    optimizer = OptimizerAdam(learning_rate=0.05, decay=1e-3)
    for epoch in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        loss = loss_activation.forward(dense2.output, y)
        predictions = np.argmax(loss_activation.output, axis=1)
        accuracy = np.mean(predictions == y)
        loss_activation.backward(loss_activation.output, y)
        dense2.backward(loss_activation.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        optimizer.pre_update_params()
        optimizer.update_params(dense1)
        optimizer.update_params(dense2)
        optimizer.post_update_params()
    return float(accuracy), float(loss)
