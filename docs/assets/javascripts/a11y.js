// Accessibility fixes for parts of the page Material builds in the browser,
// where no template or setting reaches:
// * the search dialog gets a name (Material gives role="dialog" and no label);
// * each code block's button bar (<nav>) gets a name of its own, so screen
//   readers can tell the landmarks apart;
// * a table or diagram box that scrolls sideways can be scrolled from the keyboard.
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

  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      label();
    });
  }
  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("resize", soon);
  document.addEventListener("DOMContentLoaded", label);
})();
