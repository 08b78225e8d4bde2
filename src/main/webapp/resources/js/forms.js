/* The error summary at the top of a page (the DSFR's pattern): it takes the focus when the page
   comes back with mistakes, and each of its links puts the keyboard focus in its field. */
(function () {
  function fieldOf(link) {
    var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && !target.matches("input, select, textarea, button")) {
      target = target.querySelector(
        "input:not([type=hidden]):not([aria-hidden=true]), select:not([aria-hidden=true]), textarea") || target;
    }
    return target;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".error-summary a[href^='#']") : null;
    var field = link ? fieldOf(link) : null;
    if (field) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: "center" });
    }
  });
  // A scanning page (its field has autofocus: the workshop's intake) keeps the focus in its field,
  // its text selected, so that the next scan replaces what was refused.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    var scan = document.querySelector("[autofocus]");
    if (scan) {
      scan.focus();
      if (scan.select) {
        scan.select();
      }
    } else if (summary) {
      summary.focus();
    }
  });
})();
