// Hosted step-up with a passkey: the page carries the server's assertion options; on the
// button's click the browser asks the authenticator, and the form posts its answer.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('#use-passkey');
  if (!button) {
    return;
  }
  const form = button.closest('form');
  const problem = form.querySelector('.passkey-problem');
  problem.textContent = '';
  try {
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseRequestOptionsFromJSON) {
      throw new DOMException('This browser cannot use passkeys here', 'NotSupportedError');
    }
    const options = PublicKeyCredential.parseRequestOptionsFromJSON(
      JSON.parse(form.dataset.options));
    const credential = await navigator.credentials.get({ publicKey: options });
    form.querySelector('input[name=credential]').value = JSON.stringify(credential.toJSON());
    form.submit();
  } catch (e) {
    problem.textContent = {
      NotAllowedError: 'The passkey prompt was cancelled, or this device has no passkey for this '
        + 'account. Try again, or use a recovery code.',
      NotSupportedError: 'This browser cannot use passkeys here. Use a recovery code instead.',
      SecurityError: 'Passkeys cannot be used on this address. Use a recovery code instead.',
    }[e.name] || 'Your passkey could not be used (' + e.name + '). Try again, or use a recovery code.';
    button.focus();
  }
});
