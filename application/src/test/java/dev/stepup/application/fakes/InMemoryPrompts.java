package dev.stepup.application.fakes;

import dev.stepup.application.port.out.prompt.Prompts;
import dev.stepup.domain.prompt.OneTimeSecret;
import dev.stepup.domain.prompt.Prompt;
import dev.stepup.domain.prompt.PromptId;
import dev.stepup.domain.prompt.PromptStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prompts in memory, stored as their fields like rows (a found prompt is a copy); the spending
 * writes are compare-and-sets.
 */
public final class InMemoryPrompts implements Prompts {

  private final Map<PromptId, Prompt> byId = new HashMap<>();
  private final Map<PromptId, String> sealed = new HashMap<>();

  @Override
  public synchronized void add(Prompt prompt) {
    if (byId.putIfAbsent(prompt.id(), copy(prompt)) != null) {
      throw new IllegalStateException("duplicate prompt " + prompt.id());
    }
  }

  @Override
  public synchronized Optional<Prompt> find(PromptId id) {
    return Optional.ofNullable(byId.get(id)).map(InMemoryPrompts::copy);
  }

  @Override
  public synchronized Optional<Prompt> findByLaunchTicket(String ticketDigest) {
    return byId.values().stream()
        .filter(p -> p.launchTicket().digest().equals(ticketDigest))
        .findFirst()
        .map(InMemoryPrompts::copy);
  }

  @Override
  public synchronized Optional<Prompt> findByResultCode(String codeDigest) {
    return byId.values().stream()
        .filter(p -> p.resultCode().map(c -> c.digest().equals(codeDigest)).orElse(false))
        .findFirst()
        .map(InMemoryPrompts::copy);
  }

  @Override
  public synchronized boolean opened(Prompt prompt) {
    Prompt stored = byId.get(prompt.id());
    if (stored == null || stored.launchTicket().usedAt().isPresent()) {
      return false;
    }
    byId.put(prompt.id(), copy(prompt));
    return true;
  }

  @Override
  public synchronized boolean finished(Prompt prompt, Optional<String> sealedTokens) {
    Prompt stored = byId.get(prompt.id());
    if (stored == null || stored.status() != PromptStatus.PENDING) {
      return false;
    }
    byId.put(prompt.id(), copy(prompt));
    sealedTokens.ifPresent(s -> sealed.put(prompt.id(), s));
    return true;
  }

  @Override
  public synchronized Optional<String> sealedTokens(PromptId id) {
    return Optional.ofNullable(sealed.get(id));
  }

  @Override
  public synchronized boolean exchanged(PromptId id, Instant at) {
    Prompt stored = byId.get(id);
    if (stored == null
        || stored.resultCode().isEmpty()
        || stored.resultCode().get().usedAt().isPresent()) {
      return false;
    }
    OneTimeSecret code = stored.resultCode().get();
    byId.put(
        id,
        rebuild(
            stored,
            Optional.of(new OneTimeSecret(code.digest(), code.expiresAt(), Optional.of(at)))));
    sealed.remove(id);
    return true;
  }

  private static Prompt copy(Prompt p) {
    return rebuild(p, p.resultCode());
  }

  private static Prompt rebuild(Prompt p, Optional<OneTimeSecret> resultCode) {
    return new Prompt(
        p.id(),
        p.environmentId(),
        p.userId(),
        p.sessionId(),
        p.scopes(),
        p.mode(),
        p.target(),
        p.createdAt(),
        p.launchTicket(),
        p.visitorDigest(),
        p.status(),
        p.failureReason(),
        p.finishedAt(),
        resultCode);
  }
}
