// Amity on a phone: registers the service worker (sw.js), keeps a capture typed without a
// connection in the phone's queue (capture-queue.js) and sends the queue once Amity can be
// reached again: at start, when the connection returns, when the app becomes visible, and by
// Background Sync where the browser has it. Without JavaScript or IndexedDB the capture form
// simply posts, as it always did.
(function () {
  "use strict";
  var Q = window.AmityQueue;
  var SYNC_TAG = "amity-captures";

  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" })["catch"](function () {});
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "amity-queue") report(event.data.summary);
    });
  }
  if (!Q || !window.indexedDB || !window.crypto || !window.crypto.randomUUID) return;

  function pageToken() {
    var field = document.querySelector('input[name="csrf_token"]');
    if (field) return field.value;
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || ""; }
    catch (e) { return ""; }
  }
  // The token of a page fetched now: a page kept offline may carry one that has expired.
  function freshToken() {
    return fetch("/capture", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      return r.ok ? r.text() : "";
    }).then(function (html) {
      var found = /name="csrf_token" value="([^"]+)"/.exec(html);
      return found ? found[1] : "";
    }, function () { return ""; });
  }

  function flash(text) {
    var box = document.getElementById("flash");
    if (!box) return;
    box.innerHTML = "";
    var p = document.createElement("p");
    p.className = "flash flash-ok"; p.textContent = text;
    box.appendChild(p);
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  // The capture page lists what waits on this phone, and why, when something cannot go.
  function showQueue(summary) {
    var box = document.getElementById("capture-queue");
    if (!box) return Promise.resolve();
    return Q.all().then(function (entries) {
      box.innerHTML = "";
      box.hidden = !entries.length;
      if (!entries.length) return;
      var waiting = entries.filter(function (e) { return !e.problem; });
      var head = document.createElement("p");
      head.textContent = plural(waiting.length, "capture", "captures") + " saved on this phone, waiting to sync" +
        (waiting.length ? ": " + waiting.map(function (e) { return e.name; }).join(", ") + "." : ".");
      box.appendChild(head);
      if (summary && summary.signIn && waiting.length) {
        var sign = document.createElement("p");
        sign.setAttribute("role", "alert");
        sign.append("Your session has ended: ");
        var link = document.createElement("a");
        link.href = "/sign-in?next=%2Fcapture"; link.textContent = "sign in";
        sign.append(link, " and they will be sent. They stay on this phone until then.");
        box.appendChild(sign);
      }
      entries.filter(function (e) { return e.problem; }).forEach(function (e) {
        var row = document.createElement("p");
        row.className = "flash flash-error";
        row.textContent = "\u201c" + e.name + "\u201d could not be saved: " + e.problem + " ";
        var drop = document.createElement("button");
        drop.type = "button"; drop.className = "ghost"; drop.textContent = "Remove from this phone";
        drop.setAttribute("data-forget-capture", e.client_id);
        row.appendChild(drop);
        box.appendChild(row);
      });
    });
  }

  // What the last send that ran found (the page's or the worker's). A send skipped because
  // another was running (`busy`) found nothing: the list is drawn from what the other found,
  // so a worker's "sign in first" is not wiped by the page's skipped try.
  var known = null;
  function report(summary) {
    if (summary && !summary.busy) known = summary;
    if (summary && summary.sent) flash("Synced " + plural(summary.sent, "capture", "captures") + " made on this phone.");
    return showQueue(known);
  }

  function sync() {
    if (navigator.onLine === false) return showQueue(known);
    return Q.sendAll(pageToken(), freshToken).then(report, function () { return showQueue(known); });
  }

  function askForSync() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.getRegistration().then(function (reg) {
      if (reg && reg.sync) return reg.sync.register(SYNC_TAG);
    })["catch"](function () {});
  }

  function queue(form) {
    var fields = {};
    new FormData(form).forEach(function (value, key) { fields[key] = String(value); });
    var item = Q.entry(fields, pageToken());
    return Q.put(item).then(function () {
      var done = document.getElementById("capture-queued");
      if (done) { done.textContent = "Saved on this phone, will sync: " + item.name + "."; done.hidden = false; }
      ["name", "note", "client_id", "typed_on"].forEach(function (k) { if (form.elements[k]) form.elements[k].value = ""; });
      if (form.elements.name) form.elements.name.focus();
      askForSync();
      return showQueue(known);
    });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.matches("form[data-capture]")) {
      if (!form.elements.client_id.value) form.elements.client_id.value = window.crypto.randomUUID();
      if (!form.elements.typed_on.value) form.elements.typed_on.value = Q.today();
      if (navigator.onLine === false) { e.preventDefault(); queue(form); }
    } else if (form.getAttribute("action") === "/sign-out" && window.caches) {
      caches.keys().then(function (names) {  // the worker does this too, when it controls the page
        names.filter(function (n) { return n.indexOf("amity-pages-") === 0; })
          .forEach(function (n) { caches["delete"](n); });
      });
    }
  });
  document.addEventListener("click", function (e) {
    var drop = e.target.closest("[data-forget-capture]");
    if (drop) Q.remove(drop.getAttribute("data-forget-capture")).then(function () { return showQueue(known); });
  });
  window.addEventListener("online", sync);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") sync(); });

  var queued = /[?&]queued=/.test(window.location.search);
  var done = document.getElementById("capture-queued");
  if (queued && done) {
    done.textContent = "Saved on this phone, will sync."; done.hidden = false;
    var place = new URLSearchParams(window.location.search).get("place");
    var field = document.querySelector("form[data-capture] [name=place]");
    if (place && field && !field.value) field.value = place;  // the kept form: the same event
  }
  sync();
})();
