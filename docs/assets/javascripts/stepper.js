// Step-through computational graphs (figures written by site-builder/sitebuilder/transforms/stepper.py).
//
// Each <figure class="stepper"> holds a static SVG with every value and
// gradient (what a reader sees without JavaScript) and the traced graph as
// JSON. This script adds Previous/Next buttons above the graph (and ←/→ while
// one of them has focus), shows one step of the forward or backward pass at a
// time, announces it in an aria-live region, and recomputes the whole graph,
// its announcement and its SVG <desc> when an input is edited
// (stepper-math.js does the arithmetic, stepper-words.js the sentences).
//
// Stepping never moves the page: the buttons stay under the finger that
// taps them. Only the graph's own box scrolls (sideways, to the step's
// node), focus moves with preventScroll, and the announcement keeps the
// height of its longest step (a hidden copy of every step's words shares
// its grid cell).
(function () {
  "use strict";

  var math = window.backpropStepper;  // stepper-math.js and stepper-words.js, loaded first
  var number = math.number, fill = math.fill;
  var reducedMotion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;

  function Stepper(figure) {
    this.figure = figure;
    this.graph = JSON.parse(figure.querySelector("script.stepper-data").textContent);
    this.words = this.graph.words;
    this.say = math.words(this.graph);  // stepper-words.js
    this.byId = {};
    this.consumers = {};
    var self = this;
    this.graph.nodes.forEach(function (n) { self.byId[n.id] = n; self.consumers[n.id] = []; });
    this.graph.edges.forEach(function (e, i) { self.consumers[e.src].push(i); });
    this.inputs = {};
    this.graph.nodes.forEach(function (n) { if (!n.inputs.length) self.inputs[n.id] = n.value; });
    this.result = math.evaluate(this.graph, this.inputs);
    this.problem = "";  // why the current inputs cannot be computed ("" when they can)
    this.step = 0;
    this.stepOf = {};  // "forward:id" / "backward:id" -> step index
    this.graph.steps.forEach(function (s, i) { if (s.node) self.stepOf[s.phase + ":" + s.node] = i; });
    this.build();
    this.render();
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(text, className) {
    var b = element("button", "md-button stepper-button " + className, text);
    b.type = "button";
    return b;
  }

  Stepper.prototype.build = function () {
    var w = this.words, self = this, figure = this.figure;
    figure.classList.add("is-interactive");
    // Previous and Next side by side, the counter after them: its width
    // changes (9 -> 10) and must not move the buttons.
    var controls = element("div", "stepper-controls");
    this.previous = button(w.previous, "stepper-previous");
    this.next = button(w.next, "stepper-next");
    this.counter = element("span", "stepper-count");
    controls.append(this.previous, this.next, this.counter);
    var status = element("div", "stepper-status");
    this.text = element("p", "stepper-text");
    this.text.setAttribute("aria-live", "polite");
    this.text.id = figure.id + "-text";
    this.sizer = element("div", "stepper-sizer");
    this.sizer.setAttribute("aria-hidden", "true");
    status.append(this.text, this.sizer);
    var help = element("p", "stepper-help", w.help);

    var fields = element("fieldset", "stepper-inputs");
    fields.appendChild(element("legend", "", w.inputs));
    this.error = element("p", "stepper-error");
    this.error.id = figure.id + "-error";
    this.fields = {};
    this.leaves().forEach(function (n) {
      if (!n.editable) return;
      var label = element("label");
      var input = element("input");
      input.type = "number";
      input.step = "any";
      input.value = String(n.value);
      input.dataset.input = n.id;
      input.setAttribute("aria-describedby", self.error.id);
      input.addEventListener("input", function () { self.edit(); });
      label.append(element("span", "", n.label), input);
      fields.appendChild(label);
      self.fields[n.id] = input;
    });
    var reset = button(w.reset, "stepper-reset");
    reset.addEventListener("click", function () {
      self.graph.nodes.forEach(function (n) { if (self.fields[n.id]) self.fields[n.id].value = String(n.value); });
      self.edit();
    });
    fields.append(reset, this.error);

    this.scroll = figure.querySelector(".stepper-scroll");
    this.descs = figure.querySelectorAll(".stepper-graph desc");  // one per drawing (across, top to bottom)
    figure.insertBefore(controls, this.scroll);
    figure.insertBefore(status, this.scroll);
    figure.insertBefore(help, this.scroll);
    figure.appendChild(fields);
    this.size();

    this.previous.addEventListener("click", function () { self.go(self.step - 1); });
    this.next.addEventListener("click", function () { self.go(self.step + 1); });
    // The arrows step only from the buttons: in the graph's box they scroll
    // it, in an input field they move the caret.
    controls.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
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

  // Every step's words (and the problem, if any), hidden in the announcement's
  // grid cell: the cell is as tall as the longest, whatever the screen width.
  Stepper.prototype.size = function () {
    var texts = this.graph.steps.map(function (_, s) { return this.say.step(s, this.result); }, this);
    if (this.problem) texts.push(this.problem);
    this.sizer.replaceChildren.apply(this.sizer, texts.map(function (t) { return element("p", "", t); }));
  };

  Stepper.prototype.edit = function () {
    var inputs = {}, w = this.words, problem = "", invalid = null;
    for (var id in this.fields) {
      var text = this.fields[id].value.trim(), v = Number(text);
      if (text === "" || !isFinite(v)) {
        problem = problem || fill(w.invalid, { label: this.byId[id].label });
        invalid = invalid || id;
      }
      inputs[id] = v;
    }
    if (!problem) {
      try {
        this.result = math.evaluate(this.graph, Object.assign({}, this.inputs, inputs));
        Object.assign(this.inputs, inputs);
      } catch (error) {
        problem = fill(w.failed, { reason: error.message });
      }
    }
    for (var field in this.fields) {
      if (field === invalid) this.fields[field].setAttribute("aria-invalid", "true");
      else this.fields[field].removeAttribute("aria-invalid");
    }
    this.problem = problem;
    this.error.textContent = problem;
    this.size();
    this.render();
  };

  Stepper.prototype.go = function (step) {
    var last = this.graph.steps.length - 1;
    step = Math.max(0, Math.min(last, step));
    if (step === this.step || this.problem) return;
    this.step = step;
    this.render();
    this.reveal();
  };

  // Scroll the graph's box (never the page) so that the step's node is in the
  // middle; the first and last steps have no node and leave the box alone.
  Stepper.prototype.reveal = function () {
    var node = this.figure.querySelector(".stepper-node.is-current");
    var box = this.scroll;
    if (!node || box.scrollWidth <= box.clientWidth) return;
    var outer = box.getBoundingClientRect(), inner = node.getBoundingClientRect();
    var middle = inner.left + inner.width / 2 - (outer.left + box.clientLeft + box.clientWidth / 2);
    box.scrollTo({ left: box.scrollLeft + middle, behavior: reducedMotion && reducedMotion.matches ? "auto" : "smooth" });
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

  // Inputs that cannot be computed grey the graph and hide every number:
  // the last numbers that could be computed belong to other inputs.
  Stepper.prototype.render = function () {
    var self = this, r = this.result, steps = this.graph.steps, s = this.step;
    var shown = !this.problem, known = this.known(s), current = steps[s].node;
    // Every drawing (across and top to bottom): the hidden one is shown as it is when the column changes.
    this.graph.nodes.forEach(function (n) {
      self.figure.querySelectorAll('.stepper-node[data-node="' + n.id + '"]').forEach(function (g) {
        set(g.querySelector(".stepper-v"), number(r.value[n.id]), shown && known.value[n.id]);
        set(g.querySelector(".stepper-g"), "\u2202 " + number(r.grad[n.id]), shown && known.grad[n.id]);
        g.classList.toggle("is-current", shown && n.id === current);
      });
    });
    this.graph.edges.forEach(function (e, i) {
      self.figure.querySelectorAll('.stepper-edge[data-edge="' + i + '"]').forEach(function (g) {
        set(g.querySelector(".stepper-v"), number(r.value[e.src]), shown && known.value[e.src]);
        set(g.querySelector(".stepper-g"), "\u2202 " + number(r.grad[e.dst] * r.local[e.dst][e.slot]),
            shown && known.edgeGrad[i]);
        g.classList.toggle("is-current", shown && e.dst === current && steps[s].phase !== "seed");
      });
    });
    this.figure.classList.toggle("is-unavailable", !shown);
    if (shown) this.scroll.removeAttribute("aria-disabled");
    else this.scroll.setAttribute("aria-disabled", "true");
    this.counter.textContent = fill(this.words.step, { i: s + 1, n: steps.length });
    // A disabled button drops the focus to <body>, where ←/→ no longer reach
    // the figure: hand the focus to the other button, without scrolling.
    var focused = document.activeElement;
    this.previous.disabled = !shown || s === 0;
    this.next.disabled = !shown || s === steps.length - 1;
    if (focused === this.next && this.next.disabled && !this.previous.disabled) this.previous.focus({ preventScroll: true });
    if (focused === this.previous && this.previous.disabled && !this.next.disabled) this.next.focus({ preventScroll: true });
    this.text.textContent = shown ? this.say.step(s, r) : this.problem;
    var summary = this.say.summary(r, this.problem);
    this.descs.forEach(function (d) { d.textContent = summary; });
  };

  function set(element, text, visible) {
    element.textContent = text;
    element.classList.toggle("is-hidden", !visible);
  }

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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);  // Material's instant navigation swaps pages in place
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
