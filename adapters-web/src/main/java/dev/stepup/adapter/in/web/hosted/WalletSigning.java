package dev.stepup.adapter.in.web.hosted;

/**
 * What the wallet-signing form shows (fragment {@code hosted/fragments :: wallet-form}): the
 * Sign-In with Ethereum message, the address that must sign it, the challenge it answers, and the
 * last problem, if any. {@code wallet.js} reads the message and address from the form.
 */
record WalletSigning(String message, String address, String challengeId, String error) {}
