package dev.stepup.adapter.in.web.api.caller;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Optional<String>} controller parameter that receives the elevated token a
 * protected action was called with ({@code X-Elevated-Access-Token}), empty when none was sent.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface ElevatedAccessToken {}
