# %% [markdown] lang="ko"
# # 연습 4: 시그모이드와 ReLU의 기울기 소실
#
# 기울기 소실을 직접 관찰하십시오.
#
# 1. 가중치 층이 10개인 깊은 MLP를 만듭니다. 활성화 함수를 쓰는 은닉층 9개와 선형 출력층 1개이고, 층마다
#    폭은 32, 편향은 없으며 가중치는 표준편차 1인 정규분포에서 뽑습니다(아래 칸에 준비되어 있습니다).
# 2. 순전파와 역전파를 한 번 실행하십시오. 손실은 $L = \frac{1}{2N}\sum y^2$이므로 출력의 기울기는 $y / N$입니다.
# 3. 층마다 가중치 기울기의 노름 $\lVert \partial L / \partial W_k \rVert$를 구해 `norms`에 넣으십시오(첫 층부터).
# 4. 시그모이드와 ReLU를 비교하고 차이를 설명하십시오.
#
# PyTorch가 설치되어 있으면 마지막 칸이 같은 신경망을 PyTorch로 만들어 같은 노름이 나오는지 확인합니다.

# %% [markdown] lang="en"
# # Exercise 4: vanishing gradients with sigmoid and ReLU
#
# Observe vanishing gradients for yourself.
#
# 1. Build a deep MLP with 10 weight layers: 9 hidden layers with the activation and one linear output layer,
#    each 32 wide, without biases, weights drawn from a normal distribution with standard deviation 1
#    (set up in the cell below).
# 2. Run one forward and one backward pass. The loss is $L = \frac{1}{2N}\sum y^2$, so the output's gradient is $y / N$.
# 3. Put the norm of every layer's weight gradient, $\lVert \partial L / \partial W_k \rVert$, into `norms`
#    (first layer first).
# 4. Compare sigmoid with ReLU and explain the difference.
#
# If PyTorch is installed, the last cell builds the same network in PyTorch and checks that it gives the same norms.

# %% tags=["exercise"]
import numpy as np

from snippets.exercises import checks

DEPTH, WIDTH, BATCH = 10, 32, 64


def setup(seed=0):
    """The same weights and inputs every time: 10 weight matrices and a batch."""
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal((WIDTH, WIDTH)) for _ in range(DEPTH)]
    return weights, rng.standard_normal((BATCH, WIDTH))


def gradient_norms(activation):
    """Norm of dL/dW_k for k = 1..10; activation is "sigmoid" or "relu"."""
    weights, x = setup()
    ...  # forward pass (keep every layer's input and pre-activation), then backward
    return ...


norms = gradient_norms("sigmoid")

# %% tags=["check"]
checks.gradient_norms(norms, "sigmoid", DEPTH)

# %% tags=["solution"]
def activate(activation, z):
    return 1.0 / (1.0 + np.exp(-z)) if activation == "sigmoid" else np.maximum(z, 0.0)


def local_derivative(activation, z):
    if activation == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-z))
        return s * (1.0 - s)            # at most 0.25
    return (z > 0).astype(float)        # 1 or 0


def gradient_norms(activation):
    weights, x = setup()
    inputs, pre_activations, h = [], [], x
    for k, W in enumerate(weights):
        inputs.append(h)
        z = h @ W
        pre_activations.append(z)
        h = activate(activation, z) if k < DEPTH - 1 else z   # the output layer is linear
    dz = h / BATCH                                           # dL/dy
    norms = [0.0] * DEPTH
    for k in reversed(range(DEPTH)):
        norms[k] = np.linalg.norm(inputs[k].T @ dz)          # dL/dW_k = h_{k-1}^T dz_k
        if k > 0:
            dz = (dz @ weights[k].T) * local_derivative(activation, pre_activations[k - 1])
    return norms


print(f"largest sigmoid derivative (at z = 0): {local_derivative('sigmoid', np.zeros(1))[0]:.2f}")
print("layer  sigmoid     relu")
sigmoid_norms, relu_norms = gradient_norms("sigmoid"), gradient_norms("relu")
for layer, (s, r) in enumerate(zip(sigmoid_norms, relu_norms, strict=True), start=1):
    print(f"{layer:5d}  {s:.2e}  {r:.2e}")
for name, values in (("sigmoid", sigmoid_norms), ("relu", relu_norms)):
    print(f"{name}: first layer / last layer = {values[0] / values[-1]:.1e}")
checks.gradient_norms(sigmoid_norms, "sigmoid", DEPTH)
checks.gradient_norms(relu_norms, "relu", DEPTH)

# %% [markdown] lang="ko" tags=["solution"]
# 역전파는 층마다 국소 미분을 곱합니다. 시그모이드의 도함수는 0.25를 넘지 않으므로 입력 쪽 층으로 갈수록 기울기가
# 거듭 작아지고, 첫 층의 기울기는 마지막 층의 1%에도 못 미칩니다. ReLU의 도함수는 활성화된 뉴런에서 정확히
# 1이라 이런 감쇠가 없고, 첫 층과 마지막 층의 가중치 기울기가 비슷해 보입니다. 그러나 기울기가 유지되는 것은 아닙니다.
# 표준편차 1인 가중치는 층을 지날 때마다 값을 몇 배씩 키우므로, 거꾸로 흐르는 기울기 $\partial L / \partial z_k$는 입력
# 쪽으로 갈수록 층마다 몇 배씩 커지고(기울기 폭발), 입력 쪽 활성화 $h_{k-1}$는 그만큼 작습니다.
# $\partial L / \partial W_k = h_{k-1}^{\top}\, \partial L / \partial z_k$에서 두 효과가 상쇄될 뿐이고, 절대 크기는 엄청나게 큽니다.
# 실제 신경망에서는 He 초기화처럼 층의 폭에 맞춘 작은 표준편차를 씁니다(9장에서 두 노름을 나란히 잽니다).

# %% [markdown] lang="en" tags=["solution"]
# Backpropagation multiplies by one local derivative per layer. The sigmoid's derivative never exceeds 0.25, so the
# gradient shrinks again and again on its way to the layers near the input: the first layer gets less than 1% of the
# last layer's gradient. ReLU's derivative is exactly 1 for every active neuron, so there is no such decay and the
# first and last layers' weight gradients look alike. That does not mean the gradient is preserved. Weights with
# standard deviation 1 enlarge the values several times at every layer, so the gradient flowing back,
# $\partial L / \partial z_k$, grows several times per layer towards the input (exploding gradients), while the
# activations $h_{k-1}$ near the input are smaller by the same factor. In
# $\partial L / \partial W_k = h_{k-1}^{\top}\, \partial L / \partial z_k$ the two effects cancel, and the absolute size is
# enormous. Real networks use a smaller standard deviation matched to the layer width, such as He initialisation
# (chapter 9 measures both norms side by side).

# %% [markdown] lang="ko"
# PyTorch로 같은 신경망을 만들고 `loss.backward()`로 기울기를 구합니다. 가중치는 위의 NumPy 가중치를 그대로
# 복사하므로 노름이 같아야 합니다. PyTorch가 없으면 이 칸은 건너뜁니다.

# %% [markdown] lang="en"
# The same network in PyTorch, with gradients from `loss.backward()`. The weights are copied from the NumPy
# weights above, so the norms must agree. Without PyTorch this cell is skipped.

# %% tags=["torch"]
import importlib.util

if importlib.util.find_spec("torch") is None:
    print("PyTorch is not installed: skipped")
else:
    import torch

    def torch_gradient_norms(activation):
        weights, x = setup()
        layers = []
        for k in range(DEPTH):
            linear = torch.nn.Linear(WIDTH, WIDTH, bias=False).double()
            with torch.no_grad():       # nn.Linear computes x @ weight.T
                linear.weight.copy_(torch.from_numpy(weights[k].T))
            layers.append(linear)
            if k < DEPTH - 1:
                layers.append(torch.nn.Sigmoid() if activation == "sigmoid" else torch.nn.ReLU())
        model = torch.nn.Sequential(*layers)
        y = model(torch.from_numpy(x))
        loss = (y**2).sum() / (2 * BATCH)
        loss.backward()
        return [m.weight.grad.norm().item() for m in model if isinstance(m, torch.nn.Linear)]

    for name in ("sigmoid", "relu"):
        ours, theirs = np.array(gradient_norms(name)), np.array(torch_gradient_norms(name))
        difference = np.max(np.abs(ours - theirs) / theirs)
        print(f"{name}: NumPy and PyTorch norms agree to 1e-12: {difference < 1e-12}")
