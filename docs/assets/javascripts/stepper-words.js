// The sentences of the step-through graphs, in the page's language.
//
// The wording comes with each graph's JSON (site-builder/sitebuilder/transforms/
// stepper_words.py); this fills in the numbers of the current inputs: the
// words of each step for the aria-live announcement (stepper.js), and the
// whole graph in one sentence for the SVG's <desc>, which the build writes as
// sitebuilder/transforms/stepper_drawing.py's describe() does.
(function () {
  "use strict";

  var math = window.backpropStepper;  // stepper-math.js, loaded first
  var number = math.number, operand = math.operand, fill = math.fill;

  // {step(s, result), summary(result, problem)} for one graph.
  math.words = function (graph) {
    var w = graph.words, byId = {};
    graph.nodes.forEach(function (n) { byId[n.id] = n; });
    var leaves = graph.inputs.map(function (id) { return byId[id]; });  // in the order readers meet them
    var root = byId[graph.root];
    var operations = graph.nodes.filter(function (n) { return n.inputs.length; }).length;
    var seed = graph.steps.map(function (x) { return x.phase; }).indexOf("seed");

    function nodeName(n) {
      return fill(graph.names[n.kind], { op: n.label });
    }

    function inputs(r) {
      return leaves.map(function (l) { return l.label + " = " + number(r.value[l.id]); }).join(", ");
    }

    // Targets are given, not learned: their gradients are not listed.
    function gradients(r) {
      return leaves.filter(function (l) { return !l.given; })
        .map(function (l) { return "\u2202/\u2202" + l.label + " = " + number(r.grad[l.id]); }).join(", ");
    }

    function numbers(r, n, slot) {
      var a = r.value[n.inputs[0]], b = n.inputs.length > 1 ? r.value[n.inputs[1]] : undefined;
      var g = r.grad[n.id];
      return {
        a: operand(a), b: b === undefined ? "" : operand(b), c: operand(n.const), y: operand(r.value[n.id]),
        out: number(r.value[n.id]), g: operand(g), other: operand(slot === 0 ? b : a),
        local: operand(r.local[n.id][slot]), r: number(g * r.local[n.id][slot]),
      };
    }

    // The words of step s.
    function step(s, r) {
      var phase = graph.steps[s].phase, n = byId[graph.steps[s].node];
      if (phase === "start") return fill(w.start, { inputs: inputs(r) });
      if (phase === "forward") {
        return fill(w.forward, { k: s, n: operations }) + nodeName(n) + ": " +
          fill(graph.forward[n.kind], numbers(r, n, 0));
      }
      if (phase === "seed") return fill(w.seed, { root: root.caption || root.label });
      if (phase === "backward") {
        var rules = graph.backward[n.kind];
        var lines = n.inputs.map(function (p, slot) {
          var input = byId[p];
          var name = input.caption || (input.inputs.length ? nodeName(input) : input.label);
          return fill(w.to, { label: name }) + fill(rules[Math.min(slot, rules.length - 1)], numbers(r, n, slot));
        });
        return fill(w.backward, { k: s - seed, n: operations }) + nodeName(n) + ": " + lines.join("; ");
      }
      var checks = graph.checks.map(function (c) {
        return "\u2202/\u2202" + byId[c.target].label + " = " + c.label + " = " + number(r.value[c.plus]) +
          " \u2212 " + operand(r.value[c.minus]) + " = " + number(r.grad[c.target]);
      });
      return fill(w.done, { grads: gradients(r) }) + (checks.length ? " " + checks.join("; ") + "." : "");
    }

    // The whole graph in one sentence; with a problem, why there are no numbers.
    function summary(r, problem) {
      if (problem) return fill(w.unavailable, { title: w.title, problem: problem });
      return fill(w.summary, {
        title: w.title, inputs: inputs(r), grads: gradients(r),
        result: (root.caption || root.label) + " = " + number(r.value[root.id]),
      });
    }

    return { step: step, summary: summary };
  };
})();
