// repmon triage app: keyboard shortcuts. No item data is ever read from or written into script.
//   Queue:  j / k  move the selection down / up;  Enter  opens the selected alert;  /  focuses the search.
//   Alert:  u  back to the queue;  n  focuses the note box;  d  focuses the dismiss reason.
(function () {
  "use strict";

  function typing(event) {
    var t = event.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue tr.row"));
  }

  function select(list, index) {
    list.forEach(function (row) { row.classList.remove("selected"); row.removeAttribute("aria-selected"); });
    var row = list[index];
    if (!row) { return; }
    row.classList.add("selected");
    row.setAttribute("aria-selected", "true");
    var link = row.querySelector("a.open");
    if (link) { link.focus({ preventScroll: true }); }
    row.scrollIntoView({ block: "nearest" });
  }

  function current(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].classList.contains("selected")) { return i; }
    }
    return -1;
  }

  function focus(id) {
    var el = document.getElementById(id);
    if (el) { el.focus(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event)) { return; }
    var list = rows();
    var key = event.key;
    if (list.length && (key === "j" || key === "k")) {
      var i = current(list);
      select(list, key === "j" ? Math.min(i + 1, list.length - 1) : Math.max(i - 1, 0));
      event.preventDefault();
    } else if (list.length && key === "Enter") {
      var row = list[current(list)];
      var link = row && row.querySelector("a.open");
      if (link && document.activeElement !== link) { link.click(); event.preventDefault(); }
    } else if (key === "/" && focus("search")) {
      event.preventDefault();
    } else if (key === "u") {
      var back = document.getElementById("back");
      if (back) { back.click(); event.preventDefault(); }
    } else if (key === "n" && focus("note")) {
      event.preventDefault();
    } else if (key === "d" && focus("dismiss-reason")) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var row = event.target.closest && event.target.closest("#queue tr.row");
    if (row && !event.target.closest("a")) {
      var link = row.querySelector("a.open");
      if (link) { link.click(); }
    }
  });
})();
