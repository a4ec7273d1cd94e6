// Accessibility fixes for parts of the page Material builds in the browser,
// where no template or setting reaches:
// * the search dialog gets a name (Material gives role="dialog" and no label);
// * each code block's button bar (<nav>) gets a name of its own, so screen
//   readers can tell the landmarks apart;
// * a table or diagram box that scrolls sideways can be scrolled from the keyboard.
// The work waits for the loaded page and an idle moment: reading box sizes
// while Material was still building its parts of the page made the browser
// lay out a long chapter once more (about 150 ms on a 4x-slowed phone CPU).
(function () {
  var ko = document.documentElement.lang === "ko";

  function label() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", ko ? "검색" : "Search");
    document.querySelectorAll(".md-code__nav:not([aria-label])").forEach(function (nav, index) {
      nav.setAttribute("aria-label", (ko ? "코드 블록 도구 " : "Code block tools ") + (index + 1));
    });
    document.querySelectorAll(".md-typeset__scrollwrap, div.diagram").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
    });
  }

  // Run when the browser is idle: the page has been laid out by then, so the
  // sizes read above cost nothing, and the work never lengthens the frames that
  // first draw the page (Safari has no requestIdleCallback).
  var idle = window.requestIdleCallback
    ? function (work) { requestIdleCallback(work, { timeout: 1000 }); }
    : function (work) { setTimeout(work, 100); };
  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    idle(function () {
      pending = false;
      label();
    });
  }
  window.addEventListener("load", function () {
    soon();
    new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  });
  window.addEventListener("resize", soon);
})();
