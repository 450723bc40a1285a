#!/usr/bin/env bash
# PostgreSQL killed under load: `pg_ctl stop -m immediate` while clients submit to a node, then
# started again. Every comment that got 201 must be in the database afterwards, and the node must
# take comments again without a restart. Prints acknowledged vs stored.
#   Tests/Reliability/postgres-fault.sh [workers] [requests-per-worker]
set -euo pipefail
cd "$(dirname "$0")/../.."
WORKERS=${1:-8}
PER_WORKER=${2:-300}
PORT=${HAKAM_FAULT_PORT:-18383}
HAKAM=${HAKAM_BIN:-.build/debug/hakam}

eval "$(.ci/postgres.sh start)"
DB=hakam_fault_$$
ADMIN="psql -q -h 127.0.0.1 -p 55432 -U hakam -d postgres"
$ADMIN -c "CREATE DATABASE $DB"
URL="postgres://hakam@127.0.0.1:55432/$DB?sslmode=disable"
WORK=$(mktemp -d)
printf 'rate_limit:\n  enabled: false\nflood:\n  enabled: false\nduplicates:\n  enabled: false\n' > "$WORK/policy.yml"
"$HAKAM" serve --port "$PORT" --db "$URL" --key-file "$WORK/k.key" --policy "$WORK/policy.yml" --log-level error > "$WORK/out" 2> "$WORK/err" &
NODE=$!
trap 'kill $NODE 2>/dev/null || true; $ADMIN -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q listening "$WORK/out" && break; sleep 0.2; done

worker() {
    local w=$1
    for i in $(seq "$PER_WORKER"); do
        local marker="fault-$w-$i"
        code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -XPOST "localhost:$PORT/comments" -H 'Content-Type: application/json' \
            -d "{\"post\":\"fault\",\"name\":\"R\",\"email\":\"w$w-$i@example.com\",\"body\":\"$marker\"}" || true)
        echo "$code $marker"
    done > "$WORK/worker-$w"
}
for w in $(seq "$WORKERS"); do worker "$w" & done
sleep 3
(cd / && runuser -u "$HAKAM_PG_RUN_AS" -- "$HAKAM_PG_BIN/pg_ctl" -D "$HAKAM_PG_DATA" -m immediate stop >/dev/null)
echo "PostgreSQL stopped (immediate) at $(date -u +%T)"
sleep 4
(cd / && runuser -u "$HAKAM_PG_RUN_AS" -- "$HAKAM_PG_BIN/pg_ctl" -D "$HAKAM_PG_DATA" -l "$(dirname "$HAKAM_PG_DATA")/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p 55432 -k $(dirname "$HAKAM_PG_DATA") -c max_connections=300" start >/dev/null)
echo "PostgreSQL started again at $(date -u +%T)"
wait $(jobs -p | grep -v "^$NODE$") 2>/dev/null || true

cat "$WORK"/worker-* > "$WORK/all"
acknowledged=$(awk '$1 == 201 {print $2}' "$WORK/all" | sort -u)
ack_count=$(printf '%s\n' "$acknowledged" | grep -c . || true)
unavailable=$(awk '$1 == 503' "$WORK/all" | wc -l)
other=$(awk '$1 != 201 && $1 != 503 {print $1}' "$WORK/all" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
stored=$(psql -At -h 127.0.0.1 -p 55432 -U hakam -d "$DB" -c "SELECT body FROM comments WHERE post_key = 'fault'" | sort -u)
stored_count=$(printf '%s\n' "$stored" | grep -c . || true)
lost=$(comm -23 <(printf '%s\n' "$acknowledged") <(printf '%s\n' "$stored") | grep -c . || true)
after=$(curl -s -o /dev/null -w '%{http_code}' -XPOST "localhost:$PORT/comments" -H 'Content-Type: application/json' \
    -d '{"post":"fault","name":"R","email":"after@example.com","body":"after the restart"}')
echo "requests $((WORKERS * PER_WORKER)): acknowledged (201) $ack_count, 503 $unavailable, other ${other:-none}(000: no answer within 10 s); stored $stored_count; acknowledged but missing $lost; after restart: $after"
[ "$lost" -eq 0 ] && [ "$after" = 201 ]
