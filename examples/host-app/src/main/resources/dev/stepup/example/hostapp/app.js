// The example host app's page: signs in to this app, then calls this app's own backend through
// the step-up SDK's fetch wrapper. On the backend's RFC 9470 challenge the SDK opens the step-up
// prompt in a popup, the user verifies there, and the SDK retries the call with the token.
const config = document.body.dataset;
const { createStepUp } = await import(config.sdkUrl);

let stepUp = null;
const $ = (id) => document.getElementById(id);

function show(text, ok) {
  const result = $('result');
  result.textContent = text;
  result.className = ok ? 'ok' : 'refused';
  const entry = document.createElement('li');
  entry.textContent = text;
  entry.className = result.className;
  $('log').append(entry);
}

function originProblem() {
  $('origin-warning').hidden = false;
  $('origin-warning').textContent = 'The step-up server at ' + config.stepUpUrl
    + ' does not accept calls from this page (' + location.origin + '), or is not running. Add '
    + location.origin + ' to "Allowed browser origins" on the environment\'s console page ('
    + config.stepUpUrl + '/admin/environments/' + encodeURIComponent(config.environment)
    + '), then try again.';
}

/** A call the SDK can make only when this origin is allowed (CORS); a refusal is a network error. */
async function probeOrigin(sessionToken) {
  try {
    await fetch(config.stepUpUrl + '/api/v1/environments/' + encodeURIComponent(config.environment)
      + '/me', { headers: { Authorization: 'Bearer ' + sessionToken }, credentials: 'omit' });
  } catch (e) {
    originProblem();
  }
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await fetch('/api/sign-in', {
    method: 'POST',
    body: new URLSearchParams({ email: $('email').value }),
  });
  const body = await answer.json();
  if (!answer.ok) {
    show(body.detail, false);
    return;
  }
  // The session token stays in this page's memory; the SDK keeps elevated tokens there too.
  stepUp = createStepUp({
    baseUrl: config.stepUpUrl,
    environment: body.environment,
    sessionToken: body.sessionToken,
  });
  $('who').textContent = body.email;
  $('wallet').hidden = false;
  $('sign-in-form').hidden = true;
  await probeOrigin(body.sessionToken);
});

async function protectedCall(label, path, scope) {
  try {
    const response = await stepUp.fetch(path, { method: 'POST', scope });
    const body = await response.json();
    show(label + ': ' + (response.ok ? body.message : 'refused (' + body.code + ')'), response.ok);
  } catch (e) {
    if (e.code === 'failed' && ['origin_not_allowed', 'network_error'].includes(e.reason)) {
      originProblem();
    }
    show(label + ': ' + (e.code === 'cancelled' ? 'step-up cancelled' : 'step-up ' + e.code
      + (e.reason ? ' (' + e.reason + ')' : '')), false);
  }
}

$('export').addEventListener('click', () => protectedCall('Export', '/api/export', 'wallet:export'));
$('send').addEventListener('click', () => protectedCall('Send', '/api/send', 'wallet:sign'));
$('sign-in').disabled = false;
