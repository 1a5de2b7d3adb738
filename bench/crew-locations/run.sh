#!/usr/bin/env bash
# 10,000 crew members reporting every 30 s (~330 reports/s) for 60 s against the standalone on PostgreSQL.
# Needs: a built jar (./mvnw -q -DskipTests package) and PostgreSQL at 127.0.0.1:5432 (trust, user postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=lineguard_bench_$$
psql -h 127.0.0.1 -U postgres -d test -qc "create database $DB"
trap 'kill $PID 2>/dev/null || true; sleep 3; psql -h 127.0.0.1 -U postgres -d test -qc "drop database if exists $DB with (force)"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
java -Xmx1g -jar standalone/target/lineguard.jar --server.port=$PORT --lineguard.kafka.port=$(free_port) \
  --lineguard.data-dir="$(mktemp -d)" \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --spring.datasource.password= > /tmp/lineguard-bench.log 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health/liveness >/dev/null && break; sleep 1; done
java bench/crew-locations/LocationLoad.java http://localhost:$PORT 10000 330 60
echo "rows in crew_location: $(psql -h 127.0.0.1 -U postgres -d $DB -tAc 'select count(*) from crew_location')"
