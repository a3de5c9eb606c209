package dev.stepup.server;

import dev.stepup.application.port.in.admin.AdminSignInAttempt;
import dev.stepup.application.port.in.admin.BeginAdminSignInUseCase;
import dev.stepup.application.port.in.admin.CompleteAdminSignInUseCase;
import dev.stepup.application.port.in.admin.FailAdminSignInUseCase;
import dev.stepup.application.port.in.admin.SignOutAdminUseCase;
import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * Who may reach what: the admin console needs an admin signed in with a form; the REST API and
 * hosted pages authenticate their own callers (API keys, session tokens); health is public; metrics
 * need the scrape token or a separate management port ({@link ScrapeAccess}). Admin sign-ins are
 * throttled and audited ({@link AdminSignInSecurity}); the password alone grants only the
 * second-factor pages, a verified authenticator code the console; the console session ends after
 * {@code server.servlet.session.timeout} without use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

  /** The metrics scrape, on whichever port serves actuator endpoints ({@link ScrapeAccess}). */
  private static final RequestMatcher PROMETHEUS = EndpointRequest.to("prometheus");

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      UserDetailsService admins,
      PasswordEncoder passwordEncoder,
      BeginAdminSignInUseCase beginSignIn,
      FailAdminSignInUseCase failSignIn,
      CompleteAdminSignInUseCase completeSignIn,
      SignOutAdminUseCase signOut,
      ScrapeAccess scrapeAccess)
      throws Exception {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(admins);
    passwords.setPasswordEncoder(passwordEncoder);
    // The only way in: no parent manager could check a throttled password behind its back.
    AuthenticationManager adminSignIn =
        new ProviderManager(
            new AdminSignInSecurity.ThrottledProvider(
                passwords, beginSignIn, failSignIn, completeSignIn));
    http.authenticationManager(adminSignIn)
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(PROMETHEUS)
                    .access(scrapeAccess)
                    // The password alone opens only the second-factor pages; everything else in
                    // the console needs the second factor too.
                    .requestMatchers("/admin/sign-in/**")
                    .hasAnyRole(AdminSignInSecurity.PASSWORD_ONLY, "ADMIN")
                    .requestMatchers("/admin/**", "/admin")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/liveness",
                        "/actuator/health/readiness",
                        "/api/**",
                        "/.well-known/**",
                        "/hosted/**",
                        "/webjars/**",
                        "/console/**",
                        "/sdk/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/login",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .authenticationDetailsSource(AdminSignInSecurity.SignInOrigin::of)
                    .defaultSuccessUrl("/admin/sign-in/second-factor", true)
                    .failureHandler(AdminSignInSecurity.failureHandler()))
        // No request is remembered for after sign-in (the console always opens on its
        // dashboard), so an anonymous request never needs a server-side session.
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        // A scraper is told 401, not sent to the console's sign-in page.
                        new DelegatingAuthenticationEntryPoint(
                            new AdminSignInSecurity.ConsoleEntryPoint(),
                            List.of(
                                new RequestMatcherEntry<>(
                                    PROMETHEUS,
                                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))))
                    .accessDeniedHandler(AdminSignInSecurity.secondFactorFirst()))
        .logout(
            logout ->
                logout
                    // Under /admin, where the console's session cookie is sent.
                    .logoutUrl("/admin/sign-out")
                    .addLogoutHandler(
                        (request, response, admin) -> {
                          if (admin != null) {
                            signOut.signedOut(
                                new AdminSignInAttempt(
                                    admin.getName(), AdminSignInSecurity.origin(request)));
                          }
                        })
                    .logoutSuccessUrl("/login?signedOut"))
        // The REST API is called with bearer credentials, never with cookies, so CSRF does not
        // apply there; every cookie-authenticated page keeps CSRF protection.
        // The CSRF token rides in its own HttpOnly cookie, not in a session: a page with a form
        // (a sign-in page, say) costs the server no memory until the form is posted.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers("/api/**")
                    .csrfTokenRepository(new CookieCsrfTokenRepository()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; object-src 'none';"
                                    + " frame-ancestors 'none'; base-uri 'self'"))
                    .referrerPolicy(
                        ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  @Bean
  UserDetailsService adminDetails(AdminAccounts admins) {
    return username ->
        admins
            .find(username)
            .map(
                a ->
                    User.withUsername(a.username())
                        .password(a.passwordHash())
                        .roles(AdminSignInSecurity.PASSWORD_ONLY)
                        .build())
            .orElseThrow(() -> new UsernameNotFoundException("no such admin"));
  }

  @Bean
  PasswordEncoder passwordEncoder(SecretHasher hasher) {
    return new PasswordEncoder() {
      @Override
      public String encode(CharSequence rawPassword) {
        return hasher.hashPassword(rawPassword);
      }

      @Override
      public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return encodedPassword != null && hasher.passwordMatches(rawPassword, encodedPassword);
      }
    };
  }
}
