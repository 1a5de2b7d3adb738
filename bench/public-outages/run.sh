#!/usr/bin/env bash
# Builds the standalone jar (reactor package, offline), starts it on the embedded default in a fresh data dir with the
# ceiling endpoint on, runs PublicOutagesBench against it on loopback, and stops it. Arguments go to the bench:
# [outages] [seconds per scenario] [client threads].
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${BENCH_PORT:-18080}
DATA_DIR=$(mktemp -d /tmp/lineguard-bench-XXXXXX)
mvn -B -o -q -pl standalone -am package -DskipTests
java -Xmx1g -jar standalone/target/lineguard.jar --server.port="$PORT" --server.address=127.0.0.1 \
  --lineguard.data-dir="$DATA_DIR" --lineguard.bench.ceiling-endpoint=true --logging.level.root=WARN \
  > "$DATA_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA_DIR"' EXIT
for attempt in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break
  if [ "$attempt" = 300 ] || ! kill -0 $SERVER 2>/dev/null; then
    echo "the server did not come up; its log:" >&2
    tail -50 "$DATA_DIR/server.log" >&2
    exit 1
  fi
  sleep 1
done
java bench/public-outages/PublicOutagesBench.java "http://127.0.0.1:$PORT" "${1:-10000}" "${2:-20}" "${3:-16}"
