// Where keyboard focus goes when the page changes under it. The server marks the element
// that should take focus with data-focus-on-load (an error summary, a vote's confirmation);
// it must be focusable (tabindex="-1"). Without this, an htmx swap that removes the focused
// button drops focus to the top of the page, and an error summary goes unnoticed.
(function () {
  "use strict";

  function focusMarked() {
    var marked = document.querySelectorAll("[data-focus-on-load]");
    if (!marked.length) {
      return;
    }
    // Each marker is used once: a later swap elsewhere must not pull focus back here.
    marked.forEach(function (el) {
      el.removeAttribute("data-focus-on-load");
    });
    marked[0].focus();
  }

  // A link in an error summary: focus the field and show its label above it, which the
  // browser's own jump to the anchor would scroll out of view.
  function followSummaryLink(event) {
    var link = event.target.closest(".error-summary a[href^='#']");
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    event.preventDefault();
    // A radio or checkbox: its group's legend names the question, its own label an option.
    var group = (field.type === "radio" || field.type === "checkbox") && field.closest("fieldset");
    var caption =
      (group && group.querySelector("legend")) ||
      document.querySelector("label[for='" + CSS.escape(field.id) + "']") ||
      field;
    caption.scrollIntoView();
    field.focus({ preventScroll: true });
  }

  document.addEventListener("DOMContentLoaded", focusMarked);
  document.addEventListener("htmx:afterSettle", focusMarked);
  document.addEventListener("click", followSummaryLink);
})();
