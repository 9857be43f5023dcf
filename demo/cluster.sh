#!/usr/bin/env bash
# A 3-node cluster on this machine's PostgreSQL, against the built-in simulator:
#   mvn -B package -DskipTests && bash demo/cluster.sh
# Starts the simulator and three `run` nodes with clustered scheduling (a fire every 5 s) on a schema
# of its own in PostgreSQL (127.0.0.1:5432, database test, user postgres; override with PGURL/PGUSER),
# shows which node ran each fire, kills one node half-way, and shows the others carry on.
# Health and metrics: http://127.0.0.1:9871/observe/health (…9872, …9873). Stops everything on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/leadfeeder-camel.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 1; }
pgurl=${PGURL:-jdbc:postgresql://127.0.0.1:5432/test}
pguser=${PGUSER:-postgres}
schema=leadfeeder_cluster_demo
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

psql_() { psql -h 127.0.0.1 -U "$pguser" -d test -qAt -c "$1"; }
psql_ "SET client_min_messages = warning; DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"

java -jar "$jar" simulator --port 18089 > "$work/simulator.log" 2>&1 &
pids+=($!)
export LEADFEEDER_API_TOKEN=demo-token LEADFEEDER_BASE_API_URL=http://127.0.0.1:18089
export LEADFEEDER_DB_URL="$pgurl?currentSchema=$schema" LEADFEEDER_DB_USER=$pguser
export LEADFEEDER_SCHEDULE='*/5 * * * * ?' LEADFEEDER_CLUSTER_ENABLED=true LEADFEEDER_CLUSTER_CHECKIN_INTERVAL_MS=2000
for n in 1 2 3; do
  java -Dcamel.management.port=987$n -jar "$jar" run > "$work/node-$n.log" 2>&1 &
  pids+=($!)
  echo "node $n: pid $! (log $work/node-$n.log, health http://127.0.0.1:987$n/observe/health)"
  sleep 2
done

runs() {
  psql_ "SELECT to_char(scheduled_for, 'HH24:MI:SS') || '  ' || rpad(status, 9) || ' on ' || node
         FROM $schema.leadfeeder_sync_runs ORDER BY started_at DESC LIMIT 8" | sed 's/^/  /'
}
sleep 25
echo; echo "runs so far (fire, status, node):"; runs
victim=${pids[1]}
echo; echo "killing node 1 (pid $victim) with SIGKILL"
kill -9 "$victim"
sleep 30
echo; echo "runs after the kill: the other nodes took the fires over"; runs
echo; echo "each fire ran once:"
psql_ "SELECT count(*) || ' runs, ' || count(DISTINCT scheduled_for) || ' distinct fires, ' || count(DISTINCT node) || ' nodes'
       FROM $schema.leadfeeder_sync_runs"
