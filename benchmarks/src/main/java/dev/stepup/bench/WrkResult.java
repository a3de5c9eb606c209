package dev.stepup.bench;

/** One load run: what wrk measured and what the harness counted as failed. */
public record WrkResult(
    String scenario,
    int connections,
    double requestsPerSecond,
    long requests,
    double p50Millis,
    double p99Millis,
    long errors) {}
