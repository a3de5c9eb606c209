// Hosted step-up with an external wallet: the page carries a Sign-In with Ethereum message; on the
// button's click the injected wallet (EIP-1193 window.ethereum) signs it with personal_sign, and
// the form posts the signature. The server checks who signed.
function toHex(text) {
  return '0x' + Array.from(new TextEncoder().encode(text))
    .map((b) => b.toString(16).padStart(2, '0')).join('');
}

document.addEventListener('click', async (event) => {
  const button = event.target.closest('#use-wallet');
  if (!button) {
    return;
  }
  const form = button.closest('form');
  const problem = form.querySelector('.wallet-problem');
  problem.textContent = '';
  const wallet = window.ethereum;
  if (!wallet || typeof wallet.request !== 'function') {
    problem.textContent = 'No wallet was found in this browser. Open this page in a browser with '
      + 'your wallet installed, or choose another way below.';
    button.focus();
    return;
  }
  button.disabled = true;
  try {
    await wallet.request({ method: 'eth_requestAccounts' });
    const signature = await wallet.request({
      method: 'personal_sign',
      params: [toHex(form.dataset.message), form.dataset.address],
    });
    form.querySelector('input[name=signature]').value = signature;
    form.submit();
  } catch (e) {
    const cancelled = e && (e.code === 4001 || e.code === 'ACTION_REJECTED');
    problem.textContent = cancelled
      ? 'You did not sign the message. Try again, or choose another way below.'
      : 'Your wallet could not sign the message (' + ((e && e.message) || 'unknown error')
        + '). Try again, or choose another way below.';
    button.disabled = false;
    button.focus();
  }
});
