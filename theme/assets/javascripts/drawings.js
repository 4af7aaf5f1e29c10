// Networks are drawn at their own size; where the column is narrower their figure scrolls
// sideways. It opens on the middle of the drawing, where an entry's own network has the
// entry itself, rather than on its left edge.
(function () {
  "use strict";

  function centre() {
    for (const figure of document.querySelectorAll(".ea-figure--network, .ea-figure--explore")) {
      const spare = figure.scrollWidth - figure.clientWidth;
      if (spare > 0) {
        figure.scrollLeft = spare / 2;
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", centre);
  } else {
    centre();
  }
})();
