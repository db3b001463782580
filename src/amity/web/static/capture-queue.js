// The phone's queue of captures made without a connection, in IndexedDB, shared by the pages
// (offline.js) and the service worker (sw.js, for Background Sync). No DOM here.
//
// An entry: {client_id, name, place, note, typed_on (the phone's day, YYYY-MM-DD), typed_at,
// token (the form's CSRF token), problem (the server's reason it cannot store it, if any)}.
// `send` delivers each waiting entry once to /capture/queued, one sender at a time across
// tabs and the worker (a Web Lock); the server stores a client_id once in any case.
(function (scope) {
  "use strict";
  var DB = "amity", STORE = "captures", LOCK = "amity-capture-sync";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = scope.indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "client_id" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode), result;
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
        var request = work(tx.objectStore(STORE));
        if (request) request.onsuccess = function () { result = request.result; };
      });
    });
  }
  function all() {
    return run("readonly", function (store) { return store.getAll(); }).then(function (entries) {
      return (entries || []).sort(function (a, b) { return a.typed_at < b.typed_at ? -1 : 1; });
    });
  }
  function put(entry) { return run("readwrite", function (store) { return store.put(entry); }); }
  function remove(id) { return run("readwrite", function (store) { return store["delete"](id); }); }

  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  function entry(fields, token) {
    return {
      client_id: fields.client_id || scope.crypto.randomUUID(),
      name: fields.name || "", place: fields.place || "", note: fields.note || "",
      event: fields.event || "",
      typed_on: fields.typed_on || today(), typed_at: new Date().toISOString(),
      token: token || fields.csrf_token || "", problem: ""
    };
  }

  function post(item, token) {
    var body = new URLSearchParams();
    ["name", "place", "note", "event", "client_id", "typed_on"].forEach(function (k) { body.set(k, item[k] || ""); });
    return scope.fetch("/capture/queued", {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual", cache: "no-store",
      headers: { "X-CSRF-Token": token || item.token, "Accept": "application/json" }
    });
  }
  function reason(response) {
    return response.json().then(function (doc) {
      return (doc && doc.error && doc.error.message) || "the server refused it";
    }, function () { return "the server refused it (" + response.status + ")"; });
  }

  // Send every waiting entry once. `freshToken()` (optional) gives a page's current CSRF
  // token when the one an entry was saved with has expired. Resolves to a summary:
  // {sent, waiting, problems, signIn, unreachable, busy}.
  function sendAll(token, freshToken) {
    var summary = { sent: 0, waiting: 0, problems: 0, signIn: false, unreachable: false, busy: false };
    function one(item, retried) {
      return post(item, token).then(function (response) {
        if (response.ok) return remove(item.client_id).then(function () { summary.sent += 1; return true; });
        if (response.status === 401 || response.type === "opaqueredirect") { summary.signIn = true; return false; }
        if (response.status === 403 && freshToken && !retried) {
          return freshToken().then(function (t) { if (!t) return false; token = t; return one(item, true); });
        }
        if (response.status >= 400 && response.status < 500 && [403, 408, 421, 429].indexOf(response.status) < 0) {
          return reason(response).then(function (why) { item.problem = why; return put(item); }).then(function () { return true; });
        }
        summary.unreachable = true; return false;  // busy or refused for now: later
      }, function () { summary.unreachable = true; return false; });
    }
    function loop() {
      return all().then(function (entries) {
        var next = entries.filter(function (e) { return !e.problem; });
        var step = function (i) {
          if (i >= next.length) return null;
          return one(next[i], false).then(function (goOn) { return goOn ? step(i + 1) : null; });
        };
        return step(0);
      });
    }
    function finish() {
      return all().then(function (entries) {
        summary.problems = entries.filter(function (e) { return e.problem; }).length;
        summary.waiting = entries.length - summary.problems;
        return summary;
      });
    }
    var locks = scope.navigator && scope.navigator.locks;
    if (locks) {
      return locks.request(LOCK, { ifAvailable: true }, function (lock) {
        if (!lock) { summary.busy = true; return null; }
        return loop();
      }).then(finish);
    }
    if (scope.__amitySending) { summary.busy = true; return finish(); }
    scope.__amitySending = true;
    return loop().then(function () { scope.__amitySending = false; return finish(); },
      function (error) { scope.__amitySending = false; throw error; });
  }

  scope.AmityQueue = { all: all, put: put, remove: remove, entry: entry, sendAll: sendAll, today: today };
})(self);
