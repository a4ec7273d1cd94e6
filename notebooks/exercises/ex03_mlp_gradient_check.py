# %% [markdown] lang="ko"
# # 연습 3: 2층 MLP 기울기 검사
#
# 2층 MLP의 순전파와 역전파를 직접 구현하고, 수치 미분으로 맞는지 확인하십시오.
#
# 1. 입력 4, 은닉 8, 출력 2인 2층 MLP를 시드를 고정한 난수 가중치로 만듭니다(아래 칸에 준비되어 있습니다).
#    은닉층은 시그모이드, 출력은 소프트맥스와 교차 엔트로피이고, 손실은 배치 평균입니다.
# 2. `loss`에 순전파를, `gradients`에 역전파를 손으로 구현하십시오. `gradients`는 `W1`, `b1`, `W2`, `b2`의
#    기울기를 담은 딕셔너리를 돌려줍니다.
# 3. 중앙 차분으로 수치 기울기를 구하는 `numerical_gradient`를 구현하십시오.
# 4. 상대 오차 $\frac{\lVert g_a - g_n \rVert}{\lVert g_a \rVert + \lVert g_n \rVert}$을 계산하십시오.
# 5. 확인 칸은 먼저 `numerical_gradient`와 `relative_error`를 답을 아는 함수에서 시험하고, 맞으면 그 함수들로
#    검사합니다. `loss`가 배치 평균인지 확인한 뒤, 배열마다 상대 오차를 출력하고 $10^{-5}$보다 작은지 알려 줍니다.

# %% [markdown] lang="en"
# # Exercise 3: gradient check of a two-layer MLP
#
# Implement the forward and backward pass of a two-layer MLP by hand, and confirm them with numerical differentiation.
#
# 1. A two-layer MLP with 4 inputs, 8 hidden neurons and 2 outputs, with seeded random weights, is set up below.
#    The hidden layer is a sigmoid; the output is softmax with cross-entropy, and the loss is the batch mean.
# 2. Implement the forward pass in `loss` and the backward pass in `gradients`, by hand. `gradients` returns a
#    dictionary with the gradients of `W1`, `b1`, `W2` and `b2`.
# 3. Implement `numerical_gradient`, which gets numerical gradients from central differences.
# 4. Compute the relative error $\frac{\lVert g_a - g_n \rVert}{\lVert g_a \rVert + \lVert g_n \rVert}$.
# 5. The check cell first tries your `numerical_gradient` and `relative_error` on functions whose answers it
#    knows, and uses them if they are right. It checks that `loss` is the batch mean, then prints the relative
#    error of every array and tells you whether it is below $10^{-5}$.

# %% tags=["exercise"]
import numpy as np

from snippets.exercises import checks

rng = np.random.default_rng(0)
x = rng.standard_normal((5, 4))              # a batch of 5 inputs
t = np.eye(2)[rng.integers(0, 2, size=5)]    # one-hot targets
params = {
    "W1": 0.5 * rng.standard_normal((4, 8)), "b1": np.zeros(8),
    "W2": 0.5 * rng.standard_normal((8, 2)), "b2": np.zeros(2),
}


def loss(params, x, t):
    """Affine -> sigmoid -> affine -> softmax cross-entropy, mean over the batch."""
    return ...


def gradients(params, x, t):
    """dL/dW1, dL/db1, dL/dW2, dL/db2 by backpropagation, as a dict."""
    return ...


def numerical_gradient(f, array, h=1e-5):
    """Central difference of f() for every element of array (perturb, evaluate, restore)."""
    return ...


def relative_error(analytic, numeric):
    return ...

# %% tags=["check"]
checks.mlp_gradients(loss, gradients, params, x, t, numerical_gradient, relative_error)

# %% [markdown] lang="ko" tags=["solution"]
# 순전파에서 역전파에 필요한 값(`h`, `y`)을 남기고, 역전파는 출력 쪽부터 거꾸로 갑니다. 소프트맥스와 교차
# 엔트로피를 합친 층의 기울기는 $(y - t) / N$이고, Affine 층은 $\frac{\partial L}{\partial W} = x^\top \delta$,
# $\frac{\partial L}{\partial b} = \sum \delta$, 입력 쪽으로는 $\delta W^\top$를 보냅니다. 시그모이드의 국소 미분은
# $h(1 - h)$입니다.

# %% [markdown] lang="en" tags=["solution"]
# The forward pass keeps what the backward pass needs (`h`, `y`), and the backward pass runs from the output
# back. Softmax with cross-entropy passes back $(y - t) / N$; an Affine layer gives
# $\frac{\partial L}{\partial W} = x^\top \delta$ and $\frac{\partial L}{\partial b} = \sum \delta$ and sends
# $\delta W^\top$ towards the input. The sigmoid's local derivative is $h(1 - h)$.

# %% tags=["solution"]
def forward(params, x):
    h = 1.0 / (1.0 + np.exp(-(x @ params["W1"] + params["b1"])))
    scores = h @ params["W2"] + params["b2"]
    shifted = scores - scores.max(axis=1, keepdims=True)   # softmax without overflow
    y = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    return h, y


def loss(params, x, t):
    _, y = forward(params, x)
    return -np.sum(t * np.log(y + 1e-12)) / len(x)


def gradients(params, x, t):
    h, y = forward(params, x)
    d_scores = (y - t) / len(x)                 # softmax with cross-entropy
    d_h = d_scores @ params["W2"].T             # back through the second Affine
    d_z = d_h * h * (1.0 - h)                   # back through the sigmoid
    return {
        "W2": h.T @ d_scores, "b2": d_scores.sum(axis=0),
        "W1": x.T @ d_z, "b1": d_z.sum(axis=0),
    }


def numerical_gradient(f, array, h=1e-5):
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        original = array[index]
        array[index] = original + h
        f_plus = f()
        array[index] = original - h
        f_minus = f()
        array[index] = original                 # restore before the next element
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(analytic, numeric):
    return np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric))


analytic = gradients(params, x, t)
for name in ("W1", "b1", "W2", "b2"):
    numeric = numerical_gradient(lambda: loss(params, x, t), params[name])
    error = relative_error(analytic[name], numeric)
    print(f"{name}: shape {analytic[name].shape}, relative error {error:.1e}")

# %% tags=["solution"]
checks.mlp_gradients(loss, gradients, params, x, t, numerical_gradient, relative_error)

# %% [markdown] lang="ko"
# 상대 오차는 기울기의 크기와 상관없이 비교할 수 있게 해 줍니다. 역전파가 맞으면 보통 $10^{-7}$보다도 훨씬
# 작고, 식을 하나만 틀려도 1에 가까운 크기가 됩니다(전치를 빠뜨리면 대개 모양부터 맞지 않습니다). `gradients`에서
# `.sum(axis=0)` 하나를 `.mean(axis=0)`으로 바꾸고 다시 실행해 보십시오.
#
# 합격선 $10^{-5}$는 8장에서 소개한 CS231n의 구간에 맞춘 값입니다. $10^{-2}$보다 크면 틀렸을 가능성이 크고,
# $10^{-4}$에서 $10^{-2}$ 사이는 의심스럽고, $10^{-4}$보다 작으면 꺾이는 점이 있는 함수에서는 괜찮고, $10^{-7}$보다
# 작으면 아주 좋습니다. 여기서 쓰는 상대 오차는 배열 전체의 노름으로 구하므로, 원소가 많은 배열에서 몇 개만 틀리면
# 그 차이가 묻혀 작게 나올 수 있습니다. 의심스러우면 원소마다 상대 오차를 구해 최댓값을 보십시오.

# %% [markdown] lang="en"
# The relative error makes the comparison independent of how large the gradients are. With correct
# backpropagation it is usually far below $10^{-7}$; a single wrong formula gives an error of order 1 (a missing
# transpose usually breaks the shapes first). Replace one `.sum(axis=0)` in `gradients` with `.mean(axis=0)` and
# run the cells again to see it.
#
# The threshold $10^{-5}$ fits the bands of CS231n given in chapter 8: above $10^{-2}$ the gradient is probably
# wrong, between $10^{-4}$ and $10^{-2}$ it is suspicious, below $10^{-4}$ it is fine for a function with kinks, and
# below $10^{-7}$ it is excellent. The relative error here uses the norm of the whole array, so in a large array a
# few wrong entries can be diluted and give a small error; when in doubt, compute the relative error element by
# element and look at its maximum.
