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
    problem.textContent =
      'Your passkey was not used (' + e.name + '). Try again, or use a recovery code.';
    button.focus();
  }
});
