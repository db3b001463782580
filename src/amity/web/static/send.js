// One tap from a draft to the message (templates/_send.html). A send link opens the mail
// app, the messages app, or (after copying the draft) the person's LinkedIn profile; then
// the "Sent?" button appears, so marking the item done is a second, deliberate tap.
// A draft edited in its box is what is sent: the link is rebuilt from the box's text.
(function () {
  "use strict";

  function crlf(text) { return text.replace(/\r\n|\r|\n/g, "\r\n"); }
  function enc(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }
  function rebuilt(link, text) {
    var href = link.getAttribute("href");
    var via = link.getAttribute("data-via");
    if (via === "mail") return href.replace(/&body=.*$/, "&body=" + enc(crlf(text)));
    if (via === "text") return href.replace(/\?body=.*$/, "?body=" + enc(text));
    return href;
  }
  function copyText(text, area) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { fallback(area); });
    }
    fallback(area);
    return Promise.resolve();
  }
  function fallback(area) {
    if (!area) return;
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* the draft stays selected */ }
  }
  function reveal(box, link) {
    var form = box.querySelector(".send-done");
    if (!form) return;
    var fields = { via: link.getAttribute("data-via"), what: link.getAttribute("data-what"), note: link.getAttribute("data-note") };
    Object.keys(fields).forEach(function (name) {
      var input = form.querySelector('input[name="' + name + '"]');
      if (input) input.value = fields[name];
    });
    form.hidden = false;
    var status = form.querySelector(".send-status");
    if (status) status.textContent = link.hasAttribute("data-copy-first") ? "Draft copied: paste it in the message." : "";
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest(".send a[data-via]");
    if (!link) return;
    var box = link.closest(".send");
    var area = document.getElementById(box.getAttribute("data-send"));
    var text = area ? area.value : "";
    if (area && area.value !== area.defaultValue) link.setAttribute("href", rebuilt(link, text));
    if (link.hasAttribute("data-copy-first")) copyText(text, area);
    reveal(box, link);
  });
})();
