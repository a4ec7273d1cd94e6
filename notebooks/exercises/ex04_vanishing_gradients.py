# %% [markdown] lang="ko"
# # 연습 4: 시그모이드와 ReLU의 기울기 소실
#
# 기울기 소실을 직접 관찰하십시오.
#
# 1. 가중치 층이 10개인 깊은 MLP를 만듭니다. 활성화 함수를 쓰는 은닉층 9개와 선형 출력층 1개이고, 층마다
#    폭은 32, 편향은 없으며 가중치는 표준편차 1인 정규분포에서 뽑습니다(아래 칸에 준비되어 있습니다).
# 2. 순전파와 역전파를 한 번 실행하십시오. 손실은 $L = \frac{1}{2N}\sum y^2$이므로 출력의 기울기는 $y / N$입니다.
# 3. 층마다 가중치 기울기의 노름 $\lVert \partial L / \partial W_k \rVert$을 구해 `norms`에 넣으십시오(첫 층부터).
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


def backward_norms(activation):
    """||dL/dW_k|| for every layer, and ||dL/dh_k|| for the hidden layers (first layer first)."""
    weights, x = setup()
    inputs, pre_activations, h = [], [], x
    for k, W in enumerate(weights):
        inputs.append(h)
        z = h @ W
        pre_activations.append(z)
        h = activate(activation, z) if k < DEPTH - 1 else z   # the output layer is linear
    dz = h / BATCH                                           # dL/dy
    norms, upstream = [0.0] * DEPTH, [0.0] * (DEPTH - 1)
    for k in reversed(range(DEPTH)):
        norms[k] = np.linalg.norm(inputs[k].T @ dz)          # dL/dW_k = h_{k-1}^T dz_k
        if k > 0:
            dh = dz @ weights[k].T                           # dL/dh_{k-1}: through the weights
            upstream[k - 1] = np.linalg.norm(dh)
            dz = dh * local_derivative(activation, pre_activations[k - 1])
    return norms, upstream


def gradient_norms(activation):
    return backward_norms(activation)[0]


print(f"largest sigmoid derivative (at z = 0): {local_derivative('sigmoid', np.zeros(1))[0]:.2f}")
print("layer  sigmoid     relu")
sigmoid_norms, relu_norms = gradient_norms("sigmoid"), gradient_norms("relu")
for layer, (s, r) in enumerate(zip(sigmoid_norms, relu_norms, strict=True), start=1):
    print(f"{layer:5d}  {s:.2e}  {r:.2e}")
for name, values in (("sigmoid", sigmoid_norms), ("relu", relu_norms)):
    print(f"{name}: first layer / last layer = {values[0] / values[-1]:.1e}")
for name in ("sigmoid", "relu"):
    upstream = backward_norms(name)[1]
    per_layer = (upstream[0] / upstream[-1]) ** (1 / (len(upstream) - 1))
    print(f"{name}: dL/dh changes by a factor of {per_layer:.2f} per layer on its way to the input")
print(f"gain of std-1 weights in a layer of width {WIDTH}: about sqrt({WIDTH}) = {np.sqrt(WIDTH):.2f}")
norms = sigmoid_norms                                        # what the check cell above reads
checks.gradient_norms(sigmoid_norms, "sigmoid", DEPTH)
checks.gradient_norms(relu_norms, "relu", DEPTH)

# %% [markdown] lang="ko" tags=["solution"]
# 역전파는 층마다 두 가지를 곱합니다. 전치한 가중치 $W_k^\top$와 활성화 함수의 국소 미분입니다. 시그모이드의
# 도함수는 0.25를 넘지 않지만, 그것만으로는 기울기 소실이 설명되지 않습니다. $\sigma'$만 곱해졌다면 기울기는 층마다
# 4배 넘게 줄었을 것입니다. 출력을 보면 $\partial L / \partial h_k$는 층마다 0.70배로 줄어들 뿐인데, 표준편차 1인
# 가중치가 너비 32인 층에서 기울기를 약 $\sqrt{32}$배 키우기 때문입니다. 이 배율과 $\sigma'$의 곱이 1보다 조금 작아서
# 기울기가 사라지고, 이것이 층마다 거듭되어 첫 층의 가중치 기울기는 마지막 층의 1%에도 못 미칩니다.
# ReLU의 도함수는 활성화된 뉴런에서 정확히 1이라 가중치의 배율을 상쇄하는 것이 없습니다. 그래서
# $\partial L / \partial h_k$는 입력 쪽으로 갈수록 층마다 4.64배로 커집니다(기울기 폭발). 그래도 첫 층과 마지막 층의
# 가중치 기울기가 비슷해 보이는 것은 $\partial L / \partial W_k = h_{k-1}^{\top}\, \partial L / \partial z_k$에서 입력 쪽
# 활성화 $h_{k-1}$은 거의 같은 비율로 작기 때문입니다. 두 효과가 상쇄될 뿐이고, 절대 크기는 엄청나게 큽니다. 실제
# 신경망에서는 He 초기화처럼 층의 폭에 맞춘 작은 표준편차를 씁니다(9장에서 두 노름을 나란히 잽니다).

# %% [markdown] lang="en" tags=["solution"]
# Backpropagation multiplies the gradient by two factors per layer: the transposed weights $W_k^\top$ and the
# activation's local derivative. The sigmoid's derivative is at most 0.25, but that alone does not explain the
# vanishing: had the gradient been multiplied only by $\sigma'$, it would have shrunk more than 4 times per layer.
# The printout shows $\partial L / \partial h_k$ shrinking by a factor of only 0.70 per layer, because weights with
# standard deviation 1 make the gradient about $\sqrt{32}$ times larger in a layer of width 32. It is the product of
# that gain and $\sigma'$, a little below 1, that makes the gradient vanish; compounded over the layers, the first
# layer's weight gradient is less than 1% of the last layer's.
# ReLU's derivative is exactly 1 for every active neuron, so nothing offsets the weights' gain:
# $\partial L / \partial h_k$ grows by a factor of 4.64 per layer towards the input (exploding gradients). The first
# and last layers' weight gradients still look alike, because in
# $\partial L / \partial W_k = h_{k-1}^{\top}\, \partial L / \partial z_k$ the activations $h_{k-1}$ near the input are
# smaller by about the same factor. The two effects cancel, and the absolute size is enormous. Real networks use a
# smaller standard deviation matched to the layer width, such as He initialisation (chapter 9 measures both norms
# side by side).

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
