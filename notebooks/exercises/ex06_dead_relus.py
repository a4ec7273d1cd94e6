# %% [markdown] lang="ko"
# # 연습 6: 죽은 ReLU
#
# 배치 전체에서 한 번도 켜지지 않는 ReLU 뉴런을 찾고, 그 뉴런이 왜 더는 학습되지 않는지 확인하십시오.
#
# 신경망은 2차원 입력 200개, 뉴런 16개인 은닉층(Affine과 ReLU) 하나, 고정된 출력 가중치 $v$로 이루어지며,
# 손실은 평균 제곱 오차 $L = \frac{1}{N}\sum_i (y_i - t_i)^2$입니다(아래 칸에 준비되어 있습니다).
#
# 1. 활성화 함수에 들어가는 값 $z = xW + b$를 구하고, 모든 입력에서 $z \le 0$인 뉴런을 `True`로 표시한 불리언 마스크
#    `dead_mask`(모양 `(16,)`)와 그 개수 `dead_count`를 구하십시오.
# 2. 이 사이트의 층(`Affine`, `ReLU`, `MeanSquaredError`)으로 순전파와 역전파를 한 번 실행하고, 은닉층의 기울기
#    `dW`와 `db`를 구하십시오. 죽은 뉴런의 기울기는 어떻습니까?
# 3. 학습률 0.3으로 경사 하강법을 한 걸음 갔을 때($W - 0.3\,\partial L/\partial W$, $b - 0.3\,\partial L/\partial b$)
#    죽은 뉴런의 수 `dead_after_step`을 세십시오. 그 매개변수에서 ReLU 대신 Leaky ReLU(음수 쪽 기울기 0.01)를 쓸 때의
#    편향 기울기 `leaky_db`를 구하고, 죽은 뉴런의 값을 ReLU의 값과 비교하십시오.
#
# 각 부분 뒤의 확인 칸이 답을 검사합니다. 죽은 ReLU는 5장 '활성화 함수 층'의 '죽은 ReLU' 절에서 다룹니다.

# %% [markdown] lang="en"
# # Exercise 6: dead ReLUs
#
# Find the ReLU neurons that never switch on over the whole batch, and see why they stop learning.
#
# The network takes 200 inputs of dimension 2 through one hidden layer of 16 neurons (Affine and ReLU) and fixed
# output weights $v$; the loss is the mean squared error $L = \frac{1}{N}\sum_i (y_i - t_i)^2$ (set up in the cell
# below).
#
# 1. Compute the pre-activations $z = xW + b$, the boolean mask `dead_mask` (shape `(16,)`) that is `True` for a
#    neuron with $z \le 0$ on every input, and their number `dead_count`.
# 2. Run one forward and one backward pass with the site's layers (`Affine`, `ReLU`, `MeanSquaredError`) and get
#    the hidden layer's gradients `dW` and `db`. What are the dead neurons' gradients?
# 3. Take one step of gradient descent with learning rate 0.3 ($W - 0.3\,\partial L/\partial W$,
#    $b - 0.3\,\partial L/\partial b$) and count the dead neurons, `dead_after_step`. At those parameters, compute
#    the bias gradient `leaky_db` with Leaky ReLU (slope 0.01 on the negative side) in place of ReLU, and compare
#    the dead neurons' entries with ReLU's.
#
# A check cell after each part checks the answer. Chapter 5, 'Activation layers', covers dead ReLUs in its section
# 'Dead ReLU'.

# %% tags=["exercise"]
import numpy as np

from snippets.exercises import checks
from snippets.layers import Affine, MeanSquaredError, ReLU

rng = np.random.default_rng(2)
x = rng.standard_normal((200, 2))        # 200 inputs of dimension 2
W = rng.standard_normal((2, 16))         # 16 hidden neurons
b = rng.normal(-1.0, 1.0, 16)            # biases around -1: a few neurons start dead
v = rng.standard_normal((16, 1))         # the output weights, kept fixed
t = np.sin(2.0 * x[:, :1])               # the targets, shape (200, 1)

# Part 1
z = ...
dead_mask = ...   # shape (16,), True where z <= 0 for every input
dead_count = ...

# %% tags=["check"]
checks.dead_neurons(x, W, b, dead_mask, dead_count)

# %% tags=["exercise"]
# Part 2: Affine(W, b) -> ReLU -> Affine(v) -> MeanSquaredError, forward then backward
dW = ...
db = ...

# %% tags=["check"]
checks.dead_neuron_gradients(x, W, b, v, t, dW, db)

# %% tags=["exercise"]
# Part 3
LEARNING_RATE, SLOPE = 0.3, 0.01
dead_after_step = ...   # dead neurons at W - LEARNING_RATE * dW, b - LEARNING_RATE * db
leaky_db = ...          # dL/db at those parameters, with Leaky ReLU in place of ReLU

# %% tags=["check"]
checks.after_large_step(x, W, b, v, t, LEARNING_RATE, SLOPE, dead_after_step, leaky_db)

# %% tags=["solution"]
z = x @ W + b                            # (200, 16)
dead_mask = np.all(z <= 0, axis=0)       # dead on the whole batch, not on one input
dead_count = int(dead_mask.sum())
print("active inputs per neuron:", (z > 0).sum(axis=0))
print(f"dead neurons: {dead_count} of {W.shape[1]}, indices {np.flatnonzero(dead_mask)}")
checks.dead_neurons(x, W, b, dead_mask, dead_count)

# %% tags=["solution"]
def gradients(W, b):
    """dL/dW, dL/db and L of the network, from the site's layers (they copy W and b)."""
    hidden, relu, output, loss = Affine(W, b), ReLU(), Affine(v), MeanSquaredError()
    L = loss.forward(output.forward(relu.forward(hidden.forward(x))), t)
    hidden.backward(relu.backward(output.backward(loss.backward())))
    return hidden.dW, hidden.db, L


dW, db, L = gradients(W, b)
print("dW of the dead neurons:", dW[:, dead_mask].ravel())
print("db of the dead neurons:", db[dead_mask])
print(f"largest |db| of a live neuron: {np.abs(db[~dead_mask]).max():.2f}")
checks.dead_neuron_gradients(x, W, b, v, t, dW, db)

# %% tags=["solution"]
def dead_after(learning_rate):
    """The dead neurons after one step of gradient descent, and the loss there."""
    W_step, b_step = W - learning_rate * dW, b - learning_rate * db
    return np.all(x @ W_step + b_step <= 0, axis=0), gradients(W_step, b_step)[2]


for learning_rate in (LEARNING_RATE, LEARNING_RATE / 10):
    dead, L_step = dead_after(learning_rate)
    print(f"learning rate {learning_rate:g}: {dead_count} -> {dead.sum()} dead neurons, "
          f"loss {L:.2f} -> {L_step:.2f}")
dead_step = dead_after(LEARNING_RATE)[0]
dead_after_step = int(dead_step.sum())

W_step, b_step = W - LEARNING_RATE * dW, b - LEARNING_RATE * db
dW_again, db_again, _ = gradients(W_step, b_step)
print("a second ReLU step moves a dead neuron's parameters:",
      bool(np.any(dW_again[:, dead_step]) or np.any(db_again[dead_step])))


def leaky_gradients(W, b):
    """dL/dW, dL/db with Leaky ReLU: slope 1 where z > 0, SLOPE elsewhere (forward and backward)."""
    hidden, output, loss = Affine(W, b), Affine(v), MeanSquaredError()
    z = hidden.forward(x)
    local = np.where(z > 0, 1.0, SLOPE)
    loss.forward(output.forward(z * local), t)
    hidden.backward(output.backward(loss.backward()) * local)
    return hidden.dW, hidden.db


leaky_db = leaky_gradients(W_step, b_step)[1]
relu_db = gradients(W_step, b_step)[1]
print("ReLU db of the dead neurons:      ", relu_db[dead_step])
print("Leaky ReLU db of the dead neurons:", np.round(leaky_db[dead_step], 3))
print(f"largest |db| with Leaky ReLU: dead neurons {np.abs(leaky_db[dead_step]).max():.3f}, "
      f"live neurons {np.abs(leaky_db[~dead_step]).max():.2f}")
checks.after_large_step(x, W, b, v, t, LEARNING_RATE, SLOPE, dead_after_step, leaky_db)

# %% [markdown] lang="ko" tags=["solution"]
# 죽은 뉴런은 배치의 어느 입력에서도 $z \le 0$이므로, ReLU의 국소 미분이 모든 입력에서 0입니다. 역전파는 상류 기울기에
# 이 0을 곱하므로 $\partial L/\partial z$의 그 열이 모두 0이고, $\partial L/\partial W = x^\top\, \partial L/\partial z$와
# $\partial L/\partial b = \sum_i \partial L/\partial z_i$의 그 열도 정확히 0입니다. 손실이 무엇이든, 상류 기울기가 얼마나
# 크든 마찬가지입니다. 경사 하강법의 한 걸음은 매개변수에서 학습률 곱하기 기울기를 빼므로, 기울기가 0인 가중치와 편향은
# 전혀 움직이지 않고, 다음 걸음에서도 입력은 여전히 0 이하라 기울기는 다시 0입니다. 그래서 죽은 뉴런은 자기 기울기로는
# 살아나지 못합니다(위의 두 번째 걸음이 그것을 보여 줍니다).
#
# 학습률 0.3의 한 걸음은 너무 큽니다. 손실이 오히려 커졌고, 죽은 뉴런은 2개에서 8개가 되었습니다. 한 걸음은 각 뉴런의
# 가중치와 편향을 학습률 곱하기 기울기만큼 옮기는데, 걸음이 크면 여러 뉴런의 $z$가 한꺼번에 모든 입력에서 0 아래로
# 내려갑니다. 학습률을 10분의 1로 줄이면 새로 죽는 뉴런이 1개로 줄지만 0개는 아닙니다. 켜지는 입력이 1개뿐이던 뉴런처럼
# 경계에 가까운 뉴런은 작은 걸음으로도 넘어갑니다. Leaky ReLU는 음수 쪽에서도 국소
# 미분이 0.01이라 죽은 뉴런의 기울기가 0이 아닙니다. 다만 살아 있는 뉴런의 기울기보다 두 자릿수쯤 작아 천천히 움직이고, 그 방향도
# 손실이 정하므로 다시 켜진다는 보장은 없습니다. 그래서 두 방법 모두 죽은 ReLU를 줄여 줄 뿐 막지는 못합니다.
# 5장의 '죽은 ReLU' 절도 함께 보십시오.

# %% [markdown] lang="en" tags=["solution"]
# A dead neuron has $z \le 0$ on every input of the batch, so ReLU's local derivative is 0 on every input.
# Backpropagation multiplies the upstream gradient by that 0, so the neuron's column of $\partial L/\partial z$ is
# all 0, and so are its columns of $\partial L/\partial W = x^\top\, \partial L/\partial z$ and
# $\partial L/\partial b = \sum_i \partial L/\partial z_i$, exactly. This holds whatever the loss and however large
# the upstream gradient. A step of gradient descent subtracts the learning rate times the gradient, so a weight or
# bias with a zero gradient does not move at all; at the next step the inputs are still at most 0 and the gradient
# is 0 again. So a dead neuron cannot come back through its own gradient (the second step above shows it).
#
# A step with learning rate 0.3 is too large: the loss went up, and the dead neurons went from 2 to 8. A step moves
# each neuron's weights and bias by the learning rate times their gradient, and a large step moves the $z$ of several
# neurons below 0 on every input at once. A learning rate 10 times smaller kills 1 new neuron instead, not 0: a
# neuron near the boundary, such as one that was on for only 1 input, crosses it even with a small step. Leaky ReLU has a local derivative of 0.01 on the negative side too, so a dead neuron's
# gradient is not 0. But it is about two orders of magnitude smaller than a live neuron's, so the neuron moves slowly, and the
# loss decides the direction, so nothing guarantees that it switches back on. Both remedies therefore reduce dead
# ReLUs rather than prevent them. See also chapter 5's section 'Dead ReLU'.
