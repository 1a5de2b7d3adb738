#!/usr/bin/env bash
# The alert benches (README.md): starts standalone/target/lineguard.jar on a throwaway PostgreSQL database on free
# ports (its own Kafka broker included), runs AlertsBench against it, writes the report to
# bench/alerts/results/<date>.md and the plots to docs/perf/, then stops the server and drops the database.
# Needs: a built jar (./mvnw -q -DskipTests package), PostgreSQL at 127.0.0.1:5432 (trust, user postgres), Maven
# with a warm ~/.m2. Arguments go to the bench as --name value pairs (e.g. --timers 1000 --rounds 2).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=lineguard_alerts_bench_$$
DATA_DIR=$(mktemp -d /tmp/lineguard-alerts-bench-XXXXXX)
RESULTS=${BENCH_REPORT:-bench/alerts/results/$(date +%F).md}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
KAFKA_PORT=$(free_port)

mvn -q -o -f bench/alerts/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
psql -h 127.0.0.1 -U postgres -d test -qc "create database $DB"
# LINEGUARD_JAR runs another build (to compare two side by side); LINEGUARD_JAVA_OPTS adds JVM options (a profiler).
JAR=${LINEGUARD_JAR:-standalone/target/lineguard.jar}
# shellcheck disable=SC2086
java -Xmx1g ${LINEGUARD_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --lineguard.kafka.port="$KAFKA_PORT" --lineguard.data-dir="$DATA_DIR" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres \
  --spring.datasource.password= \
  --lineguard.timers.min-duration=PT1S --lineguard.escalation.ack-timeout=PT12H \
  > "$DATA_DIR/server.log" 2>&1 &
SERVER=$!
stop() {
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
  if [ -n "${BENCH_KEEP:-}" ]; then
    echo "kept for inspection: database $DB, server log $DATA_DIR/server.log" >&2
  else
    psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)"
    rm -rf "$DATA_DIR"
  fi
}
trap stop EXIT
for attempt in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  if [ "$attempt" = 180 ] || ! kill -0 $SERVER 2>/dev/null; then
    echo "the server did not come up; its log:" >&2
    tail -50 "$DATA_DIR/server.log" >&2
    exit 1
  fi
  sleep 1
done

mkdir -p bench/alerts/results
java -cp "bench/alerts/target/classes:$(cat bench/alerts/target/classpath.txt)" com.lineguard.bench.alerts.AlertsBench \
  --base "http://127.0.0.1:$PORT" --db-url "jdbc:postgresql://127.0.0.1:5432/$DB" --kafka "127.0.0.1:$KAFKA_PORT" \
  --server-pid $SERVER --plots docs/perf "$@" | tee "$RESULTS"
echo "report: $RESULTS; plots: docs/perf/*.png; server log lines with WARN or ERROR: $(grep -cE 'WARN|ERROR' "$DATA_DIR/server.log" || true)" >&2
