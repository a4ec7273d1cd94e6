// The arithmetic of the step-through graphs (stepper.js draws and steps them).
//
// evaluate() is a small twin of snippets.tracer.Value: forward values and
// gradients of every node of a graph written by
// site-builder/sitebuilder/transforms/stepper_data.py; number() writes a
// number as that module's number() does. tests/browser/test_stepper.py checks
// both against the tracer through window.backpropStepper.
(function () {
  "use strict";

  // d node / d input[slot], from the node's inputs and output (as Value records it).
  var LOCAL = {
    add: function () { return 1; },
    add_const: function () { return 1; },
    sub: function (a, b, y, c, slot) { return slot === 0 ? 1 : -1; },
    mul: function (a, b, y, c, slot) { return slot === 0 ? b : a; },
    mul_const: function (a, b, y, c) { return c; },
    neg: function () { return -1; },
    exp: function (a, b, y) { return y; },
    log: function (a) { return 1 / a; },
    reciprocal: function (a) { return -1 / (a * a); },
    sigmoid: function (a, b, y) { return y * (1 - y); },
    tanh: function (a, b, y) { return 1 - y * y; },
    relu: function (a) { return a > 0 ? 1 : 0; },
    pow: function (a, b, y, c) { return c * Math.pow(a, c - 1); },
  };

  function sigmoid(a) {
    if (a >= 0) return 1 / (1 + Math.exp(-a));
    var e = Math.exp(a);
    return e / (1 + e);
  }

  var FORWARD = {
    add: function (a, b) { return a + b; },
    add_const: function (a, b, c) { return a + c; },
    sub: function (a, b) { return a - b; },
    mul: function (a, b) { return a * b; },
    mul_const: function (a, b, c) { return a * c; },
    neg: function (a) { return -a; },
    exp: function (a) { if (a > 709) throw new Error("exp(" + number(a) + ")"); return Math.exp(a); },
    log: function (a) { if (a <= 0) throw new Error("log(" + number(a) + ")"); return Math.log(a); },
    reciprocal: function (a) { if (a === 0) throw new Error("1/0"); return 1 / a; },
    sigmoid: sigmoid,
    tanh: Math.tanh,
    relu: function (a) { return a > 0 ? a : 0; },
    pow: function (a, b, c) { return Math.pow(a, c); },
  };

  // Forward values and gradients of every node; inputs: {leaf id: number}.
  // Throws an Error naming the operation when the inputs cannot be computed.
  function evaluate(graph, inputs) {
    var value = {}, grad = {}, local = {};
    graph.nodes.forEach(function (n) {
      grad[n.id] = 0;
      if (!n.inputs.length) {
        value[n.id] = n.id in inputs ? Number(inputs[n.id]) : n.value;
        if (!isFinite(value[n.id])) throw new Error(n.label + " = " + inputs[n.id]);
        return;
      }
      var a = value[n.inputs[0]], b = n.inputs.length > 1 ? value[n.inputs[1]] : undefined;
      var y = FORWARD[n.kind](a, b, n.const);
      if (!isFinite(y)) throw new Error(n.label + " = " + y);
      value[n.id] = y;
      local[n.id] = n.inputs.map(function (_, slot) { return LOCAL[n.kind](a, b, y, n.const, slot); });
    });
    grad[graph.root] = 1;
    for (var i = graph.nodes.length - 1; i >= 0; i--) {
      var n = graph.nodes[i];
      n.inputs.forEach(function (p, slot) { grad[p] += grad[n.id] * local[n.id][slot]; });
    }
    graph.nodes.forEach(function (n) {
      if (!isFinite(grad[n.id])) throw new Error("\u2202/\u2202" + n.label + " = " + grad[n.id]);
    });
    return { value: value, grad: grad, local: local };
  }

  // 4 significant digits, as sitebuilder/transforms/stepper_data.py's number() writes them.
  function number(v) {
    var r = Number(Number(v).toPrecision(4));
    if (r === 0) return "0";
    var exponent = Math.floor(Math.log10(Math.abs(r)));
    var text = exponent < -4 || exponent >= 4 ? r.toExponential().replace("e+", "e") : String(r);
    return text.replace(/-/g, "\u2212");
  }

  // A number inside a formula: negatives in parentheses.
  function operand(v) {
    return v < 0 ? "(" + number(v) + ")" : number(v);
  }

  // The words' {placeholders}, as stepper_words.py writes them.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  window.backpropStepper = { evaluate: evaluate, number: number, operand: operand, fill: fill };
})();
