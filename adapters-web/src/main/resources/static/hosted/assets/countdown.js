// Resend buttons wait out the server's resend interval: the button stays disabled and says how
// long is left, then works again. Without script the button works and the server explains.
function startCountdowns(root) {
  root.querySelectorAll('button[data-wait]').forEach((button) => {
    let left = parseInt(button.dataset.wait, 10);
    button.removeAttribute('data-wait');
    const note = document.getElementById('resend-wait');
    if (!(left > 0)) {
      return;
    }
    button.disabled = true;
    const tick = () => {
      if (left <= 0) {
        button.disabled = false;
        if (note) {
          note.textContent = '';
        }
        return;
      }
      if (note) {
        note.textContent = 'You can ask for a new code in ' + left + ' s.';
      }
      left -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  });
}

document.addEventListener('DOMContentLoaded', () => startCountdowns(document));
document.addEventListener('htmx:afterSwap', (event) => startCountdowns(event.target));
