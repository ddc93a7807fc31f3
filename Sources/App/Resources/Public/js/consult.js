// The live parts of the consultation pages. Without this script every form still works
// (posts and reloads); with it, a conversation updates as it happens and the desk refreshes.
// Messages are numbered by the server: the client keeps the last number it has, resumes
// from it after any reconnect, and ignores a number it already shows.
(function () {
  "use strict";

  function socketURL(path) {
    return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // MARK: a conversation

  var box = document.getElementById("conversation");
  if (box) conversation(box);

  function conversation(box) {
    var list = document.getElementById("messages");
    var typing = document.getElementById("typing");
    var stateLabel = document.getElementById("conversation-state");
    var form = document.getElementById("composer");
    var asker = box.dataset.role === "asker";
    var last = parseInt(box.dataset.after, 10) || 0;
    var state = box.dataset.state;
    var socket = null, retry = 1000, typingTimer = null, lastTyping = 0, ended = false;
    // Sent but not yet acknowledged, by client id (lower case, as uuid() makes it; the server's
    // frames are compared the same way).
    var pending = {};
    function key(id) { return String(id || "").toLowerCase(); }

    function who(m) {
      if (m.author === "system") return "系统提示";
      if (m.author === "asker") return asker ? "我" : m.authorName;
      return asker ? m.authorName + "（工作人员）" : m.authorName;
    }

    function append(m) {
      if (m.seq <= last || list.querySelector('[data-seq="' + m.seq + '"]')) return;
      var li = document.createElement("li");
      var mine = (m.author === "asker") === asker && m.author !== "system";
      li.className = "message " + m.author + (mine ? " mine" : "");
      li.dataset.seq = m.seq;
      li.id = "m-" + m.id;
      var name = document.createElement("span"); name.className = "who"; name.textContent = who(m);
      var time = document.createElement("time"); time.dateTime = m.at; time.textContent = m.clock;
      var p = m.file ? fileParagraph(m.file) : document.createElement("p");
      if (!m.file) p.textContent = m.body;
      li.appendChild(name); li.appendChild(document.createTextNode(" ")); li.appendChild(time); li.appendChild(p);
      list.appendChild(li);
      last = m.seq;
      li.scrollIntoView({ block: "end" });
    }

    // An image shows small and opens full size; a PDF is a link with its size.
    function fileParagraph(f) {
      var p = document.createElement("p"); p.className = "file";
      var a = document.createElement("a"); a.href = f.url;
      if (f.image) {
        a.target = "_blank"; a.rel = "noopener";
        var img = document.createElement("img"); img.src = f.url; img.alt = "图片：" + f.name; img.loading = "lazy";
        a.appendChild(img); p.appendChild(a);
      } else {
        a.textContent = "📄 " + f.name; p.appendChild(a);
        p.appendChild(document.createTextNode("（PDF，" + f.size + "）"));
      }
      return p;
    }

    function markRead(seq) {
      Array.prototype.forEach.call(list.querySelectorAll("li.mine"), function (li) {
        if (parseInt(li.dataset.seq, 10) <= seq && !li.querySelector(".read")) {
          var r = document.createElement("span"); r.className = "read"; r.textContent = "已读"; li.appendChild(r);
        }
      });
    }

    function sendRead() {
      if (socket && socket.readyState === 1 && document.visibilityState === "visible") socket.send(JSON.stringify({ type: "read", seq: last }));
    }

    function connect() {
      socket = new WebSocket(socketURL(box.dataset.live + "?after=" + last));
      socket.onopen = function () { retry = 1000; sendRead(); resendPending(); };
      socket.onmessage = function (event) {
        var frame = JSON.parse(event.data);
        if (frame.type === "update") {
          (frame.messages || []).forEach(append);
          if ((frame.messages || []).length) { typing.textContent = ""; }
          if (frame.queueText) { var q = document.getElementById("queue-text"); if (q) q.textContent = frame.queueText; }
          if (frame.state && frame.state !== state) { location.reload(); return; }
          sendRead();
        } else if (frame.type === "ack") {
          delete pending[key(frame.clientId)];
        } else if (frame.type === "typing") {
          typing.textContent = asker ? "工作人员正在输入…" : "咨询人正在输入…";
          clearTimeout(typingTimer);
          typingTimer = setTimeout(function () { typing.textContent = ""; }, 4000);
        } else if (frame.type === "read") {
          markRead(frame.seq);
        } else if (frame.type === "error") {
          showError(frame.message);
          var refused = pending[key(frame.clientId)];
          if (refused !== undefined) {
            delete pending[key(frame.clientId)];
            // Nothing typed is lost: a refused message goes back into the box (before anything
            // typed since), to be sent again when the page says.
            if (field) field.value = field.value ? refused + "\n" + field.value : refused;
          }
          // Signed out or no longer allowed: the server closed the socket; don't knock again.
          if (frame.code === "gone") ended = true;
        }
      };
      socket.onclose = function () {
        socket = null;
        if (ended) return;
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 15000);
      };
    }

    function showError(text) {
      var note = document.getElementById("composer-error");
      if (!note && form) {
        note = document.createElement("p"); note.id = "composer-error"; note.className = "field-error"; note.setAttribute("role", "alert");
        form.insertBefore(note, form.querySelector("button"));
      }
      if (note) note.textContent = text;
    }

    // Sent but not yet acknowledged: sent again (same id, stored once) after a reconnect.
    function resendPending() {
      Object.keys(pending).forEach(function (id) { socket.send(JSON.stringify({ type: "message", clientId: id, body: pending[id] })); });
    }

    var field = form ? form.querySelector("textarea[name=body]") : null;
    if (form) {
      form.addEventListener("submit", function (event) {
        if (!socket || socket.readyState !== 1) return; // the page posts the form instead
        event.preventDefault();
        var body = field.value.trim();
        if (!body) { showError("请输入消息内容"); return; }
        var id = uuid();
        pending[id] = body;
        socket.send(JSON.stringify({ type: "message", clientId: id, body: body }));
        field.value = "";
        showError("");
        field.focus();
      });
      field.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
      });
      field.addEventListener("input", function () {
        var now = Date.now();
        if (socket && socket.readyState === 1 && now - lastTyping > 3000) { lastTyping = now; socket.send(JSON.stringify({ type: "typing" })); }
      });
    }
    document.addEventListener("visibilitychange", sendRead);
    if (window.WebSocket && ["waiting", "active", "callback", "awaitingReply"].indexOf(state) >= 0) connect();
  }

  // MARK: opening a conversation from an SMS link

  // The key is in the fragment (never sent to the server, so never in a log): post it once,
  // take it out of the address bar, and let the server keep it in this browser's session.
  var opener = document.getElementById("consult-open");
  if (opener) {
    var match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
    if (match) {
      opener.querySelector("input[name=key]").value = decodeURIComponent(match[1]);
      history.replaceState(null, "", location.pathname);
      opener.submit();
    } else {
      opener.querySelector("[role=status]").textContent = "链接不完整，请重新点开短信中的链接，或拨打12348。";
    }
  }

  // MARK: the desk

  var desk = document.getElementById("desk");
  if (desk && window.WebSocket) deskLive(desk);

  function deskLive(desk) {
    var retry = 1000, refreshing = false;
    function refresh() {
      if (refreshing) return;
      refreshing = true;
      fetch(location.href, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("desk");
        var current = document.getElementById("desk");
        if (fresh && current && !current.contains(document.activeElement)) current.innerHTML = fresh.innerHTML;
      }).finally(function () { refreshing = false; });
    }
    function connect() {
      var socket = new WebSocket(socketURL(desk.dataset.live));
      socket.onopen = function () { retry = 1000; };
      socket.onmessage = refresh;
      socket.onclose = function () { setTimeout(connect, retry); retry = Math.min(retry * 2, 15000); };
    }
    connect();
    // Waiting times move on even when nothing happens.
    setInterval(refresh, 15000);
  }
})();
