#!/usr/bin/env bash
# Builds the server, runs the load harness on fresh data folders (H2 and embedded PostgreSQL),
# Keycloak's client-credentials issuance right after each of the server's issuance runs (Keycloak
# is started and warmed first and stays up), and the JMH benchmarks; writes the table and
# the plot to docs/perf/. Needs wrk (Debian: apt-get install wrk) and, for Keycloak, Java 21+
# (KEYCLOAK_JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64). DURATION (seconds per run,
# default 30), WARM_UP (seconds of each warm-up round, default 30; issuance, check and Keycloak
# repeat rounds until their JIT compilers fall quiet, for at most WARM_UP_LIMIT seconds, 600), FILL
# (tokens to issue before measuring), NODES (PostgreSQL node counts, default 1,2: one node, then two
# on a fresh store) and SKIP_KEYCLOAK=1 / SKIP_JMH=1.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mvn -B -q install -DskipTests
out="benchmarks/target/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
args=(--out "$out" --duration "${DURATION:-30}" --warm-up "${WARM_UP:-30}"
      --warm-up-limit "${WARM_UP_LIMIT:-600}" --stores h2,postgres --nodes "${NODES:-1,2}"
      --machine "${MACHINE:-$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB}")
if [ "${SKIP_KEYCLOAK:-0}" != 1 ]; then
  kc=benchmarks/target/keycloak
  if [ ! -x "$kc/keycloak-26.7.3/bin/kc.sh" ]; then
    mvn -B -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:26.7.3:zip \
      -DoutputDirectory="$kc"
    (cd "$kc" && unzip -q -o keycloak-quarkus-dist-26.7.3.zip)
  fi
  args+=(--keycloak-home "$kc/keycloak-26.7.3"
         --java-home-keycloak "${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}")
fi
java -cp benchmarks/target/benchmarks.jar dev.stepup.bench.LoadHarness "${args[@]}" ${FILL:+--fill "$FILL"}
cp "$out/results.md" "$out/results.svg" docs/perf/
if [ "${SKIP_JMH:-0}" != 1 ]; then
  java -jar benchmarks/target/benchmarks.jar -f 1 -wi 3 -i 5 -rf text -rff docs/perf/jmh.txt
fi
