package dev.stepup.adapter.in.web.api.caller;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link ElevatedAccessToken} parameters from the request's header. */
@Component
public class ElevatedAccessTokenArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(ElevatedAccessToken.class)
        && parameter.getParameterType() == Optional.class;
  }

  @Override
  public Optional<String> resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return Callers.elevatedToken(webRequest.getNativeRequest(HttpServletRequest.class));
  }
}
