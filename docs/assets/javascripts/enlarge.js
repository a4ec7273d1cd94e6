// Figures open full screen: a tap on an enlarge button (written under each
// figure by site-builder/sitebuilder/transforms/enlarge_buttons.py) shows a
// copy of the figure in a modal <dialog>, at its own size or up to twice it to
// fill the screen: a diagram's and a step-through graph's wide drawing, a plot's
// image. The browser scrolls and pinch-zooms it; the close button, Escape, a tap
// beside it and the back button close it, and focus goes back to the button.
// On load this only adds one listener; the dialog is built on the first tap.
(function () {
  var WORDS = {
    ko: { close: "닫기", dialog: "크게 본 그림" },
    en: { close: "Close", dialog: "Enlarged figure" },
  };
  // Material's "close" icon (templates/.icons/material/close.svg), as the theme draws its own buttons.
  var CLOSE_ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 ' +
    '10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"></path></svg>';
  var MAX_SCALE = 2;
  var dialog, stage, opener;

  function build() {
    var words = WORDS[document.documentElement.lang === "en" ? "en" : "ko"];
    dialog = document.createElement("dialog");
    dialog.className = "enlarged";
    dialog.setAttribute("aria-label", words.dialog);
    dialog.innerHTML = '<button type="button" class="enlarged-close"></button>' +
      '<div class="enlarged-stage" tabindex="0"></div>';
    var close = dialog.querySelector(".enlarged-close");
    close.setAttribute("aria-label", words.close);
    close.title = words.close;
    close.innerHTML = CLOSE_ICON;
    close.addEventListener("click", function () { dialog.close(); });
    stage = dialog.querySelector(".enlarged-stage");
    stage.setAttribute("aria-label", words.dialog);
    stage.setAttribute("role", "region");
    // A tap on the stage beside the figure closes it, as a tap on the backdrop would.
    stage.addEventListener("click", function (event) { if (event.target === stage) dialog.close(); });
    dialog.addEventListener("close", closed);
    window.addEventListener("popstate", function () { if (dialog.open) dialog.close(); });
    document.body.appendChild(dialog);
  }

  // The drawing copied with ids of its own: a step-through graph's description and arrowheads are found by id.
  function renamed(svg) {
    var copy = svg.cloneNode(true);
    copy.querySelectorAll("style").forEach(function (style) { style.remove(); });
    copy.querySelectorAll("[id]").forEach(function (element) {
      var id = element.id;
      element.id = id + "-enlarged";
      copy.querySelectorAll('[aria-labelledby="' + id + '"]').forEach(function (e) {
        e.setAttribute("aria-labelledby", id + "-enlarged");
      });
      copy.querySelectorAll('[marker-end="url(#' + id + ')"]').forEach(function (e) {
        e.setAttribute("marker-end", "url(#" + id + "-enlarged)");
      });
    });
    if (copy.getAttribute("aria-labelledby")) copy.setAttribute("aria-labelledby", copy.getAttribute("aria-labelledby") + "-enlarged");
    return copy;
  }

  // [what to show, its own width in px] for the figure holding the button.
  function copyOf(figure) {
    var kind = figure.getAttribute("data-figure");
    if (kind === "plot") {
      var image = figure.querySelector("img");
      return [image.cloneNode(false), image.naturalWidth || image.width];
    }
    if (kind === "stepper") {
      var graph = figure.querySelector("svg.stepper-wide");
      return [renamed(graph), graph.width.baseVal.value];
    }
    // A diagram: its drawings live in a shadow root, with their own stylesheet; the copy gets one too.
    var root = figure.querySelector(".diagram").shadowRoot;
    var drawing = root.querySelector(".wide svg") || root.querySelector("svg");
    var host = document.createElement("div");
    var shadow = host.attachShadow({ mode: "open" });
    shadow.innerHTML = "<style>svg{display:block;max-width:none;height:auto}</style>";
    shadow.appendChild(drawing.cloneNode(true));
    return [host, drawing.width.baseVal.value];
  }

  function open(button) {
    if (!dialog) build();
    var shown = copyOf(button.closest(".enlargeable"));
    var content = shown[0];
    var width = shown[1];
    stage.replaceChildren(content);
    opener = button;
    dialog.showModal();
    var room = stage.clientWidth - 24;
    if (width) {
      var target = content.shadowRoot ? content.shadowRoot.querySelector("svg") : content;
      target.style.width = Math.min(width * MAX_SCALE, Math.max(width, room)) + "px";
    }
    stage.scrollTo(0, 0);
    history.pushState({ enlarged: true }, "");
  }

  function closed() {
    stage.replaceChildren();
    if (history.state && history.state.enlarged) history.back();
    if (opener) opener.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".enlarge-button");
    if (button) open(button);
  });
})();
