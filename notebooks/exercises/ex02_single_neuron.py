# %% [markdown] lang="ko"
# # 연습 2: 뉴런 하나의 역전파
#
# 시그모이드 활성화와 제곱 오차를 쓰는 뉴런 하나의 순전파와 역전파를 구현하십시오.
#
# 1. $w = 0.5$, $b = 0.1$, $x = 1.0$, 정답 $t = 0.8$을 씁니다.
# 2. 순전파: $z = wx + b$, $a = \sigma(z)$, $L = (a - t)^2$
# 3. $\frac{\partial L}{\partial w}$와 $\frac{\partial L}{\partial b}$를 단계별로 구하십시오.
# 4. 아래 칸에 NumPy로 구현하고 확인 칸을 실행하십시오. 확인 칸은 수치 미분과 비교합니다.

# %% [markdown] lang="en"
# # Exercise 2: backpropagation through one neuron
#
# Implement the forward and backward pass of a single neuron with a sigmoid activation and a squared error.
#
# 1. Use $w = 0.5$, $b = 0.1$, $x = 1.0$ and target $t = 0.8$.
# 2. Forward pass: $z = wx + b$, $a = \sigma(z)$, $L = (a - t)^2$
# 3. Work out $\frac{\partial L}{\partial w}$ and $\frac{\partial L}{\partial b}$ step by step.
# 4. Implement it in NumPy in the cell below and run the check cell, which compares with a numerical derivative.

# %% tags=["exercise"]
import numpy as np

from snippets.exercises import checks

w, b, x, t = 0.5, 0.1, 1.0, 0.8

# Forward pass, then the backward pass one local derivative at a time.
dL_dw = ...
dL_db = ...

# %% tags=["check"]
checks.single_neuron(w, b, x, t, dL_dw, dL_db)

# %% [markdown] lang="ko" tags=["solution"]
# $$
# \begin{aligned}
# \frac{\partial L}{\partial w} &= \underbrace{2(a - t)}_{\partial L / \partial a}
# \cdot \underbrace{a(1 - a)}_{\partial a / \partial z} \cdot \underbrace{x}_{\partial z / \partial w}, \\
# \frac{\partial L}{\partial b} &= 2(a - t) \cdot a(1 - a) \cdot 1
# \end{aligned}
# $$

# %% [markdown] lang="en" tags=["solution"]
# $$
# \begin{aligned}
# \frac{\partial L}{\partial w} &= \underbrace{2(a - t)}_{\partial L / \partial a}
# \cdot \underbrace{a(1 - a)}_{\partial a / \partial z} \cdot \underbrace{x}_{\partial z / \partial w}, \\
# \frac{\partial L}{\partial b} &= 2(a - t) \cdot a(1 - a) \cdot 1
# \end{aligned}
# $$

# %% tags=["solution"]
z = w * x + b
a = 1.0 / (1.0 + np.exp(-z))
L = (a - t) ** 2

dL_da = 2.0 * (a - t)
da_dz = a * (1.0 - a)
dL_dw = dL_da * da_dz * x
dL_db = dL_da * da_dz * 1.0
print(f"z = {z:.4f}, a = {a:.4f}, L = {L:.4f}")
print(f"dL/da = {dL_da:.4f}, da/dz = {da_dz:.4f}")
print(f"dL/dw = {dL_dw:.4f}, dL/db = {dL_db:.4f}")
checks.single_neuron(w, b, x, t, dL_dw, dL_db)

# %% [markdown] lang="ko" tags=["solution"]
# 한 걸음 내려가 봅시다(학습률 0.5). 손실이 줄어야 합니다.

# %% [markdown] lang="en" tags=["solution"]
# Take one step downhill (learning rate 0.5). The loss should go down.

# %% tags=["solution"]
learning_rate = 0.5
w_new, b_new = w - learning_rate * dL_dw, b - learning_rate * dL_db
L_new = (1.0 / (1.0 + np.exp(-(w_new * x + b_new))) - t) ** 2
print(f"w = {w_new:.4f}, b = {b_new:.4f}, L: {L:.4f} -> {L_new:.4f}")
