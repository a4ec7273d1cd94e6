// Settings for the site's mermaid (docs/assets/vendor/mermaid), loaded right
// after it on pages with a diagram. Material calls mermaid.initialize itself
// and offers no option for these, so its call is wrapped:
// diagrams keep their drawn width (labels stay at 16 px) instead of shrinking
// to the column; on a phone the diagram box scrolls sideways (extra.css, a11y.js).
(function () {
  if (typeof mermaid === "undefined") return;
  var initialize = mermaid.initialize.bind(mermaid);
  mermaid.initialize = function (config) {
    config = Object.assign({}, config);
    config.flowchart = Object.assign({}, config.flowchart, { useMaxWidth: false });
    return initialize(config);
  };
})();
