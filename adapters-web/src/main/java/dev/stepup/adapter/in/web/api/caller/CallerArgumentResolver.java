package dev.stepup.adapter.in.web.api.caller;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.access.ApiPermission;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves {@link Caller} parameters through {@link Callers}, so a controller method runs only for
 * an authenticated caller of the environment in its path; a refusal (401, 403, 404) is thrown
 * before the method and answered by the API's problem mapping.
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  private final Callers callers;

  public CallerArgumentResolver(Callers callers) {
    this.callers = callers;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(Caller.class);
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    String environmentId = environmentId(webRequest, parameter);
    ApiPermission[] needed = parameter.getParameterAnnotation(Caller.class).value();
    Class<?> type = parameter.getParameterType();
    if (type == SessionContext.class && needed.length == 0) {
      return callers.endUser(request, environmentId);
    }
    if (type == HostBackend.class && needed.length == 1) {
      return callers.hostBackend(request, environmentId, needed[0]);
    }
    throw new IllegalStateException(
        "@Caller takes a SessionContext (no permission) or a HostBackend (one permission): "
            + parameter);
  }

  private static String environmentId(NativeWebRequest webRequest, MethodParameter parameter) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>)
            webRequest.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    String environmentId = variables == null ? null : variables.get("environmentId");
    if (environmentId == null) {
      throw new IllegalStateException("@Caller needs an {environmentId} in the path: " + parameter);
    }
    return environmentId;
  }
}
