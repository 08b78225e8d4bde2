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
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
