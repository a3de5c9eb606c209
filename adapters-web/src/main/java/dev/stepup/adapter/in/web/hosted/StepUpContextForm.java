package dev.stepup.adapter.in.web.hosted;

/**
 * The step-up context every step-up request carries (fragment {@code hosted/fragments ::
 * step-up-context}): the scope asked for and where to go afterwards. Both are judged by {@link
 * StepUpRoom#visit} (an unknown scope or a foreign return address is refused as a page).
 */
record StepUpContextForm(String scope, String returnTo) {}
