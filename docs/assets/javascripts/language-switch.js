// The language switch keeps the reader's place.
//
// A section has the same id in both languages (`## 제목 {#id}`, checked by
// tests/site/test_anchors.py), so the twin page has the same anchor. When
// the reader picks the other language in the header's selector, its link
// gets a fragment:
//   1. the address bar's, while that element is on screen;
//   2. else the section being read: the last heading (h2-h6) above the
//      reading line, a fifth of the way down below the header;
//   3. else none (the top of the page).
// Material replaces a switcher click with its own navigation, to the page
// it finds in sitemap.xml or to the bare link, without the fragment; so a
// plain click is handled here and goes no further, and the browser follows
// the link. No instant navigation needed; works from file:// (the offline
// edition's .html links) as on the site.
(function () {
  "use strict";
  var SWITCH = "a.md-select__link[hreflang]";
  var HEADINGS = ".md-content h2[id], .md-content h3[id], .md-content h4[id]," +
                 " .md-content h5[id], .md-content h6[id]";

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  function fragment() {
    var top = headerBottom();
    var id = "";
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      id = "";
    }
    var target = id && document.getElementById(id);
    if (target) {
      var box = target.getBoundingClientRect();
      if (box.bottom > top && box.top < window.innerHeight) {
        return "#" + encodeURIComponent(id);
      }
    }
    if (window.scrollY < 1) {
      return "";
    }
    var line = top + (window.innerHeight - top) / 5;
    var current = null;
    document.querySelectorAll(HEADINGS).forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= line) {
        current = heading;
      }
    });
    return current ? "#" + encodeURIComponent(current.id) : "";
  }

  function carry(event) {
    var link = event.target.closest && event.target.closest(SWITCH);
    if (!link) {
      return null;
    }
    var url = new URL(link.href, window.location.href);
    url.hash = fragment();
    link.href = url.href;
    return link;
  }

  // Before the browser reads the link: a new tab or a copied link also
  // gets the fragment.
  ["mousedown", "auxclick", "contextmenu", "keydown"].forEach(function (type) {
    document.addEventListener(type, carry, true);
  });
  document.addEventListener("click", function (event) {
    var link = carry(event);
    if (link && event.button === 0 && !link.target && !event.metaKey &&
        !event.ctrlKey && !event.shiftKey && !event.altKey) {
      event.stopPropagation();       // not Material's handler: ours has the #
    }
  }, true);
})();
