# %% [markdown] lang="ko"
# # 연습 5: 계산 그래프와 retain_graph
#
# PyTorch의 동적 계산 그래프를 살펴보십시오. 이 노트북에는 PyTorch가 필요합니다.
#
# 1. `x`와 `y`가 기울기를 추적하게 하고 $z = x^2 + y^2$을 계산하십시오.
# 2. `z.backward()`를 호출하고 `x.grad`와 `y.grad`를 출력하십시오.
# 3. `z.backward()`를 한 번 더 호출하면 어떤 오류가 나는지 확인하십시오.
# 4. 계산을 다시 만들고 `z.backward(retain_graph=True)`를 두 번 호출하십시오. 기울기가 누적되어 두 배가 되는 것을
#    확인하고, 학습 루프에서 `optimizer.zero_grad()`가 필요한 이유를 설명하십시오.
#
# 아래 칸에서 두 번 호출한 뒤의 `x.grad` 값을 `x_grad`에 넣고 확인 칸을 실행하십시오.

# %% [markdown] lang="en"
# # Exercise 5: the computational graph and retain_graph
#
# Explore PyTorch's dynamic computational graph. This notebook needs PyTorch.
#
# 1. Let `x` and `y` track gradients and compute $z = x^2 + y^2$.
# 2. Call `z.backward()` and print `x.grad` and `y.grad`.
# 3. Call `z.backward()` again and look at the error.
# 4. Build the computation again and call `z.backward(retain_graph=True)` twice. Confirm that the gradients
#    accumulate to twice the value, and explain why a training loop needs `optimizer.zero_grad()`.
#
# In the cell below, put the value of `x.grad` after the two calls into `x_grad` and run the check cell.

# %% tags=["exercise"]
import torch

from snippets.exercises import checks

x = torch.tensor(2.0, requires_grad=True)
y = torch.tensor(3.0, requires_grad=True)

x_grad = ...  # x.grad after two calls of z.backward(retain_graph=True)

# %% tags=["check"]
checks.accumulated_gradient(x_grad, x.item(), calls=2)

# %% tags=["solution"]
z = x**2 + y**2
z.backward()
print(f"x.grad = {x.grad.item():g}, y.grad = {y.grad.item():g}")

try:
    z.backward()  # the graph's saved values were freed by the first call
except RuntimeError as error:
    print("second backward:", type(error).__name__)

# %% tags=["solution"]
x.grad = None
y.grad = None
z = x**2 + y**2
z.backward(retain_graph=True)
z.backward(retain_graph=True)
x_grad = x.grad.item()
print(f"after two calls: x.grad = {x.grad.item():g}, y.grad = {y.grad.item():g}")
checks.accumulated_gradient(x_grad, x.item(), calls=2)

x.grad.zero_()  # what optimizer.zero_grad() does for every parameter
y.grad.zero_()
z.backward()
print(f"after zeroing and one call: x.grad = {x.grad.item():g}, y.grad = {y.grad.item():g}")

# %% [markdown] lang="ko" tags=["solution"]
# `backward()`는 기울기를 `.grad`에 **더합니다**. 여러 미니배치의 기울기를 모으는 데는 편리하지만, 학습 루프에서
# 매 단계 `zero_grad()`로 비우지 않으면 이전 단계의 기울기가 계속 쌓여 갱신이 틀어집니다. 또 역전파가 끝나면 그래프가
# 저장한 중간값을 메모리에서 지우므로, 같은 그래프로 두 번 역전파하려면 `retain_graph=True`가 필요합니다.

# %% [markdown] lang="en" tags=["solution"]
# `backward()` **adds** gradients into `.grad`. That is handy for collecting gradients over several mini-batches, but a
# training loop that does not clear them with `zero_grad()` every step keeps piling up old gradients, and its updates go
# wrong. After a backward pass the graph also frees the intermediate values it saved, so a second backward pass through
# the same graph needs `retain_graph=True`.
