"""The wording of the step-through graphs, in each language of the site.

Placeholders: {a} {b} inputs, {c} the folded constant, {y} the output (all
written as operands, negatives in parentheses), {out} the output as a result;
backward: {g} the node's gradient, {other} the other input, {r} the result;
summary (the SVG's <desc>): {title}, {inputs}, {result}, {grads}; unavailable
(the <desc> when the inputs cannot be computed): {title}, {problem}.
docs/assets/javascripts/stepper-words.js fills them in as the reader steps and edits.
"""

NAMES = {
    "ko": {"add": "덧셈 노드", "sub": "뺄셈 노드", "mul": "곱셈 노드", "neg": "×(−1) 노드", "exp": "exp 노드",
           "log": "log 노드", "reciprocal": "1/x 노드", "sigmoid": "시그모이드 노드", "tanh": "tanh 노드",
           "relu": "ReLU 노드", "add_const": "{op} 노드", "mul_const": "{op} 노드", "pow": "{op} 노드"},
    "en": {"add": "add node", "sub": "subtract node", "mul": "multiply node", "neg": "×(−1) node",
           "exp": "exp node", "log": "log node", "reciprocal": "1/x node", "sigmoid": "sigmoid node",
           "tanh": "tanh node", "relu": "ReLU node", "add_const": "{op} node", "mul_const": "{op} node",
           "pow": "{op} node"},
}
FORWARD = {
    "add": "{a} + {b} = {out}", "sub": "{a} − {b} = {out}", "mul": "{a} × {b} = {out}",
    "neg": "−{a} = {out}", "exp": "exp({a}) = {out}", "log": "log({a}) = {out}",
    "reciprocal": "1 / {a} = {out}", "sigmoid": "σ({a}) = {out}", "tanh": "tanh({a}) = {out}",
    "relu": "max(0, {a}) = {out}", "add_const": "{a} + {c} = {out}", "mul_const": "{a} × {c} = {out}",
    "pow": "{a}^{c} = {out}",
}
# One rule per input position (the last one repeats).
BACKWARD = {
    "ko": {
        "add": ["기울기를 그대로 전달 = {r}"],
        "add_const": ["기울기를 그대로 전달 = {r}"],
        "sub": ["기울기를 그대로 전달 = {r}", "기울기 × (−1) = {g} × (−1) = {r}"],
        "mul": ["기울기 × 다른 입력 = {g} × {other} = {r}"],
        "mul_const": ["기울기 × 상수 = {g} × {c} = {r}"],
        "neg": ["기울기 × (−1) = {g} × (−1) = {r}"],
        "exp": ["기울기 × 출력 exp(x) = {g} × {y} = {r}"],
        "log": ["기울기 × 1/x = {g} × 1/{a} = {r}"],
        "reciprocal": ["기울기 × (−1/x²) = {g} × (−1/{a}²) = {r}"],
        "sigmoid": ["기울기 × y(1 − y) = {g} × {y} × (1 − {y}) = {r}"],
        "tanh": ["기울기 × (1 − y²) = {g} × (1 − {y}²) = {r}"],
        "relu": ["기울기 × (x > 0이면 1, 아니면 0) = {g} × {local} = {r}"],
        "pow": ["기울기 × n·xⁿ⁻¹ = {g} × {c} × {a}^({c} − 1) = {r}"],
    },
    "en": {
        "add": ["passes the gradient on unchanged = {r}"],
        "add_const": ["passes the gradient on unchanged = {r}"],
        "sub": ["passes the gradient on unchanged = {r}", "gradient × (−1) = {g} × (−1) = {r}"],
        "mul": ["gradient × the other input = {g} × {other} = {r}"],
        "mul_const": ["gradient × the constant = {g} × {c} = {r}"],
        "neg": ["gradient × (−1) = {g} × (−1) = {r}"],
        "exp": ["gradient × the output exp(x) = {g} × {y} = {r}"],
        "log": ["gradient × 1/x = {g} × 1/{a} = {r}"],
        "reciprocal": ["gradient × (−1/x²) = {g} × (−1/{a}²) = {r}"],
        "sigmoid": ["gradient × y(1 − y) = {g} × {y} × (1 − {y}) = {r}"],
        "tanh": ["gradient × (1 − y²) = {g} × (1 − {y}²) = {r}"],
        "relu": ["gradient × (1 if x > 0, else 0) = {g} × {local} = {r}"],
        "pow": ["gradient × n·xⁿ⁻¹ = {g} × {c} × {a}^({c} − 1) = {r}"],
    },
}
WORDS = {
    "ko": {
        "title": "한 단계씩 보는 계산 그래프",
        "legend": "∂가 없는 숫자는 순전파 값, 빨간 ∂ 숫자는 그 값에 대한 출력의 기울기입니다. "
                  "에지 위쪽에는 앞으로 전달되는 값이, 아래쪽에는 거꾸로 전달되는 기울기가 적혀 있습니다.",
        "scroll": "계산 그래프 (가로로 스크롤할 수 있습니다)",
        "previous": "이전", "next": "다음", "step": "단계 {i} / {n}",
        "inputs": "입력값 바꾸기", "reset": "원래 값으로",
        "invalid": "{label}: 수를 입력하십시오.",
        "failed": "이 입력으로는 계산할 수 없습니다: {reason}",
        "start": "입력값: {inputs}. 다음을 누르면 순전파가 입력부터 시작합니다.",
        "forward": "순전파 {k}/{n}. ",
        "seed": "역전파 시작: 출력 {root}의 자기 자신에 대한 기울기는 1입니다.",
        "backward": "역전파 {k}/{n}. ",
        "to": "→ {label}: ",
        "done": "끝. 입력에 대한 기울기: {grads}.",
        "help": "키보드에서는 이전/다음 버튼에 초점이 있을 때 ←/→ 키로 단계를 움직이고, "
                "그래프 상자에 초점이 있을 때는 ←/→ 키로 상자를 가로로 스크롤합니다.",
        "summary": "{title}: {inputs}; {result}; {grads}.",
        "unavailable": "{title}: {problem}",
    },
    "en": {
        "title": "A computational graph, one step at a time",
        "legend": "Plain numbers are forward values; red ∂ numbers are the gradient of the output with "
                  "respect to that value. Each edge shows the value sent forward above it and the gradient "
                  "sent back below it.",
        "scroll": "Computational graph (scrolls sideways)",
        "previous": "Previous", "next": "Next", "step": "Step {i} / {n}",
        "inputs": "Change the inputs", "reset": "Reset",
        "invalid": "{label}: enter a number.",
        "failed": "These inputs cannot be computed: {reason}",
        "start": "Inputs: {inputs}. Press Next to start the forward pass at the inputs.",
        "forward": "Forward {k}/{n}. ",
        "seed": "Backward pass starts: the gradient of the output {root} with respect to itself is 1.",
        "backward": "Backward {k}/{n}. ",
        "to": "→ {label}: ",
        "done": "Done. Gradients of the inputs: {grads}.",
        "help": "On a keyboard, ←/→ step while Previous or Next has focus, and scroll the graph's box "
                "sideways while it has focus.",
        "summary": "{title}: {inputs}; {result}; {grads}.",
        "unavailable": "{title}: {problem}",
    },
}
