// Types for the step-up browser SDK v1, served beside it at /sdk/v1/stepup.d.ts.
// Use with: import { createStepUp } from 'https://stepup.example/sdk/v1/stepup.js';
// TypeScript: save this file (e.g. types/stepup.d.ts) and map the URL to it in tsconfig.json:
//   "paths": { "https://stepup.example/sdk/v1/stepup.js": ["./types/stepup.d.ts"] }

/**
 * A scope, `namespace:action` in lowercase: a built-in ("wallet:export", "wallet:sign",
 * "wallet:refresh", "wallet:reshare", "credential:link", "credential:unlink") or one the
 * environment's admins added, e.g. "payments:send". A scope the environment does not know is
 * refused with `unknown_scope`.
 */
export type TokenScope = string;

/** Credential formats as the API names them. */
export type CredentialFormat =
  | 'email'
  | 'phoneNumber'
  | 'oauth'
  | 'blockchain'
  | 'passkey'
  | 'totp';

export interface StepUpCredential {
  id: string;
  format: CredentialFormat;
  type?: string;
  alias?: string;
}

/**
 * Why check answered as it did: "step_up_required", or why not: "step_up_disabled",
 * "scope_not_protected", "presented_token" (a live token for the scope is held), or "monitored"
 * (the scope is in monitor mode: not required, but the server counts what enforcing would ask).
 */
export type StepUpCheckReason =
  | 'step_up_required'
  | 'step_up_disabled'
  | 'scope_not_protected'
  | 'presented_token'
  | 'monitored';

export interface StepUpCheckResponse {
  isRequired: boolean;
  credentials: StepUpCredential[];
  /** The recommended credential: the default MFA device, else the sign-in credential. */
  defaultCredentialId?: string;
  /** Why; "monitored" is not required like the other reasons but "step_up_required". */
  reason: StepUpCheckReason;
}

/** What a verification hands back; the SDK has already stored the token in memory. */
export interface ElevatedToken {
  elevatedAccessToken: string;
  tokenId: string;
  scopes: TokenScope[];
  singleUse: boolean;
  /** ISO-8601 UTC. */
  expiresAt: string;
}

/**
 * The one operation a verification binds its token to; each part given must match when the token
 * is used, else the server answers 403 operation_mismatch and the token is not spent.
 */
export interface OperationBinding {
  /** What the operation acts on, e.g. a wallet id (1-128 visible ASCII characters). */
  resource?: string;
  /**
   * SHA-256 of the exact message or transaction (64 hex digits or 43 base64url characters); the
   * demo wallet's sign digests the UTF-8 bytes of the message it signs.
   */
  digest?: string;
  /** The most the operation may move: an exact decimal as text and an asset code (EUR, ETH). */
  maxAmount?: { value: string; asset: string };
}

export interface OTPVerification {
  verificationType: 'email' | 'sms';
  credentialId: string;
}

export type StepUpErrorCode =
  | 'cancelled'
  | 'failed'
  | 'network_error'
  | 'not_supported'
  | 'no_wallet'
  | 'wallet_not_connected'
  | 'validation_failed'
  | 'invalid_code'
  | 'code_expired'
  | 'too_many_attempts'
  | 'mfa_required'
  | 'no_eligible_credential'
  | 'unknown_scope'
  | 'embedded_wallet_not_supported'
  | 'step_up_required'
  | 'invalid_token'
  | string;

/** Every failure: code is the server's problem code or one of the SDK's own. */
export declare class StepUpError extends Error {
  readonly name: 'StepUpError';
  readonly code: StepUpErrorCode;
  /** HTTP status when the server answered. */
  readonly status?: number;
  /** For cancelled / failed: why (e.g. "closed", "popup_blocked", the prompt's reason). */
  readonly reason?: string;
  readonly scope?: string;
  /** The problem+json body the server answered. */
  readonly problem?: Record<string, unknown>;
  /** exchangeToken's too_many_attempts: seconds until trying again can succeed (Retry-After). */
  retryAfter?: number;
}

/** The part of an EIP-1193 provider the SDK uses (eth_requestAccounts, personal_sign). */
export interface Eip1193Provider {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

export interface CreateStepUpOptions {
  /** The step-up server; defaults to the origin this module was loaded from. */
  baseUrl?: string;
  /** The environment id, e.g. "demo". */
  environment: string;
  /** The signed-in user's session token (or give getSessionToken). */
  sessionToken?: string;
  getSessionToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** How the fetch wrapper steps up after a challenge; default promptStepUpAuth. */
  onStepUpRequired?: (args: {
    scope: TokenScope;
    scopes: TokenScope[];
    requestedScopes: TokenScope[];
  }) => Promise<unknown>;
  /** The scope a request needs when the call gives no `scope`. */
  scopeFor?: (request: Request) => TokenScope | undefined;
  /** The wallet for verifyWallet; default window.ethereum. */
  ethereum?: Eip1193Provider;
  /** Where social sign-in lands (allow-listed in the console); default this page. */
  socialRedirectUri?: string;
  /** The fetch the SDK calls; default the browser's. */
  fetch?: typeof fetch;
}

export interface StepUpRequestInit extends RequestInit {
  /** The scope this request needs: its elevated token is attached. */
  scope?: TokenScope;
}

export type PromptMode = 'any' | 'mfa' | 'reauth';

export interface StepUp {
  /** Local token first, then the server; fails closed (any error means required). */
  checkStepUpAuth(args: { scope: TokenScope }): Promise<StepUpCheckResponse>;
  /** Whether a non-expired token for the scope is held in memory (no network). */
  hasElevatedAccessToken(scope: TokenScope): boolean;
  sendEmailOTP(args?: { credentialId?: string }): Promise<OTPVerification>;
  sendSmsOTP(args?: {
    credentialId?: string;
    phoneNumber?: string;
    countryCode?: string;
  }): Promise<OTPVerification>;
  verifyOTP(args: {
    verificationToken?: string;
    /** Alias of verificationToken. */
    token?: string;
    type?: 'email' | 'sms';
    requestedScopes: TokenScope[];
    operation?: OperationBinding;
  }): Promise<ElevatedToken>;
  authenticateTotpMfaDevice(args: {
    code: string;
    deviceId?: string;
    requestedScopes: TokenScope[];
    operation?: OperationBinding;
  }): Promise<ElevatedToken>;
  authenticateMfaRecoveryCode(args: {
    code: string;
    requestedScopes: TokenScope[];
    operation?: OperationBinding;
  }): Promise<ElevatedToken>;
  /** WebAuthn in this browser with the server's challenge. */
  authenticatePasskeyMFA(args: {
    requestedScopes: TokenScope[];
    operation?: OperationBinding;
  }): Promise<ElevatedToken>;
  /** The injected EIP-1193 wallet signs the server's EIP-4361 message with personal_sign. */
  verifyWallet(args: {
    walletId?: string;
    requestedScopes: TokenScope[];
    operation?: OperationBinding;
  }): Promise<ElevatedToken>;
  /** A popup signs in again at the linked provider. */
  verifySocial(args: {
    provider: string;
    requestedScopes: TokenScope[];
    redirectUri?: string;
  }): Promise<ElevatedToken>;
  /**
   * Opens the hosted step-up prompt in a popup (call it from a click: browsers block popups
   * otherwise); resolves with the token (undefined when none was needed), rejects with a
   * StepUpError whose code is "cancelled" or "failed" (reason: e.g. "closed", "popup_blocked",
   * "origin_not_allowed", "mfa_not_enrolled", "reauth_not_allowed"). The page's origin must be one
   * of the environment's browser origins.
   */
  promptStepUpAuth(args: {
    scopes?: TokenScope[];
    requestedScopes?: TokenScope[];
    mode?: PromptMode;
  }): Promise<string | undefined>;
  /**
   * fetch() that attaches the token for the request's scope (a single-use token is sent once,
   * then forgotten), the session token only when the request goes to the step-up server, and
   * after an RFC 9470 challenge (401, error="insufficient_user_authentication") steps up once
   * (onStepUpRequired, default promptStepUpAuth) and retries once. Rejects with the step-up's
   * StepUpError when the user cancels or it fails.
   */
  fetch(input: RequestInfo | URL, init?: StepUpRequestInit): Promise<Response>;
  /** Forgets every elevated token held in memory. */
  resetState(): void;
}

export declare function createStepUp(options: CreateStepUpOptions): StepUp;

/** The session a token exchange answers; pass sessionToken to createStepUp. */
export interface ExchangedSession {
  sessionId: string;
  sessionToken: string;
  /** ISO-8601 UTC. */
  expiresAt: string;
  userId: string;
  /** True when this exchange created the user (first sight of the provider's subject). */
  userCreated: boolean;
}

/**
 * Bring your own auth: exchanges the JWT of the environment's trusted identity provider for a
 * step-up session (POST /sessions/token-exchange), creating the user on first sight. The page's
 * origin must be one of the environment's browser origins. Rejects with a StepUpError
 * (invalid_subject_token, subject_token_expired, wrong_issuer, wrong_audience,
 * external_idp_not_configured, too_many_attempts with retryAfter in seconds, network_error).
 */
export declare function exchangeToken(options: {
  /** The step-up server; default: where the module was loaded from. */
  baseUrl?: string;
  environment: string;
  /** The identity provider's JWT for the signed-in user. */
  subjectToken: string;
  fetch?: typeof fetch;
}): Promise<ExchangedSession>;
