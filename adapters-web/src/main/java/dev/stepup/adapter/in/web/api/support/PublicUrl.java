package dev.stepup.adapter.in.web.api.support;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Kept only until the hosted pages import {@link dev.stepup.adapter.in.web.PublicUrl}, which both
 * rooms share now; delete this delegate then.
 *
 * @deprecated use {@link dev.stepup.adapter.in.web.PublicUrl}
 */
@Deprecated(forRemoval = true)
@Component("deprecatedApiSupportPublicUrl")
public class PublicUrl {

  private final dev.stepup.adapter.in.web.PublicUrl target;

  public PublicUrl(dev.stepup.adapter.in.web.PublicUrl target) {
    this.target = target;
  }

  /** The base URL, without a trailing slash. */
  public String of(HttpServletRequest request) {
    return target.of(request);
  }
}
