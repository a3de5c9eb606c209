// Account page: registering a passkey. The page carries the server's creation options (a fresh
// challenge); on the button's click the browser asks the authenticator to create a passkey, and
// the form posts its answer. Cancelling leaves the page as it was with a message.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('#create-passkey');
  if (!button) {
    return;
  }
  const form = button.closest('form');
  const problem = form.querySelector('.passkey-problem');
  problem.textContent = '';
  button.disabled = true;
  try {
    if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
      throw new DOMException('This browser cannot create passkeys here', 'NotSupportedError');
    }
    const options = PublicKeyCredential.parseCreationOptionsFromJSON(
      JSON.parse(form.dataset.options));
    const credential = await navigator.credentials.create({ publicKey: options });
    form.querySelector('input[name=credential]').value = JSON.stringify(credential.toJSON());
    form.submit();
  } catch (e) {
    button.disabled = false;
    problem.textContent = e.name === 'NotAllowedError' || e.name === 'AbortError'
      ? 'No passkey was created: it was cancelled or timed out. Choose “Create passkey” to try again.'
      : 'No passkey was created (' + e.name + '). Try again, or set up an authenticator app instead.';
    button.focus();
  }
});
