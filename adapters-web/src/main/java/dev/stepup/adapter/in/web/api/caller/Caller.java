package dev.stepup.adapter.in.web.api.caller;

import dev.stepup.domain.access.ApiPermission;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the controller parameter that receives who calls, recognised from the bearer credential and
 * checked against the environment in the path before the method runs: a {@code SessionContext} for
 * an end user's session token, or a {@link HostBackend} for an API key, which must name the one
 * permission the endpoint needs ({@code @Caller(ApiPermission.USERS_READ)}). Put it after the
 * request body, so a malformed body is answered before the credential is checked.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Caller {

  /** The permission a host backend's key must hold; none for an end user's session. */
  ApiPermission[] value() default {};
}
