// The memo editor: keep the version the page's forms are based on in step with our own
// htmx saves. Each save answers with #memo-version (out of band): the new version and the
// version the save was made on. When that is the version this page knew, the change was
// ours alone and every form may move on to the new version. Otherwise someone else saved
// in between: the other forms keep their old version, so their next save meets the
// conflict check and shows both texts instead of overwriting.
(function () {
  "use strict";
  var known = null;

  function marker() {
    return document.getElementById("memo-version");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = marker();
    if (el) {
      known = el.dataset.version;
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    var el = marker();
    if (!el || known === null || el.dataset.version === known) {
      return;
    }
    if (el.dataset.previous === known) {
      known = el.dataset.version;
      document
        .querySelectorAll('#memo-editor input[name="expected_version"]')
        .forEach(function (input) {
          input.value = known;
        });
    }
  });
})();
