// Hands a host's prompt outcome to the window that opened this popup, on the one origin the host
// registered (never "*"), then closes the popup. The outcome leaves the page's markup at once.
(function () {
  'use strict';
  var holder = document.getElementById('prompt-result');
  if (!holder) {
    return;
  }
  var origin = holder.getAttribute('data-origin');
  var result = JSON.parse(holder.getAttribute('data-result'));
  holder.removeAttribute('data-result');
  if (window.opener && origin) {
    window.opener.postMessage(result, origin);
    window.close();
  }
})();
