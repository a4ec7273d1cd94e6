# %% [markdown] lang="ko"
# # 연습 1: 연쇄 법칙을 손으로
#
# 다음 합성 함수에서 $\frac{dL}{dx}$를 연쇄 법칙으로 구하십시오.
#
# $$
# \begin{aligned}
# & x \;\rightarrow\; z = 3x + 1 \\
# & \;\rightarrow\; a = \operatorname{relu}(z) \;\rightarrow\; L = a^2
# \end{aligned}
# $$
#
# 1. 국소 미분 $\frac{dL}{da}$, $\frac{da}{dz}$, $\frac{dz}{dx}$를 쓰십시오.
# 2. 연쇄 법칙으로 $\frac{dL}{dx}$를 구하십시오.
# 3. 아래 칸의 `...`를 $x = 2$에서의 값으로 바꾸고, 확인 칸을 실행하십시오. 확인 칸은 중앙 차분
#    $\frac{f(x+h) - f(x-h)}{2h}$로 구한 값과 비교해 맞는지 알려 줍니다.

# %% [markdown] lang="en"
# # Exercise 1: the chain rule by hand
#
# Use the chain rule to find $\frac{dL}{dx}$ for this composite function.
#
# $$
# \begin{aligned}
# & x \;\rightarrow\; z = 3x + 1 \\
# & \;\rightarrow\; a = \operatorname{relu}(z) \;\rightarrow\; L = a^2
# \end{aligned}
# $$
#
# 1. Write down the local derivatives $\frac{dL}{da}$, $\frac{da}{dz}$ and $\frac{dz}{dx}$.
# 2. Apply the chain rule to get $\frac{dL}{dx}$.
# 3. Replace each `...` below with its value at $x = 2$ and run the check cell. It compares your
#    values with the central difference $\frac{f(x+h) - f(x-h)}{2h}$ and tells you whether they are right.

# %% tags=["exercise"]
from snippets.exercises import checks

x = 2.0
dL_da = ...  # your value at x = 2
da_dz = ...
dz_dx = ...
dL_dx = ...

# %% tags=["check"]
checks.chain_rule_by_hand(x, dL_da, da_dz, dz_dx, dL_dx)

# %% [markdown] lang="ko" tags=["solution"]
# $\frac{dL}{da} = 2a$, $\frac{da}{dz} = 1$($z > 0$일 때, 아니면 0), $\frac{dz}{dx} = 3$이므로
# $\frac{dL}{dx} = 2a \cdot 1 \cdot 3 = 6a$입니다. $x = 2$이면 $z = 7$, $a = 7$이고 기울기는 42입니다.
# 아래 코드는 같은 계산을 한 뒤 확인 칸과 같은 검사를 합니다.

# %% [markdown] lang="en" tags=["solution"]
# $\frac{dL}{da} = 2a$, $\frac{da}{dz} = 1$ (for $z > 0$, else 0) and $\frac{dz}{dx} = 3$, so
# $\frac{dL}{dx} = 2a \cdot 1 \cdot 3 = 6a$. At $x = 2$, $z = 7$ and $a = 7$, so the gradient is 42.
# The code below does the same computation and runs the same check as the check cell.

# %% tags=["solution"]
z = 3.0 * x + 1.0
a = max(z, 0.0)
dL_da = 2.0 * a
da_dz = 1.0 if z > 0 else 0.0
dz_dx = 3.0
dL_dx = dL_da * da_dz * dz_dx
print(f"z = {z:g}, a = {a:g}, dL/dx = {dL_dx:g}")
checks.chain_rule_by_hand(x, dL_da, da_dz, dz_dx, dL_dx)
