// People's mediation: opening the other side's SMS link. The key is in the fragment (never
// sent to the server, so never in a log): post it once, take it out of the address bar, and
// let the server keep it in this browser's session.
(function () {
  "use strict";
  var opener = document.getElementById("mediation-open");
  if (!opener) return;
  var match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    opener.querySelector("input[name=key]").value = decodeURIComponent(match[1]);
    history.replaceState(null, "", location.pathname);
    opener.submit();
  } else {
    opener.querySelector("[role=status]").textContent = "链接不完整，请重新点开短信中的链接，或拨打12348。";
  }
})();
