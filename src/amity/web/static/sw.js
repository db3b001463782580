// Amity's service worker, served as /sw.js (a classic script, scope /).
//
// What it keeps, and what never:
// - the static files (styles, scripts, icons) of this version: cache-first;
// - pages you opened with a connection, and the shell (/capture and /offline): network-first,
//   the kept copy only when Amity cannot be reached;
// - never a POST, an htmx partial, a JSON answer, a download, a redirect, a page marked
//   no-store (the sign-in page) or an error; signing out, or being sent to sign in, empties
//   the kept pages.
// A capture posted when the laptop cannot be reached goes to the phone's queue
// (capture-queue.js), sent later by the pages or by Background Sync.
"use strict";
importScripts("/static/capture-queue.js");

var VERSION = "__SHELL_VERSION__";
var STATIC = "amity-static-" + VERSION;
var PAGES = "amity-pages-" + VERSION;
var STATIC_FILES = [
  "/static/amity.css", "/static/amity.js", "/static/htmx.min.js", "/static/offline.js",
  "/static/capture-queue.js", "/static/icons/amity-192.png", "/static/icons/amity-512.png",
  "/static/icons/amity-maskable-512.png", "/manifest.webmanifest"
];
var SHELL_PAGES = ["/capture", "/offline"];
var NEVER = ["/sign-in", "/sign-out", "/sw.js"];
var KEPT_PAGES = 60;
var PATIENCE_MS = 6000;  // then a kept copy, if there is one, rather than a blank screen
var SYNC_TAG = "amity-captures";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return Promise.all(STATIC_FILES.map(function (url) {
      return fetch(url, { cache: "reload" }).then(function (r) { if (r.ok) return cache.put(url, r); });
    }));
  }).then(keepShell).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== STATIC && n !== PAGES; })
      .map(function (n) { return caches["delete"](n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request, url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/sign-out") {
    event.respondWith(forgetPages().then(function () { return fetch(request); }));
  } else if (request.method === "POST" && url.pathname === "/capture" && request.mode === "navigate") {
    event.respondWith(captureOrQueue(request));
  } else if (request.method !== "GET") {
    return;
  } else if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate" && url.pathname === "/sign-in") {
    event.waitUntil(forgetPages());  // sent to sign in: the session has ended
  } else if (request.mode === "navigate" && NEVER.indexOf(url.pathname) < 0) {
    event.respondWith(networkFirst(event, request, url));
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === SYNC_TAG) event.waitUntil(sendQueue());
});

self.addEventListener("message", function (event) {
  if (event.data === "forget-pages") event.waitUntil(forgetPages());
  if (event.data === "keep-shell") event.waitUntil(keepShell());
});

function cacheFirst(request) {
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

function networkFirst(event, request, url) {
  var network = fetch(request).then(function (response) {
    event.waitUntil(keepPage(url, response.clone()));
    return response;
  });
  var fallback = function () { return keptCopy(url); };
  var patience = new Promise(function (resolve) { setTimeout(resolve, PATIENCE_MS); })
    .then(function () { return caches.open(PAGES).then(function (c) { return c.match(url.href); }); });
  return Promise.race([network, patience.then(function (hit) { return hit || network; })])
    ["catch"](fallback);
}

function keptCopy(url) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(url.href).then(function (hit) {
      if (hit) return hit;
      if (url.pathname === "/capture") return cache.match("/capture", { ignoreSearch: true });
      return cache.match("/offline").then(function (shell) {
        return shell || new Response("Amity cannot be reached, and this page is not kept on this phone.",
          { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      });
    });
  });
}

// A page may be kept if it is the user's own page, as they saw it: a full HTML page, 200,
// not a redirect, not marked no-store.
function keepable(response) {
  var type = response.headers.get("Content-Type") || "";
  var control = response.headers.get("Cache-Control") || "";
  return response.status === 200 && !response.redirected && type.indexOf("text/html") === 0 &&
    control.indexOf("no-store") < 0;
}

function keepPage(url, response) {
  if (!keepable(response)) return Promise.resolve();
  return caches.open(PAGES).then(function (cache) {
    return cache.put(url.href, response).then(function () { return trim(cache); })
      .then(function () { return cache.match("/offline"); })
      .then(function (shell) { if (!shell) return keepShell(); });
  });
}

function keepShell() {
  return caches.open(PAGES).then(function (cache) {
    return Promise.all(SHELL_PAGES.map(function (path) {
      return fetch(path, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
        if (keepable(response)) return cache.put(new URL(path, self.location.origin).href, response);
      }, function () { return null; });
    }));
  });
}

function trim(cache) {
  return cache.keys().then(function (keys) {
    var shell = SHELL_PAGES.map(function (p) { return new URL(p, self.location.origin).href; });
    var pages = keys.filter(function (k) { return shell.indexOf(k.url) < 0; });
    return Promise.all(pages.slice(0, Math.max(0, pages.length - KEPT_PAGES))
      .map(function (k) { return cache["delete"](k); }));
  });
}

function forgetPages() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("amity-pages-") === 0; })
      .map(function (n) { return caches["delete"](n); }));
  });
}

// The capture form posted while the laptop cannot be reached, or after the session ended:
// keep it on the phone and show the form again, saying so (or the sign-in page first).
function captureOrQueue(request) {
  var copy = request.clone();
  var keep = function () {
    return copy.formData().then(function (form) {
      var fields = {};
      form.forEach(function (value, key) { fields[key] = String(value); });
      var item = self.AmityQueue.entry(fields, fields.csrf_token);
      return self.AmityQueue.put(item).then(function () {
        if (self.registration.sync) self.registration.sync.register(SYNC_TAG)["catch"](function () {});
        var next = "/capture?queued=" + encodeURIComponent(item.client_id) +
          "&place=" + encodeURIComponent(item.place);
        return Response.redirect(next, 303);
      });
    });
  };
  return fetch(request).then(function (response) {
    return response.status === 401 ? keep() : response;
  }, keep);
}

function sendQueue() {
  return self.AmityQueue.sendAll(null, null).then(function (summary) {
    return self.clients.matchAll({ type: "window" }).then(function (windows) {
      windows.forEach(function (w) { w.postMessage({ type: "amity-queue", summary: summary }); });
      if (summary.unreachable) throw new Error("Amity cannot be reached yet");  // retry later
    });
  });
}
