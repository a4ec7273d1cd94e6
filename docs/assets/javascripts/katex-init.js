// Render the \( \) and \[ \] spans that pymdownx.arithmatex (generic mode) leaves
// (notebook pages get the same spans from hooks/notebooks.py), again after every
// instant-navigation page change.
var MATH_SOURCES = [
  {
    selector: ".arithmatex",
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
  },
];

function renderMath() {
  if (typeof renderMathInElement !== "function") return;
  MATH_SOURCES.forEach(function (source) {
    document.querySelectorAll(source.selector).forEach(function (element) {
      renderMathInElement(element, { delimiters: source.delimiters, throwOnError: false });
    });
  });
}

if (typeof document$ !== "undefined") {
  document$.subscribe(renderMath);
} else {
  document.addEventListener("DOMContentLoaded", renderMath);
}
