package dev.stepup.adapter.in.web.api.caller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Optional<String>} controller parameter that receives the elevated token a request
 * was called with ({@code X-Elevated-Access-Token}), empty when none was sent.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ElevatedAccessToken {

  /**
   * Whether the action answers a missing or spent token with the step-up challenge (a protected
   * action); false where the token is only weighed, as {@code check} does.
   */
  boolean challenged() default true;
}
