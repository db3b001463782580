// Amity's small script: keyboard shortcuts, copy a draft, tick everyone. No inline JS runs
// (the Content-Security-Policy forbids it); htmx does the partial page updates.
(function () {
  "use strict";
  var pending = "";

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function items() { return Array.prototype.slice.call(document.querySelectorAll("#agenda .item:not(.acted)")); }
  function selected() { return document.querySelector("#agenda .item.selected") || items()[0]; }
  function select(step) {
    var all = items(); if (!all.length) return;
    var now = all.indexOf(document.querySelector("#agenda .item.selected"));
    var next = Math.max(0, Math.min(all.length - 1, now + step));
    all.forEach(function (el) { el.classList.remove("selected"); });
    all[next].classList.add("selected"); all[next].focus();
  }
  function press(action) {
    var item = selected(); if (!item) return;
    var button = item.querySelector('[data-action="' + action + '"]');
    if (button) button.click();
  }
  function copy(id, button) {
    var area = document.getElementById(id); if (!area) return;
    var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy draft"; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () { area.select(); document.execCommand("copy"); done(); });
    } else { area.select(); document.execCommand("copy"); done(); }
  }

  function closeMenu(focusSummary) {
    var menu = document.querySelector(".nav-more[open]"); if (!menu) return false;
    menu.removeAttribute("open");
    if (focusSummary) menu.querySelector("summary").focus();
    return true;
  }

  document.addEventListener("click", function (e) {
    if (!e.target.closest(".nav-more")) closeMenu(false);  // a tap outside the menu closes it
    var target = e.target.closest("[data-copy]");
    if (target) { copy(target.getAttribute("data-copy"), target); }
  });
  document.addEventListener("focusin", function (e) {
    if (!e.target.closest(".nav-more")) closeMenu(false);  // tabbed past the menu's last link
  });
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-pick-all]")) {
      var form = e.target.closest("form");
      form.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = e.target.checked; });
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && closeMenu(true)) { e.preventDefault(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    var key = e.key;
    if (pending === "g") {
      pending = "";
      // `g` then a destination's key: the keys are the navigation's own (pages.py NAV).
      var place = /^[a-z]$/.test(key) && document.querySelector('.nav a[data-key="' + key + '"]');
      if (place) { e.preventDefault(); window.location.href = place.getAttribute("href"); }
      return;
    }
    if (key === "g") { pending = "g"; setTimeout(function () { pending = ""; }, 1200); return; }
    if (key === "?") { e.preventDefault(); window.location.href = "/help"; return; }
    if (key === "/") {
      e.preventDefault();
      var search = document.getElementById("q");
      if (search) { search.focus(); search.select(); } else { window.location.href = "/people#q"; }
      return;
    }
    if (document.getElementById("agenda")) {
      if (key === "j") { e.preventDefault(); select(1); }
      else if (key === "k") { e.preventDefault(); select(-1); }
      else if (key === "d") { press("done"); }
      else if (key === "s") { press("snooze"); }
      else if (key === "x") { press("skip"); }
      else if (key === "c") { var item = selected(); var b = item && item.querySelector("[data-copy]"); if (b) { copy(b.getAttribute("data-copy"), b); } }
      return;
    }
    var field = document.querySelector('[data-shortcut="' + key + '"]');
    if (field) { e.preventDefault(); if (field.tagName === "A") { field.click(); } else { field.focus(); } }
  });
  // Folded on a phone, open on a wider screen: the People filters.
  if (window.matchMedia && window.matchMedia("(min-width: 721px)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (d) { d.open = true; });
  }
  if (window.location.hash === "#q") { var q = document.getElementById("q"); if (q) q.focus(); }
})();
