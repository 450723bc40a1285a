/// `/embed.js`: takes over `form[data-hakam-form]` when scripts run. No framework, no build step.
/// It posts JSON to `/comments` on the script's own origin with the form's language as
/// `Accept-Language`, shows field errors next to their fields, shows the author their comment,
/// remembers name/email/website in `localStorage` only with the consent box ticked, and fills
/// `[data-hakam-comments]` containers from `GET /comments`. All stored text goes in through
/// `textContent`, never as HTML.
enum EmbedScript {
    static let source = #"""
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : "";
  var storageKey = "hakam.commenter";
  var fieldInputs = { name: "author", email: "email", url: "url", body: "comment" };

  function remembered() {
    try { return JSON.parse(window.localStorage.getItem(storageKey) || "null"); } catch (e) { return null; }
  }
  function remember(form, consent) {
    try {
      if (!consent) { window.localStorage.removeItem(storageKey); return; }
      window.localStorage.setItem(storageKey, JSON.stringify({
        name: form.elements.author.value, email: form.elements.email.value, url: form.elements.url.value
      }));
    } catch (e) { /* storage unavailable: nothing remembered */ }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function isWebLink(url) { return /^https?:\/\/[^\s]+$/i.test(url || ""); }
  function formatDate(iso, lang) {
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
    } catch (e) { return iso; }
  }

  /* One comment as DOM, the same shape as the server's HTML. */
  function commentItem(comment, lang, pendingText, saysText) {
    var li = el("li", "hakam-comment" + (comment.status === "approved" ? "" : " hakam-comment-pending"));
    li.id = "comment-" + comment.id;
    var article = el("article", "hakam-comment-body");
    var header = el("header", "hakam-comment-meta");
    var author = el("b", "hakam-author");
    if (isWebLink(comment.url)) {
      var link = el("a", null, comment.name);
      link.href = comment.url;
      link.rel = "external nofollow ugc noopener";
      author.appendChild(link);
    } else {
      author.textContent = comment.name;
    }
    header.appendChild(author);
    header.appendChild(document.createTextNode(" "));
    header.appendChild(el("span", "says", saysText || ""));
    var time = el("time", null, formatDate(comment.created_at, lang));
    time.setAttribute("datetime", comment.created_at);
    header.appendChild(time);
    article.appendChild(header);
    if (comment.status !== "approved" && pendingText) {
      var notice = el("p", "hakam-pending", pendingText);
      notice.setAttribute("role", "status");
      article.appendChild(notice);
    }
    var content = el("div", "hakam-comment-content");
    String(comment.body).replace(/\r\n/g, "\n").split(/\n{2,}/).forEach(function (paragraph) {
      if (!paragraph.trim()) return;
      var p = el("p");
      paragraph.trim().split("\n").forEach(function (line, index) {
        if (index > 0) p.appendChild(document.createElement("br"));
        p.appendChild(document.createTextNode(line));
      });
      content.appendChild(p);
    });
    article.appendChild(content);
    li.appendChild(article);
    return li;
  }

  function threadList(thread) {
    var list = thread.querySelector(".hakam-comments");
    if (!list) {
      var empty = thread.querySelector(".hakam-empty");
      if (empty) empty.remove();
      list = el("ol", "hakam-comments");
      thread.appendChild(list);
    }
    return list;
  }

  function setStatus(form, text, kind) {
    var status = form.querySelector(".hakam-status");
    status.className = "hakam-status" + (kind ? " is-" + kind : "");
    status.textContent = text || "";
  }

  function clearErrors(form) {
    Object.keys(fieldInputs).forEach(function (field) {
      var input = form.elements[fieldInputs[field]];
      var slot = form.querySelector("#hakam-" + fieldInputs[field] + "-error");
      if (input) input.setAttribute("aria-invalid", "false");
      if (slot) slot.textContent = "";
    });
    setStatus(form, "", null);
  }

  function showErrors(form, payload) {
    var first = null;
    var general = [];
    var fields = (payload && payload.fields) || {};
    Object.keys(fields).forEach(function (field) {
      var name = fieldInputs[field];
      var input = name && form.elements[name];
      var slot = name && form.querySelector("#hakam-" + name + "-error");
      if (input && slot) {
        input.setAttribute("aria-invalid", "true");
        slot.textContent = fields[field].message;
        if (!first) first = input;
      } else {
        general.push(fields[field].message);
      }
    });
    if (general.length || !first) setStatus(form, general.length ? general.join(" ") : (payload && payload.message) || form.dataset.msgFailed, "error");
    if (first) first.focus();
  }

  function submit(form, event) {
    event.preventDefault();
    var lang = form.dataset.lang || document.documentElement.lang || "ar";
    var button = form.querySelector("button[type=submit]");
    var label = button.textContent;
    var payload = {
      post: form.dataset.post,
      name: form.elements.author.value,
      email: form.elements.email.value,
      url: form.elements.url.value || null,
      body: form.elements.comment.value
    };
    var parent = form.elements.comment_parent && form.elements.comment_parent.value;
    if (parent && parent !== "0") payload.parent = parent;
    [form.dataset.timingField, form.dataset.honeypotField].forEach(function (name) {
      if (name && form.elements[name]) payload[name] = form.elements[name].value;
    });
    clearErrors(form);
    button.disabled = true;
    button.textContent = button.dataset.sending || label;
    fetch(base + "/comments", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": lang, "Accept": "application/json" },
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      if (result.status === 201 && result.body) {
        var consent = form.elements["wp-comment-cookies-consent"];
        remember(form, consent && consent.checked);
        var pending = result.body.status !== "approved";
        setStatus(form, pending ? form.dataset.msgPending : form.dataset.msgPublished, pending ? null : "ok");
        var thread = document.querySelector(".hakam-thread");
        if (thread) {
          var item = commentItem(result.body, lang, form.dataset.msgPending, form.dataset.msgSays);
          threadList(thread).appendChild(item);
        }
        form.elements.comment.value = "";
      } else if (result.status === 422) {
        showErrors(form, result.body);
      } else {
        setStatus(form, (result.body && result.body.message) || form.dataset.msgFailed, "error");
      }
    }).catch(function () {
      setStatus(form, form.dataset.msgFailed, "error");
    }).then(function () {
      button.disabled = false;
      button.textContent = label;
    });
  }

  function loadThread(container) {
    var lang = container.dataset.lang || document.documentElement.lang || "ar";
    fetch(base + "/comments?per_page=100&post=" + encodeURIComponent(container.dataset.post), {
      headers: { "Accept-Language": lang, "Accept": "application/json" }
    }).then(function (response) { return response.ok ? response.json() : null; }).then(function (result) {
      if (!result) return;
      var thread = el("section", "hakam-thread");
      thread.lang = lang;
      thread.dir = lang === "ar" ? "rtl" : "ltr";
      var items = {};
      var list = el("ol", "hakam-comments");
      result.comments.forEach(function (comment) {
        var item = commentItem(comment, lang, null, container.dataset.says);
        items[comment.id] = item;
        var parent = comment.parent && items[comment.parent];
        if (parent) {
          var children = parent.querySelector(":scope > ol.children");
          if (!children) { children = el("ol", "children"); parent.appendChild(children); }
          children.appendChild(item);
        } else {
          list.appendChild(item);
        }
      });
      thread.appendChild(list);
      container.replaceChildren(thread);
    }).catch(function () { /* the page keeps whatever the server rendered */ });
  }

  function start() {
    var saved = remembered();
    document.querySelectorAll("form[data-hakam-form]").forEach(function (form) {
      if (saved) {
        form.elements.author.value = saved.name || "";
        form.elements.email.value = saved.email || "";
        form.elements.url.value = saved.url || "";
        var consent = form.elements["wp-comment-cookies-consent"];
        if (consent) consent.checked = true;
      }
      form.addEventListener("submit", function (event) { submit(form, event); });
    });
    document.querySelectorAll("[data-hakam-comments]").forEach(loadThread);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
"""#
}
