// Accessibility fixes for parts of the page Material builds in the browser,
// where no template or setting reaches:
// * the search dialog gets a name (Material gives role="dialog" and no label);
// * each code block's button bar (<nav>) gets a name of its own, so screen
//   readers can tell the landmarks apart;
// * a table or diagram box that scrolls sideways can be scrolled from the keyboard.
// Nothing here reads a size outside a ResizeObserver's report: reading the
// scroll boxes' widths from the load event made the browser lay out the whole
// chapter again (0.5-1 s on Lighthouse's 4x-slowed phone CPU, the longest task
// of chapter 6); the observer reports each box after the browser has laid it
// out for drawing, when reading its widths costs nothing.
(function () {
  var ko = document.documentElement.lang === "ko";

  function nameSearch() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", ko ? "검색" : "Search");
  }

  // Material adds a code block's tool bar when the block first comes on screen
  // (content.lazy in mkdocs.yml), so each block is watched for its own: a bar
  // is numbered by its block's place on the page, whenever it arrives.
  function nameToolBars() {
    document.querySelectorAll("pre:not(.mermaid) > code").forEach(function (code, index) {
      var block = code.parentElement;
      function name() {
        var nav = block.querySelector(":scope > .md-code__nav:not([aria-label])");
        if (nav) nav.setAttribute("aria-label", (ko ? "코드 블록 도구 " : "Code block tools ") + (index + 1));
        return !!nav;
      }
      if (name()) return;
      var watch = new MutationObserver(function () {
        if (name()) watch.disconnect();
      });
      watch.observe(block, { childList: true });
    });
  }

  // A box scrolls when its content grows past it (a table once the fonts are in)
  // or it narrows (a turned phone): both the box and its content are observed.
  var boxes = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target.closest(".md-typeset__scrollwrap, div.diagram");
      if (box && !box.hasAttribute("tabindex") && box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
    });
  });

  // Material has wrapped the tables by the load event: it mounts the page's
  // parts once, on DOMContentLoaded (no instant navigation here, which would
  // build them again on each page change).
  window.addEventListener("load", function () {
    nameSearch();
    nameToolBars();
    document.querySelectorAll(".md-typeset__scrollwrap, div.diagram").forEach(function (box) {
      boxes.observe(box);
      if (box.firstElementChild) boxes.observe(box.firstElementChild);
    });
  });
})();
