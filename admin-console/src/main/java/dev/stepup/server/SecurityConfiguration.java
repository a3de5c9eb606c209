package dev.stepup.server;

import dev.stepup.application.port.out.security.AdminAccounts;
import dev.stepup.application.port.out.security.SecretHasher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what: the admin console needs an admin signed in with a form; the REST API and
 * hosted pages authenticate their own callers (API keys, session tokens); health is public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/admin/**", "/admin")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        "/actuator/health",
                        "/api/**",
                        "/.well-known/**",
                        "/hosted/**",
                        "/webjars/**",
                        "/console/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html",
                        "/login",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .formLogin(form -> form.defaultSuccessUrl("/admin", true))
        .logout(Customizer.withDefaults())
        // The REST API is called with bearer credentials, never with cookies, so CSRF does not
        // apply there; every cookie-authenticated page keeps CSRF protection.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
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
                        .roles("ADMIN")
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
