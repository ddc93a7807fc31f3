// "使用我的位置" on the nearest-services page: asks the browser for the position and submits
// the same form with it. Without JavaScript (or permission) the street/village choice works.
(function () {
  "use strict";
  var button = document.getElementById("use-location");
  var form = document.getElementById("nearest-form");
  if (!button || !form || !navigator.geolocation) return;
  var status = document.getElementById("location-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = "正在获取您的位置……";
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById("f-lat").value = position.coords.latitude.toFixed(6);
      document.getElementById("f-lon").value = position.coords.longitude.toFixed(6);
      document.getElementById("f-from").value = "";
      form.submit();
    }, function () {
      status.textContent = "无法获取您的位置（可能未允许定位）。请在上方选择您所在的街道或村（社区）。";
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 300000 });
  });
})();
