// Fold the solution cells of the exercise notebooks behind one switch per run
// of consecutive cells, so a reader can try the exercise first.
(function () {
  var LABEL = { ko: "풀이 코드 보기", en: "Show the solution code" };

  function foldSolutions() {
    var language = document.documentElement.lang === "ko" ? "ko" : "en";
    var cells = document.querySelectorAll(".jp-Cell.celltag_solution");
    Array.prototype.forEach.call(cells, function (cell) {
      if (cell.parentElement.classList.contains("solution-body")) return;
      if (cell.parentElement.closest(".celltag_solution")) return; // the template nests one cell div in another
      var previous = cell.previousElementSibling;
      if (previous && previous.classList.contains("solution")) {
        previous.querySelector(".solution-body").appendChild(cell);
        return;
      }
      var details = document.createElement("details");
      details.className = "solution";
      var summary = document.createElement("summary");
      summary.textContent = LABEL[language];
      var body = document.createElement("div");
      body.className = "solution-body";
      details.appendChild(summary);
      details.appendChild(body);
      cell.parentElement.insertBefore(details, cell);
      body.appendChild(cell);
    });
  }

  if (window.document$) {
    window.document$.subscribe(foldSolutions); // Material: every page load
  } else {
    document.addEventListener("DOMContentLoaded", foldSolutions);
  }
})();
