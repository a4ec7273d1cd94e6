"""Cells of the exercise notebooks: (kind, text) with kind 'md', 'code' or 'solution'.

'md' text is a dict {'ko': ..., 'en': ...}; 'code' and 'solution' text is one
Python source. 'solution' cells are tagged so the rendered page folds them
away behind a "show the solution" switch.
"""

CHAIN_RULE_BY_HAND = [
    ("md", {
        "ko": "# 연습 1: 연쇄 법칙을 손으로\n\n"
              "다음 합성 함수에서 $\\frac{dL}{dx}$ 를 연쇄 법칙으로 구하세요.\n\n"
              "$$\nx \\;\\rightarrow\\; z = 3x + 1 \\;\\rightarrow\\; a = \\operatorname{relu}(z) "
              "\\;\\rightarrow\\; L = a^2\n$$\n\n"
              "1. 국소 미분 $\\frac{dL}{da}$, $\\frac{da}{dz}$, $\\frac{dz}{dx}$ 를 쓰세요.\n"
              "2. 연쇄 법칙으로 $\\frac{dL}{dx}$ 를 구하세요.\n"
              "3. $x = 2.0$, $h = 10^{-5}$ 에서 중앙 차분 "
              "$\\frac{f(x+h) - f(x-h)}{2h}$ 으로 확인하세요.",
        "en": "# Exercise 1: the chain rule by hand\n\n"
              "Use the chain rule to find $\\frac{dL}{dx}$ for this composite function.\n\n"
              "$$\nx \\;\\rightarrow\\; z = 3x + 1 \\;\\rightarrow\\; a = \\operatorname{relu}(z) "
              "\\;\\rightarrow\\; L = a^2\n$$\n\n"
              "1. Write down the local derivatives $\\frac{dL}{da}$, $\\frac{da}{dz}$ and $\\frac{dz}{dx}$.\n"
              "2. Apply the chain rule to get $\\frac{dL}{dx}$.\n"
              "3. Check it at $x = 2.0$ with the central difference "
              "$\\frac{f(x+h) - f(x-h)}{2h}$, $h = 10^{-5}$.",
    }),
    ("md", {
        "ko": "## 풀이\n\n<details markdown=\"1\"><summary>손으로 푼 답 보기</summary>\n\n"
              "$\\frac{dL}{da} = 2a$, $\\frac{da}{dz} = 1$ ($z > 0$ 일 때, 아니면 0), "
              "$\\frac{dz}{dx} = 3$ 이므로 $\\frac{dL}{dx} = 2a \\cdot 1 \\cdot 3 = 6a$ 입니다. "
              "$x = 2$ 이면 $z = 7$, $a = 7$ 이고 기울기는 42입니다.\n\n</details>\n\n"
              "아래 코드는 같은 계산을 하고 수치 미분으로 확인합니다.",
        "en": "## Solution\n\n<details markdown=\"1\"><summary>Show the answer by hand</summary>\n\n"
              "$\\frac{dL}{da} = 2a$, $\\frac{da}{dz} = 1$ (for $z > 0$, else 0) and "
              "$\\frac{dz}{dx} = 3$, so $\\frac{dL}{dx} = 2a \\cdot 1 \\cdot 3 = 6a$. "
              "At $x = 2$, $z = 7$ and $a = 7$, so the gradient is 42.\n\n</details>\n\n"
              "The code below does the same computation and checks it numerically.",
    }),
    ("solution", '''def forward(x):
    z = 3.0 * x + 1.0
    a = max(z, 0.0)
    return z, a, a**2


x = 2.0
z, a, L = forward(x)
dL_da = 2.0 * a
da_dz = 1.0 if z > 0 else 0.0
dz_dx = 3.0
dL_dx = dL_da * da_dz * dz_dx

h = 1e-5
numeric = (forward(x + h)[2] - forward(x - h)[2]) / (2 * h)
print(f"z = {z:g}, a = {a:g}, L = {L:g}")
print(f"dL/da = {dL_da:g}, da/dz = {da_dz:g}, dz/dx = {dz_dx:g}")
print(f"chain rule: dL/dx = {dL_dx:g}")
print(f"central difference: {numeric:.6f}")'''),
]

SINGLE_NEURON = [
    ("md", {
        "ko": "# 연습 2: 뉴런 하나의 역전파\n\n"
              "시그모이드 활성화와 제곱 오차를 쓰는 뉴런 하나의 순전파와 역전파를 구현하세요.\n\n"
              "1. $w = 0.5$, $b = 0.1$, $x = 1.0$, 정답 $y = 0.8$ 을 씁니다.\n"
              "2. 순전파: $z = wx + b$, $a = \\sigma(z)$, $L = (a - y)^2$\n"
              "3. $\\frac{\\partial L}{\\partial w}$ 와 $\\frac{\\partial L}{\\partial b}$ 를 단계별로 구하세요.\n"
              "4. NumPy로 구현해 손으로 구한 값과 수치 미분이 일치하는지 확인하세요.",
        "en": "# Exercise 2: backpropagation through one neuron\n\n"
              "Implement the forward and backward pass of a single neuron with a sigmoid activation and a squared error.\n\n"
              "1. Use $w = 0.5$, $b = 0.1$, $x = 1.0$ and target $y = 0.8$.\n"
              "2. Forward pass: $z = wx + b$, $a = \\sigma(z)$, $L = (a - y)^2$\n"
              "3. Work out $\\frac{\\partial L}{\\partial w}$ and $\\frac{\\partial L}{\\partial b}$ step by step.\n"
              "4. Implement it in NumPy and check that the values agree with a numerical derivative.",
    }),
    ("md", {
        "ko": "## 풀이\n\n<details markdown=\"1\"><summary>식 보기</summary>\n\n"
              "$$\n\\frac{\\partial L}{\\partial w} = \\underbrace{2(a - y)}_{\\partial L / \\partial a}"
              "\\cdot \\underbrace{a(1 - a)}_{\\partial a / \\partial z} \\cdot \\underbrace{x}_{\\partial z / \\partial w},"
              "\\qquad \\frac{\\partial L}{\\partial b} = 2(a - y) \\cdot a(1 - a) \\cdot 1\n$$\n\n</details>",
        "en": "## Solution\n\n<details markdown=\"1\"><summary>Show the formulas</summary>\n\n"
              "$$\n\\frac{\\partial L}{\\partial w} = \\underbrace{2(a - y)}_{\\partial L / \\partial a}"
              "\\cdot \\underbrace{a(1 - a)}_{\\partial a / \\partial z} \\cdot \\underbrace{x}_{\\partial z / \\partial w},"
              "\\qquad \\frac{\\partial L}{\\partial b} = 2(a - y) \\cdot a(1 - a) \\cdot 1\n$$\n\n</details>",
    }),
    ("solution", '''import numpy as np

from snippets.gradient import numerical_gradient
from snippets.layers.sigmoid import sigmoid

w, b, x, y = 0.5, 0.1, 1.0, 0.8

z = w * x + b
a = sigmoid(z)
L = (a - y) ** 2

dL_da = 2.0 * (a - y)
da_dz = a * (1.0 - a)
dL_dw = dL_da * da_dz * x
dL_db = dL_da * da_dz * 1.0

params = np.array([w, b])
numeric = numerical_gradient(lambda p: (sigmoid(p[0] * x + p[1]) - y) ** 2, params)
print(f"z = {z:.4f}, a = {a:.4f}, L = {L:.4f}")
print(f"dL/da = {dL_da:.4f}, da/dz = {da_dz:.4f}")
print(f"dL/dw = {dL_dw:.4f}, dL/db = {dL_db:.4f}")
print(f"numerical: dL/dw = {numeric[0]:.4f}, dL/db = {numeric[1]:.4f}")'''),
    ("md", {
        "ko": "한 걸음 내려가 봅시다(학습률 0.5). 손실이 줄어야 합니다.",
        "en": "Take one step downhill (learning rate 0.5). The loss should go down.",
    }),
    ("solution", '''learning_rate = 0.5
w_new, b_new = w - learning_rate * dL_dw, b - learning_rate * dL_db
L_new = (sigmoid(w_new * x + b_new) - y) ** 2
print(f"w = {w_new:.4f}, b = {b_new:.4f}, L: {L:.4f} -> {L_new:.4f}")'''),
]

MLP_GRADIENT_CHECK = [
    ("md", {
        "ko": "# 연습 3: 2층 MLP 기울기 검사\n\n"
              "수치 미분으로 역전파 구현이 맞는지 확인하세요.\n\n"
              "1. 입력 4, 은닉 8, 출력 2인 2층 MLP를 시드를 고정한 난수 가중치로 만드세요.\n"
              "2. 역전파로 해석적 기울기를 구하세요.\n"
              "3. 중앙 차분으로 수치 기울기를 구하세요.\n"
              "4. 상대 오차 $\\frac{\\lVert g_a - g_n \\rVert}{\\lVert g_a \\rVert + \\lVert g_n \\rVert}$ 를 계산하세요.\n"
              "5. 상대 오차가 $10^{-5}$ 보다 작은지 확인하세요.",
        "en": "# Exercise 3: gradient check of a two-layer MLP\n\n"
              "Use numerical differentiation to confirm that a backpropagation implementation is right.\n\n"
              "1. Build a two-layer MLP with 4 inputs, 8 hidden units and 2 outputs, with seeded random weights.\n"
              "2. Get the analytic gradients by backpropagation.\n"
              "3. Get numerical gradients with central differences.\n"
              "4. Compute the relative error $\\frac{\\lVert g_a - g_n \\rVert}{\\lVert g_a \\rVert + \\lVert g_n \\rVert}$.\n"
              "5. Check that it is below $10^{-5}$.",
    }),
    ("md", {"ko": "## 풀이", "en": "## Solution"}),
    ("solution", '''import numpy as np

from snippets.gradient import relative_error
from snippets.mlp import TwoLayerMLP

rng = np.random.default_rng(0)
x = rng.standard_normal((5, 4))              # a batch of 5 inputs
t = np.eye(2)[rng.integers(0, 2, size=5)]    # one-hot targets
net = TwoLayerMLP(input_size=4, hidden_size=8, output_size=2, seed=0)

analytic = net.gradient(x, t)
numeric = net.numerical_gradient(x, t)
for name in ("W1", "b1", "W2", "b2"):
    error = relative_error(analytic[name], numeric[name])
    print(f"{name}: shape {analytic[name].shape}, relative error < 1e-5: {error < 1e-5}")'''),
    ("md", {
        "ko": "상대 오차는 기울기의 크기와 상관없이 비교할 수 있게 해 줍니다. 역전파가 맞으면 보통 "
              "$10^{-7}$ 보다도 훨씬 작고, 전치나 합을 하나만 빠뜨려도 1에 가까워집니다.",
        "en": "The relative error makes the comparison independent of how large the gradients are. With correct "
              "backpropagation it is usually far below $10^{-7}$; a single missing transpose or sum pushes it towards 1.",
    }),
]

VANISHING_GRADIENTS = [
    ("md", {
        "ko": "# 연습 4: 시그모이드와 ReLU의 기울기 소실\n\n"
              "기울기 소실을 직접 관찰하세요.\n\n"
              "1. 은닉층 10개인 깊은 MLP를 만들고 가중치를 표준편차 1인 정규분포로 초기화하세요.\n"
              "2. 순전파와 역전파를 한 번 실행하세요.\n"
              "3. 층마다 가중치 기울기의 노름을 출력하세요.\n"
              "4. 시그모이드와 ReLU를 비교하고 차이를 설명하세요.",
        "en": "# Exercise 4: vanishing gradients with sigmoid and ReLU\n\n"
              "Observe vanishing gradients for yourself.\n\n"
              "1. Build a deep MLP with 10 layers and initialise its weights from a normal distribution with standard deviation 1.\n"
              "2. Run one forward and one backward pass.\n"
              "3. Print the norm of the weight gradient of every layer.\n"
              "4. Compare sigmoid with ReLU and explain the difference.",
    }),
    ("md", {"ko": "## 풀이", "en": "## Solution"}),
    ("solution", '''from snippets.gradient_flow import layer_gradient_norms

sigmoid_norms = layer_gradient_norms("sigmoid", depth=10, seed=0)
relu_norms = layer_gradient_norms("relu", depth=10, seed=0)
print("layer  sigmoid     relu")
for layer, (s, r) in enumerate(zip(sigmoid_norms, relu_norms), start=1):
    print(f"{layer:5d}  {s:.2e}  {r:.2e}")
for name, norms in (("sigmoid", sigmoid_norms), ("relu", relu_norms)):
    print(f"{name}: first layer / last layer = {norms[0] / norms[-1]:.1e}")'''),
    ("md", {
        "ko": "<details markdown=\"1\"><summary>설명 보기</summary>\n\n"
              "역전파는 층마다 국소 미분을 곱합니다. 시그모이드의 도함수는 0.25를 넘지 않으므로 "
              "입력 쪽 층으로 갈수록 기울기가 거듭 작아집니다. 첫 층의 기울기는 마지막 층의 100분의 1에도 못 미칩니다. "
              "ReLU의 도함수는 활성화된 유닛에서 정확히 1이라 이런 감쇠가 없고, 첫 층과 마지막 층의 기울기가 비슷합니다. "
              "대신 표준편차 1인 가중치는 층을 지날 때마다 값을 키우므로 ReLU 쪽 기울기는 절대 크기가 엄청나게 커집니다. "
              "이것이 기울기 폭발입니다. 실제 신경망에서는 He 초기화처럼 층의 폭에 맞춘 작은 표준편차를 씁니다.\n\n</details>",
        "en": "<details markdown=\"1\"><summary>Show the explanation</summary>\n\n"
              "Backpropagation multiplies by one local derivative per layer. The sigmoid's derivative never exceeds 0.25, "
              "so the gradient shrinks again and again on its way to the layers near the input: the first layer gets less than a hundredth "
              "of the last layer's gradient. ReLU's derivative is exactly 1 for every active unit, so there is no such decay and the first and "
              "last layers get gradients of similar size. Weights with standard deviation 1, however, enlarge the values at every layer, so the "
              "ReLU gradients are enormous in absolute terms: that is exploding gradients. Real networks use a smaller standard deviation "
              "matched to the layer width, such as He initialisation.\n\n</details>",
    }),
]

RETAIN_GRAPH = [
    ("md", {
        "ko": "# 연습 5: 계산 그래프와 retain_graph\n\n"
              "PyTorch의 동적 계산 그래프를 살펴보세요. 이 노트북에는 PyTorch가 필요합니다.\n\n"
              "1. `x`와 `y`가 기울기를 추적하게 하고 $z = x^2 + y^2$ 을 계산하세요.\n"
              "2. `z.backward()`를 호출하고 `x.grad`와 `y.grad`를 출력하세요.\n"
              "3. `z.backward()`를 한 번 더 호출하면 어떤 오류가 나는지 확인하세요.\n"
              "4. 계산을 다시 만들고 `z.backward(retain_graph=True)`를 두 번 호출하세요. 기울기가 누적되어 두 배가 되는 것을 "
              "확인하고, 학습 루프에서 `optimizer.zero_grad()`가 필요한 이유를 설명하세요.",
        "en": "# Exercise 5: the computational graph and retain_graph\n\n"
              "Explore PyTorch's dynamic computational graph. This notebook needs PyTorch.\n\n"
              "1. Let `x` and `y` track gradients and compute $z = x^2 + y^2$.\n"
              "2. Call `z.backward()` and print `x.grad` and `y.grad`.\n"
              "3. Call `z.backward()` again and look at the error.\n"
              "4. Build the computation again and call `z.backward(retain_graph=True)` twice. Confirm that the gradients "
              "accumulate to twice the value, and explain why a training loop needs `optimizer.zero_grad()`.",
    }),
    ("md", {"ko": "## 풀이", "en": "## Solution"}),
    ("solution", '''import torch

x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor(3.0, requires_grad=True)
z = x**2 + y**2
z.backward()
print(f"x.grad = {x.grad.item():g}, y.grad = {y.grad.item():g}")

try:
    z.backward()  # the graph's saved values were freed by the first call
except RuntimeError as error:
    print("second backward:", type(error).__name__)'''),
    ("solution", '''x.grad = None
y.grad = None
z = x**2 + y**2
z.backward(retain_graph=True)
z.backward(retain_graph=True)
print(f"after two calls: x.grad = {x.grad.item():g}, y.grad = {y.grad.item():g}")

x.grad.zero_()  # what optimizer.zero_grad() does for every parameter
y.grad.zero_()
z.backward()
print(f"after zeroing and one call: x.grad = {x.grad.item():g}, y.grad = {y.grad.item():g}")'''),
    ("md", {
        "ko": "<details markdown=\"1\"><summary>설명 보기</summary>\n\n"
              "`backward()`는 기울기를 `.grad`에 **더합니다**. 여러 미니배치의 기울기를 모으는 데는 편리하지만, "
              "학습 루프에서 매 단계 `zero_grad()`로 비우지 않으면 이전 단계의 기울기가 계속 쌓여 갱신이 틀어집니다. "
              "또 역전파가 끝나면 그래프가 저장한 중간값을 메모리에서 지우므로, 같은 그래프로 두 번 역전파하려면 "
              "`retain_graph=True`가 필요합니다.\n\n</details>",
        "en": "<details markdown=\"1\"><summary>Show the explanation</summary>\n\n"
              "`backward()` **adds** gradients into `.grad`. That is handy for collecting gradients over several mini-batches, "
              "but a training loop that does not clear them with `zero_grad()` every step keeps piling up old gradients, and its updates "
              "go wrong. After a backward pass the graph also frees the intermediate values it saved, so a second backward pass "
              "through the same graph needs `retain_graph=True`.\n\n</details>",
    }),
]

EXERCISES = {
    "01-chain-rule-by-hand": CHAIN_RULE_BY_HAND,
    "02-single-neuron": SINGLE_NEURON,
    "03-mlp-gradient-check": MLP_GRADIENT_CHECK,
    "04-vanishing-gradients": VANISHING_GRADIENTS,
    "05-retain-graph": RETAIN_GRAPH,
}
NEEDS_TORCH = {"05-retain-graph"}
