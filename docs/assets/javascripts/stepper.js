// Step-through computational graphs (figures written by site-builder/sitebuilder/transforms/stepper.py).
//
// Each <figure class="stepper"> holds a static SVG with every value and
// gradient (what a reader sees without JavaScript) and the traced graph as
// JSON. This script adds Previous/Next buttons and the ←/→ keys, shows one
// step of the forward or backward pass at a time, announces it in an
// aria-live region, and recomputes the whole graph when an input is edited:
// evaluate() below is a small twin of snippets.tracer.Value, and the tests
// check it against the tracer.
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

  function operand(v) {
    return v < 0 ? "(" + number(v) + ")" : number(v);
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  function Stepper(figure) {
    this.figure = figure;
    this.graph = JSON.parse(figure.querySelector("script.stepper-data").textContent);
    this.words = this.graph.words;
    this.byId = {};
    this.consumers = {};
    var self = this;
    this.graph.nodes.forEach(function (n) { self.byId[n.id] = n; self.consumers[n.id] = []; });
    this.graph.edges.forEach(function (e, i) { self.consumers[e.src].push(i); });
    this.inputs = {};
    this.graph.nodes.forEach(function (n) { if (!n.inputs.length) self.inputs[n.id] = n.value; });
    this.result = evaluate(this.graph, this.inputs);
    this.step = 0;
    this.stepOf = {};  // "forward:id" / "backward:id" -> step index
    this.graph.steps.forEach(function (s, i) { if (s.node) self.stepOf[s.phase + ":" + s.node] = i; });
    this.build();
    this.render();
  }

  Stepper.prototype.build = function () {
    var w = this.words, self = this, figure = this.figure;
    figure.classList.add("is-interactive");
    var controls = document.createElement("div");
    controls.className = "stepper-controls";
    this.previous = button(w.previous, "stepper-previous");
    this.next = button(w.next, "stepper-next");
    this.counter = document.createElement("span");
    this.counter.className = "stepper-count";
    controls.append(this.previous, this.counter, this.next);
    this.text = document.createElement("p");
    this.text.className = "stepper-text";
    this.text.setAttribute("aria-live", "polite");
    this.text.id = figure.id + "-text";
    var help = document.createElement("p");
    help.className = "stepper-help";
    help.textContent = w.help;

    var fields = document.createElement("fieldset");
    fields.className = "stepper-inputs";
    var legend = document.createElement("legend");
    legend.textContent = w.inputs;
    fields.appendChild(legend);
    this.fields = {};
    this.leaves().forEach(function (n) {
      if (!n.editable) return;
      var label = document.createElement("label");
      var name = document.createElement("span");
      name.textContent = n.label;
      var input = document.createElement("input");
      input.type = "number";
      input.step = "any";
      input.value = String(n.value);
      input.dataset.input = n.id;
      input.addEventListener("input", function () { self.edit(); });
      label.append(name, input);
      fields.appendChild(label);
      self.fields[n.id] = input;
    });
    var reset = button(w.reset, "stepper-reset");
    reset.addEventListener("click", function () {
      self.graph.nodes.forEach(function (n) { if (self.fields[n.id]) self.fields[n.id].value = String(n.value); });
      self.edit();
    });
    fields.appendChild(reset);
    this.error = document.createElement("p");
    this.error.className = "stepper-error";
    this.error.setAttribute("role", "alert");
    fields.appendChild(this.error);

    var scroll = figure.querySelector(".stepper-scroll");
    figure.insertBefore(controls, scroll);
    figure.insertBefore(this.text, scroll);
    figure.insertBefore(help, scroll);
    figure.appendChild(fields);

    this.previous.addEventListener("click", function () { self.go(self.step - 1); });
    this.next.addEventListener("click", function () { self.go(self.step + 1); });
    figure.addEventListener("keydown", function (event) {
      if (event.target.tagName === "INPUT" || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "ArrowRight") self.go(self.step + 1);
      else if (event.key === "ArrowLeft") self.go(self.step - 1);
      else return;
      event.preventDefault();
    });
  };

  // The inputs in the order the example lists them (the nodes are in topological order).
  Stepper.prototype.leaves = function () {
    var self = this;
    return this.graph.inputs.map(function (id) { return self.byId[id]; });
  };

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button stepper-button " + className;
    b.textContent = text;
    return b;
  }

  Stepper.prototype.edit = function () {
    var inputs = {}, self = this, w = this.words;
    for (var id in this.fields) {
      var text = this.fields[id].value.trim();
      var v = Number(text);
      if (text === "" || !isFinite(v)) {
        this.error.textContent = fill(w.invalid, { label: this.byId[id].label });
        return;
      }
      inputs[id] = v;
    }
    try {
      this.result = evaluate(this.graph, Object.assign({}, this.inputs, inputs));
    } catch (error) {
      this.error.textContent = fill(w.failed, { reason: error.message });
      return;
    }
    this.error.textContent = "";
    Object.assign(this.inputs, inputs);
    self.render();
  };

  Stepper.prototype.go = function (step) {
    var last = this.graph.steps.length - 1;
    step = Math.max(0, Math.min(last, step));
    if (step === this.step) return;
    this.step = step;
    this.render();
    this.showCurrent();
  };

  // Keep the step's node and the nodes it reads in view by scrolling the graph's
  // own box, never the page (scrollIntoView would scroll the page as well); the
  // first and last steps are about the inputs, on the left.
  Stepper.prototype.showCurrent = function () {
    var box = this.figure.querySelector(".stepper-scroll");
    var current = this.figure.querySelector(".stepper-node.is-current");
    if (!current) { box.scrollLeft = 0; return; }
    var id = current.getAttribute("data-node"), boxLeft = box.getBoundingClientRect().left;
    var shown = [current].concat([].slice.call(this.figure.querySelectorAll(".stepper-edge")).filter(function (e) {
      return e.getAttribute("data-dst") === id;
    }).map(function (e) {
      return this.figure.querySelector('.stepper-node[data-node="' + e.getAttribute("data-src") + '"]');
    }, this).filter(Boolean));
    var rects = shown.map(function (g) { return g.getBoundingClientRect(); });
    var left = Math.min.apply(null, rects.map(function (r) { return r.left; })) - boxLeft + box.scrollLeft;
    var right = Math.max.apply(null, rects.map(function (r) { return r.right; })) - boxLeft + box.scrollLeft;
    var own = current.getBoundingClientRect(), margin = 12;
    // The inputs too where they fit beside the node; else the node itself, centred.
    var target = right - left + 2 * margin <= box.clientWidth
      ? Math.min(left - margin, Math.max(box.scrollLeft, right + margin - box.clientWidth))
      : own.left - boxLeft + box.scrollLeft - (box.clientWidth - own.width) / 2;
    box.scrollTo({ left: Math.max(0, target), behavior: "instant" });
  };

  // What is known after step s: a node's value once it is computed (inputs from
  // the start), an edge's gradient once its consumer has sent it back, a node's
  // gradient once every consumer has.
  Stepper.prototype.known = function (s) {
    var self = this, steps = this.graph.steps;
    function reached(key) { return key in self.stepOf && self.stepOf[key] <= s; }
    var value = {}, edgeGrad = {}, grad = {};
    this.graph.nodes.forEach(function (n) {
      value[n.id] = !n.inputs.length || reached("forward:" + n.id);
    });
    this.graph.edges.forEach(function (e, i) { edgeGrad[i] = reached("backward:" + e.dst); });
    this.graph.nodes.forEach(function (n) {
      if (n.id === self.graph.root) grad[n.id] = reached("seed:" + n.id);
      else grad[n.id] = self.consumers[n.id].length > 0 && self.consumers[n.id].every(function (i) { return edgeGrad[i]; });
    });
    if (steps[s].phase === "done") for (var id in grad) grad[id] = true;
    return { value: value, edgeGrad: edgeGrad, grad: grad };
  };

  Stepper.prototype.render = function () {
    var self = this, r = this.result, steps = this.graph.steps, s = this.step;
    var known = this.known(s);
    var current = steps[s].node;
    // Every drawing (across and top to bottom): the hidden one is shown as it is when the column changes.
    this.graph.nodes.forEach(function (n) {
      self.figure.querySelectorAll('.stepper-node[data-node="' + n.id + '"]').forEach(function (g) {
        set(g.querySelector(".stepper-v"), number(r.value[n.id]), known.value[n.id]);
        set(g.querySelector(".stepper-g"), "\u2202 " + number(r.grad[n.id]), known.grad[n.id]);
        g.classList.toggle("is-current", n.id === current);
      });
    });
    this.graph.edges.forEach(function (e, i) {
      self.figure.querySelectorAll('.stepper-edge[data-edge="' + i + '"]').forEach(function (g) {
        set(g.querySelector(".stepper-v"), number(r.value[e.src]), known.value[e.src]);
        set(g.querySelector(".stepper-g"), "\u2202 " + number(r.grad[e.dst] * r.local[e.dst][e.slot]), known.edgeGrad[i]);
        g.classList.toggle("is-current", e.dst === current && steps[s].phase !== "seed");
      });
    });
    this.counter.textContent = fill(this.words.step, { i: s + 1, n: steps.length });
    // A disabled button drops the focus to <body>, where ←/→ no longer reach
    // the figure: hand the focus to the other button first.
    var focused = document.activeElement;
    this.previous.disabled = s === 0;
    this.next.disabled = s === steps.length - 1;
    if (focused === this.next && this.next.disabled) this.previous.focus();
    if (focused === this.previous && this.previous.disabled) this.next.focus();
    this.text.textContent = this.describe(s);
  };

  function set(element, text, visible) {
    element.textContent = text;
    element.classList.toggle("is-hidden", !visible);
  }

  Stepper.prototype.nodeName = function (n) {
    return fill(this.graph.names[n.kind], { op: n.label });
  };

  // The words of step s, with the numbers of the current inputs.
  Stepper.prototype.describe = function (s) {
    var self = this, w = this.words, r = this.result, graph = this.graph, step = graph.steps[s];
    var leaves = this.leaves();
    var operations = graph.nodes.filter(function (n) { return n.inputs.length; }).length;
    var n = step.node && this.byId[step.node];
    if (step.phase === "start") {
      return fill(w.start, { inputs: leaves.map(function (l) { return l.label + " = " + number(r.value[l.id]); }).join(", ") });
    }
    if (step.phase === "forward") {
      var k = graph.steps.indexOf(step);
      return fill(w.forward, { k: k, n: operations }) + this.nodeName(n) + ": " +
        fill(graph.forward[n.kind], this.numbers(n, 0));
    }
    if (step.phase === "seed") {
      var root = this.byId[graph.root];
      return fill(w.seed, { root: root.caption || root.label });
    }
    if (step.phase === "backward") {
      var rules = graph.backward[n.kind];
      var lines = n.inputs.map(function (p, slot) {
        var input = self.byId[p];
        var name = input.caption || (input.inputs.length ? self.nodeName(input) : input.label);
        return fill(w.to, { label: name }) +
          fill(rules[Math.min(slot, rules.length - 1)], self.numbers(n, slot));
      });
      var j = s - graph.steps.indexOf(graph.steps.filter(function (x) { return x.phase === "seed"; })[0]);
      return fill(w.backward, { k: j, n: operations }) + this.nodeName(n) + ": " + lines.join("; ");
    }
    // Targets are given, not learned: their gradients are not listed.
    var grads = leaves.filter(function (l) { return !l.given; })
      .map(function (l) { return "\u2202/\u2202" + l.label + " = " + number(r.grad[l.id]); }).join(", ");
    var checks = graph.checks.map(function (c) {
      return "\u2202/\u2202" + self.byId[c.target].label + " = " + c.label + " = " + number(r.value[c.plus]) +
        " \u2212 " + operand(r.value[c.minus]) + " = " + number(r.grad[c.target]);
    });
    return fill(w.done, { grads: grads }) + (checks.length ? " " + checks.join("; ") + "." : "");
  };

  Stepper.prototype.numbers = function (n, slot) {
    var r = this.result;
    var a = r.value[n.inputs[0]], b = n.inputs.length > 1 ? r.value[n.inputs[1]] : undefined;
    var g = r.grad[n.id];
    return {
      a: operand(a), b: b === undefined ? "" : operand(b), c: operand(n.const), y: operand(r.value[n.id]),
      out: number(r.value[n.id]), g: operand(g), other: operand(slot === 0 ? b : a),
      local: operand(r.local[n.id][slot]), r: number(g * r.local[n.id][slot]),
    };
  };

  function start() {
    document.querySelectorAll("figure.stepper:not(.is-interactive)").forEach(function (figure) {
      try {
        figure.stepper = new Stepper(figure);
      } catch (error) {
        figure.classList.remove("is-interactive");  // the static figure stays as it is
        if (window.console) console.warn("stepper:", error);
      }
    });
  }

  window.backpropStepper = { evaluate: evaluate, number: number };
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
