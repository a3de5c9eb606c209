package dev.stepup.adapter.in.web.api.cors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an end-user endpoint that takes no session token yet answers browser pages of the
 * environment's listed origins like the session endpoints do: its body is the end user's own
 * credential (token exchange: the identity provider's JWT), and its answer the session.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface BrowserCallable {}
