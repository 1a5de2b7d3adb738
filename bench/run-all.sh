#!/usr/bin/env bash
# Every figure of docs/performance.md's alert sections (command throughput, safety-timer lateness, panic button
# latency, memory) and their plots in docs/perf/: builds the jar, then runs bench/alerts/run.sh (about 15 minutes).
# The older sections have their own commands, named in docs/performance.md. Arguments go to the alerts bench.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests package
bench/alerts/run.sh "$@"
