// Diagrams are SVG drawings inside declarative shadow roots (<template
// shadowrootmode="open">, written by site-builder/sitebuilder/transforms/diagrams.py). Browsers from before
// 2023-2024 (Chrome 111, Safari 16.4, Firefox 123) leave such a template
// unrendered; this attaches it by hand there and does nothing elsewhere.
// Deferred: it runs once the page is parsed, with every diagram in place.
(function () {
  if (HTMLTemplateElement.prototype.hasOwnProperty("shadowRootMode")) return;
  document.querySelectorAll("div.diagram > template[shadowrootmode]").forEach(function (template) {
    var root = template.parentNode.attachShadow({ mode: template.getAttribute("shadowrootmode") });
    root.appendChild(template.content);
    template.remove();
  });
})();
