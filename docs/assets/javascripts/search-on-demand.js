/* nnbook: fetch the search index when the reader reaches for search.
 *
 * Material requests search/search_index.json (about 0.7 MB, 0.15 MB
 * compressed) on every page load over http(s). This script, loaded in the
 * page's <head> before Material's bundle, holds that one request back until
 * the reader focuses the search box (by click, tap or keyboard shortcut),
 * or at once on a page opened from a search result (?h=...), whose
 * highlighting needs the index. From file:// (the offline edition)
 * Material already waits for the search box to open.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var wanted = /[?&]h=/.test(location.search);
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) want();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.nnbookSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.nnbookSearchIndex || wanted) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };
})();
