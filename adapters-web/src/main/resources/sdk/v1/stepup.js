// Step-up browser SDK, v1: an ES module served by the step-up server at /sdk/v1/stepup.js.
// Plain modern JavaScript with no dependencies and no build step; types in /sdk/v1/stepup.d.ts.
//
//   import { createStepUp } from 'https://stepup.example/sdk/v1/stepup.js';
//   const stepUp = createStepUp({ environment: 'demo', getSessionToken: () => session });
//   const answer = await stepUp.fetch('/api/export', { method: 'POST', scope: 'wallet:export' });
//
// With your own identity provider, exchangeToken({ environment, subjectToken: jwt }) first gives
// the session token.
//
// Elevated tokens live in this object's memory only (never localStorage, sessionStorage or
// cookies): a reload forgets them, which costs the user one more step-up and nothing else. A
// single-use token is dropped once the fetch wrapper has sent it; any token is dropped at expiry.

const TOKEN_HEADER = 'X-Elevated-Access-Token';
// The API version this SDK is written for, named on every call to the step-up server.
const API_VERSION_HEADER = 'Stepup-Api-Version';
const API_VERSION = '2026_04_01';
const STEP_UP_CHALLENGE = 'insufficient_user_authentication';
/** Tokens are treated as expired a little early, so one is never sent as it runs out. */
const EXPIRY_MARGIN_MS = 5000;
const POPUP_FEATURES = 'popup=yes,width=480,height=720';
const POPUP_POLL_MS = 250;
/** How long the outcome of a prompt popup that reads as closed may still be on its way. */
const CLOSED_GRACE_MS = 750;
/** How long a popup (prompt or social login) may stay open before the call gives up. */
const POPUP_TIMEOUT_MS = 15 * 60 * 1000;

/** Every failure of this SDK: {@code code} is the server's problem code or one of the SDK's. */
export class StepUpError extends Error {
  constructor(code, message, details = {}) {
    super(message || code);
    this.name = 'StepUpError';
    this.code = code;
    this.status = details.status;
    this.reason = details.reason;
    this.scope = details.scope;
    this.problem = details.problem;
  }
}

/**
 * Bring your own auth: exchanges the JWT the environment's trusted identity provider gave the user
 * for a step-up session (POST /sessions/token-exchange, RFC 8693), creating the user on first
 * sight. Resolves with { sessionId, sessionToken, expiresAt, userId, userCreated }; hand the
 * sessionToken to createStepUp. The page's origin must be one of the environment's browser origins.
 * Rejects with a StepUpError: invalid_subject_token, subject_token_expired, wrong_issuer,
 * wrong_audience, external_idp_not_configured, too_many_attempts (retryAfter: seconds), ...
 */
export async function exchangeToken(options = {}) {
  const { environment, subjectToken } = options;
  if (!environment || typeof environment !== 'string') {
    throw new StepUpError('validation_failed', 'environment: is required');
  }
  if (!subjectToken || typeof subjectToken !== 'string') {
    throw new StepUpError('validation_failed', 'subjectToken: is required');
  }
  const server = new URL(options.baseUrl || new URL('../../', import.meta.url));
  const url = server.href.replace(/\/+$/, '') + '/api/v1/environments/'
    + encodeURIComponent(environment) + '/sessions/token-exchange';
  const nativeFetch = options.fetch || globalThis.fetch.bind(globalThis);
  let response;
  try {
    response = await nativeFetch(url, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        [API_VERSION_HEADER]: API_VERSION,
      },
      body: JSON.stringify({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: subjectToken,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      }),
    });
  } catch (e) {
    throw new StepUpError('network_error', 'The step-up server could not be reached.', {
      reason: e && e.message,
    });
  }
  const json = await readJson(response);
  if (!response.ok) {
    const error = errorOf(response, json);
    const wait = Number(response.headers.get('Retry-After'));
    if (Number.isFinite(wait) && wait > 0) {
      error.retryAfter = wait;
    }
    throw error;
  }
  return {
    sessionId: json.sessionId,
    sessionToken: json.sessionToken,
    expiresAt: json.expiresAt,
    userId: json.userId,
    userCreated: json.userCreated === true,
  };
}

/**
 * A step-up client for one environment and one signed-in user.
 *
 * baseUrl: the step-up server (default: where this module was loaded from); environment: its
 * environment id; sessionToken or getSessionToken(): the user's session token, sent as a bearer
 * token to the step-up server only; onStepUpRequired({scope, scopes}): how the fetch wrapper steps
 * up after a challenge (default: promptStepUpAuth); scopeFor(request): the scope a request
 * needs when the call names none; ethereum: the EIP-1193 provider (default: window.ethereum).
 */
export function createStepUp(options = {}) {
  const {
    environment,
    sessionToken,
    getSessionToken,
    onStepUpRequired,
    scopeFor,
    ethereum,
    socialRedirectUri,
  } = options;
  if (!environment || typeof environment !== 'string') {
    throw new StepUpError('validation_failed', 'environment: is required');
  }
  if (!sessionToken && typeof getSessionToken !== 'function') {
    throw new StepUpError('validation_failed', 'sessionToken or getSessionToken: is required');
  }
  const server = new URL(options.baseUrl || new URL('../../', import.meta.url));
  const serverRoot = server.href.replace(/\/+$/, '');
  const apiBase = serverRoot + '/api/v1/environments/' + encodeURIComponent(environment);
  const nativeFetch = options.fetch || globalThis.fetch.bind(globalThis);
  /** scope -> { token, tokenId, scopes, singleUse, expiresAt (ms) } */
  const held = new Map();

  async function session() {
    const token = typeof getSessionToken === 'function' ? await getSessionToken() : sessionToken;
    if (!token) {
      throw new StepUpError('invalid_token', 'There is no signed-in user (no session token).');
    }
    return token;
  }

  function isStepUpServer(url) {
    return url === serverRoot || url.startsWith(serverRoot + '/');
  }

  /** One call to the step-up API with the session token; answers the JSON body or throws. */
  async function api(method, path, body) {
    const headers = {
      Accept: 'application/json',
      Authorization: 'Bearer ' + (await session()),
      [API_VERSION_HEADER]: API_VERSION,
    };
    const init = { method, headers, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await nativeFetch(apiBase + path, init);
    } catch (e) {
      throw new StepUpError('network_error', 'The step-up server could not be reached.', {
        reason: e && e.message,
      });
    }
    const json = await readJson(response);
    if (!response.ok) {
      throw errorOf(response, json);
    }
    return json;
  }

  // ---- tokens in memory ----

  function remember(answer) {
    if (!answer || typeof answer.elevatedAccessToken !== 'string') {
      throw new StepUpError('failed', 'The step-up server answered without a token.');
    }
    const scopes = wireScopes(answer.scopes);
    const entry = {
      token: answer.elevatedAccessToken,
      tokenId: answer.tokenId,
      scopes,
      singleUse: answer.singleUse === true || answer.singleUse === 'true',
      expiresAt: Date.parse(answer.expiresAt),
    };
    if (Number.isNaN(entry.expiresAt)) {
      throw new StepUpError('failed', 'The step-up server answered a token without expiry.');
    }
    for (const scope of scopes) {
      held.set(scope, entry);
    }
    return {
      elevatedAccessToken: entry.token,
      tokenId: entry.tokenId,
      scopes,
      singleUse: entry.singleUse,
      expiresAt: answer.expiresAt,
    };
  }

  function live(scope) {
    const entry = held.get(scope);
    if (!entry) {
      return null;
    }
    if (Date.now() >= entry.expiresAt - EXPIRY_MARGIN_MS) {
      held.delete(scope);
      return null;
    }
    return entry;
  }

  function drop(scope, entry) {
    if (held.get(scope) === entry) {
      held.delete(scope);
    }
  }

  function hasElevatedAccessToken(scope) {
    return typeof scope === 'string' && live(scope) !== null;
  }

  // ---- check ----

  async function checkStepUpAuth({ scope } = {}) {
    if (hasElevatedAccessToken(scope)) {
      return { isRequired: false, credentials: [], reason: 'presented_token' };
    }
    try {
      const answer = await api('POST', '/step-up/check', { scope });
      // Fails closed: anything but an explicit false means "required". A scope in monitor mode
      // answers false with reason "monitored": not required, the server counts it.
      const isRequired = answer.isRequired !== false;
      const result = {
        isRequired,
        credentials: Array.isArray(answer.credentials) ? answer.credentials : [],
        reason: !isRequired && typeof answer.reason === 'string' ? answer.reason : 'step_up_required',
      };
      if (typeof answer.defaultCredentialId === 'string') {
        result.defaultCredentialId = answer.defaultCredentialId;
      }
      return result;
    } catch (e) {
      return { isRequired: true, credentials: [], reason: 'step_up_required' };
    }
  }

  // ---- codes ----

  async function contactOf(format, credentialId, matches) {
    if (credentialId) {
      return credentialId;
    }
    const me = await api('GET', '/me');
    const candidates = (me.credentials || []).filter((c) => c.format === format && matches(c));
    const chosen = candidates.find((c) => c.signInEnabled) || candidates[0];
    if (!chosen) {
      throw new StepUpError(
        'no_eligible_credential',
        format === 'email' ? 'The user has no email address.' : 'The user has no such phone number.',
      );
    }
    return chosen.id;
  }

  async function sendEmailOTP({ credentialId } = {}) {
    const id = await contactOf('email', credentialId, () => true);
    return api('POST', '/step-up/otp/send', { credentialId: id });
  }

  async function sendSmsOTP({ credentialId, phoneNumber, countryCode } = {}) {
    const wanted = digits(phoneNumber);
    const id = await contactOf('phoneNumber', credentialId, (c) =>
      !wanted || digits(c.value).endsWith(wanted));
    void countryCode; // the linked number is already in international form
    return api('POST', '/step-up/otp/send', { credentialId: id });
  }

  // A verification may bind its token to one operation ({ resource, digest, maxAmount }); the
  // server refuses the token for any other (operation_mismatch) without spending it.
  function bound(body, operation) {
    if (operation !== undefined && operation !== null) {
      body.operation = operation;
    }
    return body;
  }

  async function verifyOTP({ verificationToken, token, requestedScopes, operation } = {}) {
    return remember(await api('POST', '/step-up/otp/verify', bound({
      verificationToken: verificationToken ?? token,
      requestedScopes: scopesOf(requestedScopes),
    }, operation)));
  }

  async function authenticateTotpMfaDevice({ code, deviceId, requestedScopes, operation } = {}) {
    const body = { code, requestedScopes: scopesOf(requestedScopes) };
    if (deviceId) {
      body.deviceId = deviceId;
    }
    return remember(await api('POST', '/step-up/totp/verify', bound(body, operation)));
  }

  async function authenticateMfaRecoveryCode({ code, requestedScopes, operation } = {}) {
    return remember(await api('POST', '/step-up/recovery-code/verify', bound({
      code,
      requestedScopes: scopesOf(requestedScopes),
    }, operation)));
  }

  // ---- passkey ----

  async function authenticatePasskeyMFA({ requestedScopes, operation } = {}) {
    const scopes = scopesOf(requestedScopes);
    if (!globalThis.navigator || !navigator.credentials || !globalThis.PublicKeyCredential) {
      throw new StepUpError('not_supported', 'This browser cannot use passkeys.');
    }
    const options = await api('POST', '/step-up/passkey/options', {});
    let credential;
    try {
      credential = await navigator.credentials.get({ publicKey: requestOptions(options.publicKey) });
    } catch (e) {
      throw passkeyError(e);
    }
    if (!credential) {
      throw new StepUpError('cancelled', 'No passkey was chosen.');
    }
    return remember(await api('POST', '/step-up/passkey/verify', bound({
      challengeId: options.challengeId,
      credential: assertionJson(credential),
      requestedScopes: scopes,
    }, operation)));
  }

  // ---- wallet ----

  async function verifyWallet({ walletId, requestedScopes, operation } = {}) {
    const scopes = scopesOf(requestedScopes);
    const wallet = ethereum || globalThis.ethereum;
    if (!wallet || typeof wallet.request !== 'function') {
      throw new StepUpError('no_wallet', 'No wallet was found in this browser.');
    }
    const body = { requestedScopes: scopes };
    if (walletId) {
      body.walletId = walletId;
    }
    const challenge = await api('POST', '/step-up/wallet/challenge', body);
    let signature;
    try {
      const accounts = await wallet.request({ method: 'eth_requestAccounts' });
      const connected = (accounts || []).some(
        (a) => String(a).toLowerCase() === challenge.address.toLowerCase());
      if (!connected) {
        throw new StepUpError('wallet_not_connected',
          'Connect the wallet ' + challenge.address + ' and try again.');
      }
      signature = await wallet.request({
        method: 'personal_sign',
        params: [utf8Hex(challenge.message), challenge.address],
      });
    } catch (e) {
      throw walletError(e);
    }
    return remember(await api('POST', '/step-up/wallet/verify', bound({
      challengeId: challenge.challengeId,
      signature,
      requestedScopes: scopes,
    }, operation)));
  }

  // ---- social ----

  async function verifySocial({ provider, requestedScopes, redirectUri } = {}) {
    const scopes = scopesOf(requestedScopes);
    if (!provider) {
      throw new StepUpError('validation_failed', 'provider: is required');
    }
    // Opened before any await, so the browser sees it as the user's click.
    const popup = openPopup('stepup-social');
    try {
      const landing = new URL(redirectUri || socialRedirectUri || location.origin + location.pathname,
        location.href);
      const query = new URLSearchParams();
      scopes.forEach((s) => query.append('requestedScopes', s));
      query.set('redirectUri', landing.href);
      const start = await api('GET',
        '/step-up/social/' + encodeURIComponent(provider) + '/authorize?' + query);
      popup.location.href = start.authorizationUrl;
      const outcome = await popupLanding(popup, landing.origin);
      if (outcome.get('outcome') !== 'success') {
        throw new StepUpError(outcome.get('code') || 'failed',
          outcome.get('message') || 'The social sign-in did not succeed.');
      }
      return remember({
        elevatedAccessToken: outcome.get('elevatedAccessToken'),
        tokenId: outcome.get('tokenId'),
        scopes: (outcome.get('scopes') || '').split(' '),
        singleUse: outcome.get('singleUse'),
        expiresAt: outcome.get('expiresAt'),
      });
    } finally {
      closeQuietly(popup);
    }
  }

  // ---- the hosted prompt ----

  async function promptStepUpAuth({ scopes, requestedScopes, mode } = {}) {
    const wanted = scopesOf(scopes ?? requestedScopes);
    const popup = openPopup('stepup-prompt');
    try {
      const body = { scopes: wanted, origin: location.origin };
      if (mode) {
        body.mode = mode;
      }
      let prompt;
      try {
        // The opener's origin must be one of the environment's browser origins (console).
        prompt = await api('POST', '/step-up/prompts', body);
      } catch (e) {
        throw new StepUpError('failed', e.message, { reason: e.code, status: e.status });
      }
      popup.location.href = new URL(prompt.url, serverRoot + '/').href;
      const result = await promptResult(popup, server.origin);
      const tokens = Array.isArray(result.tokens) ? result.tokens : [];
      const kept = tokens.map(remember);
      // No token when none was needed (the scope is not protected for this user).
      const covering = kept.find((t) => t.scopes.includes(wanted[0])) || kept[0];
      return covering ? covering.elevatedAccessToken : undefined;
    } finally {
      closeQuietly(popup);
    }
  }

  // ---- the fetch wrapper ----

  /**
   * fetch() that attaches the elevated token for the request's scope (init.scope, else
   * scopeFor(request)), the session token when the request goes to the step-up server, and after
   * an RFC 9470 challenge steps up once and retries once.
   */
  async function stepUpFetch(input, init = {}) {
    const { scope: given, ...rest } = init || {};
    const base = new Request(input, rest);
    let scope = given || (typeof scopeFor === 'function' ? scopeFor(base) : undefined);
    let response = await send(base, scope);
    const challenge = stepUpChallenge(response);
    if (!challenge) {
      return response;
    }
    const scopes = challenge.scopes.length ? challenge.scopes : scope ? [scope] : [];
    if (!scopes.length) {
      return response;
    }
    scope = scope && scopes.includes(scope) ? scope : scopes[0];
    const stepUp = typeof onStepUpRequired === 'function' ? onStepUpRequired : promptStepUpAuth;
    await stepUp({ scope, scopes, requestedScopes: scopes });
    return send(base, scope);
  }

  async function send(base, scope) {
    const request = new Request(base.clone());
    if (isStepUpServer(request.url) && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', 'Bearer ' + (await session()));
    }
    if (isStepUpServer(request.url) && !request.headers.has(API_VERSION_HEADER)) {
      request.headers.set(API_VERSION_HEADER, API_VERSION);
    }
    const entry = scope ? live(scope) : null;
    if (entry) {
      request.headers.set(TOKEN_HEADER, entry.token);
      if (entry.singleUse) {
        // Spent (or lost) once sent: never offered a second time.
        drop(scope, entry);
      }
    }
    const response = await nativeFetch(request);
    if (entry && response.status === 401) {
      drop(scope, entry);
    }
    return response;
  }

  return {
    checkStepUpAuth,
    hasElevatedAccessToken,
    sendEmailOTP,
    sendSmsOTP,
    verifyOTP,
    authenticateTotpMfaDevice,
    authenticateMfaRecoveryCode,
    authenticatePasskeyMFA,
    verifyWallet,
    verifySocial,
    promptStepUpAuth,
    fetch: stepUpFetch,
    /** Forgets every elevated token (for example when the user signs out). */
    resetState() {
      held.clear();
    },
  };
}

// ---- helpers (no state) ----

function scopesOf(scopes) {
  const list = typeof scopes === 'string' ? [scopes] : Array.isArray(scopes) ? scopes : [];
  const clean = list.filter((s) => typeof s === 'string' && s.length > 0);
  if (!clean.length) {
    throw new StepUpError('validation_failed', 'requestedScopes: name at least one scope');
  }
  return clean;
}

function wireScopes(scopes) {
  if (typeof scopes === 'string') {
    return scopes.split(' ').filter(Boolean);
  }
  return Array.isArray(scopes) ? scopes.filter((s) => typeof s === 'string') : [];
}

function digits(text) {
  return String(text || '').replace(/\D/g, '');
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return {};
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    return {};
  }
}

function errorOf(response, problem) {
  const code = typeof problem.code === 'string' ? problem.code
    : response.status === 401 ? 'invalid_token' : 'failed';
  return new StepUpError(code, problem.detail || problem.title || 'HTTP ' + response.status, {
    status: response.status,
    scope: problem.scope,
    problem,
  });
}

/** The RFC 9470 challenge of a 401, with the scopes it names; null for any other answer. */
function stepUpChallenge(response) {
  if (response.status !== 401) {
    return null;
  }
  const header = response.headers.get('WWW-Authenticate') || '';
  const params = {};
  for (const m of header.matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g)) {
    params[m[1].toLowerCase()] = m[2] ?? m[3];
  }
  if (params.error !== STEP_UP_CHALLENGE) {
    return null;
  }
  return { scopes: (params.scope || '').split(' ').filter(Boolean) };
}

function utf8Hex(text) {
  return '0x' + Array.from(new TextEncoder().encode(text))
    .map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fromBase64Url(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes.buffer;
}

function toBase64Url(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) {
    binary += String.fromCharCode(bytes[i]);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** PublicKeyCredentialRequestOptions from their JSON form (binary fields base64url). */
function requestOptions(json) {
  const options = { ...json, challenge: fromBase64Url(json.challenge) };
  if (Array.isArray(json.allowCredentials)) {
    options.allowCredentials = json.allowCredentials.map((c) => ({ ...c, id: fromBase64Url(c.id) }));
  }
  return options;
}

/** A PublicKeyCredential (assertion) in its JSON form, as credential.toJSON() gives it. */
function assertionJson(credential) {
  const r = credential.response;
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
    response: {
      clientDataJSON: toBase64Url(r.clientDataJSON),
      authenticatorData: toBase64Url(r.authenticatorData),
      signature: toBase64Url(r.signature),
      userHandle: r.userHandle ? toBase64Url(r.userHandle) : null,
    },
    clientExtensionResults: credential.getClientExtensionResults
      ? credential.getClientExtensionResults() : {},
  };
}

function passkeyError(e) {
  if (e && e.name === 'NotAllowedError') {
    return new StepUpError('cancelled',
      'The passkey prompt was cancelled, or this device has no passkey for this account.');
  }
  return new StepUpError('failed', 'The passkey could not be used (' + (e && e.name) + ').', {
    reason: e && e.name,
  });
}

function walletError(e) {
  if (e instanceof StepUpError) {
    return e;
  }
  if (e && (e.code === 4001 || e.code === 'ACTION_REJECTED')) {
    return new StepUpError('cancelled', 'The wallet did not sign the message.');
  }
  return new StepUpError('failed', 'The wallet could not sign (' + ((e && e.message) || e) + ').');
}

function openPopup(name) {
  const popup = window.open('about:blank', name, POPUP_FEATURES);
  if (!popup) {
    throw new StepUpError('failed', 'The browser blocked the step-up window.', {
      reason: 'popup_blocked',
    });
  }
  return popup;
}

function closeQuietly(popup) {
  try {
    if (!popup.closed) {
      popup.close();
    }
  } catch (e) {
    // already gone
  }
}

/**
 * Waits for the prompt's postMessage from the server's origin and from this popup only:
 * {type: 'stepup:result', status, tokens | reason}. Closing the popup first is a cancel.
 */
function promptResult(popup, serverOrigin) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const finish = (fn, value) => {
      window.removeEventListener('message', onMessage);
      clearInterval(timer);
      fn(value);
    };
    const onMessage = (event) => {
      const data = event.data;
      if (event.origin !== serverOrigin || event.source !== popup || !data
        || data.type !== 'stepup:result') {
        return;
      }
      if (data.status === 'success') {
        finish(resolve, data);
      } else if (data.status === 'cancelled') {
        finish(reject, new StepUpError('cancelled', 'The step-up was cancelled.', {
          reason: data.reason || 'cancelled',
        }));
      } else {
        finish(reject, new StepUpError('failed', 'The step-up did not succeed.', {
          reason: data.reason || 'failed',
        }));
      }
    };
    let closedSince = 0;
    const timer = setInterval(() => {
      if (popup.closed) {
        // The result page posts its outcome, then closes itself: the window can read as closed
        // before the message is delivered, so wait a moment before calling it a cancel.
        closedSince = closedSince || Date.now();
        if (Date.now() - closedSince >= CLOSED_GRACE_MS) {
          finish(reject, new StepUpError('cancelled', 'The step-up window was closed.', {
            reason: 'closed',
          }));
        }
      } else if (Date.now() - started > POPUP_TIMEOUT_MS) {
        finish(reject, new StepUpError('failed', 'The step-up took too long.', { reason: 'timeout' }));
      }
    }, POPUP_POLL_MS);
    window.addEventListener('message', onMessage);
  });
}

/** Waits until the popup is back on the landing origin with an outcome in its fragment. */
function popupLanding(popup, landingOrigin) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (popup.closed) {
        clearInterval(timer);
        reject(new StepUpError('cancelled', 'The sign-in window was closed.', { reason: 'closed' }));
        return;
      }
      if (Date.now() - started > POPUP_TIMEOUT_MS) {
        clearInterval(timer);
        reject(new StepUpError('failed', 'The sign-in took too long.', { reason: 'timeout' }));
        return;
      }
      let here;
      try {
        here = popup.location;
        if (here.origin !== landingOrigin || !here.hash.includes('outcome=')) {
          return;
        }
      } catch (e) {
        return; // still at the provider (another origin)
      }
      clearInterval(timer);
      resolve(new URLSearchParams(here.hash.slice(1)));
    }, POPUP_POLL_MS);
  });
}
