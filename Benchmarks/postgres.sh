#!/usr/bin/env bash
# Submit throughput on PostgreSQL beside SQLite, in the same run: `hakam serve` on a SQLite file,
# one node on a local PostgreSQL, and two nodes on that one database (two wrk processes, half the
# connections each, as a load balancer would split them). Distinct Arabic and English comments
# from distinct readers (Benchmarks/HTTP/comments.lua), the shipped policy.
# Usage: Benchmarks/postgres.sh   (env: DURATION seconds per measurement, default 8;
#        CONFIG=debug to measure the debug build when a release build is out of reach: ratios only;
#        HAKAM_BIN=path/to/hakam to measure a binary built already, e.g. by scripts/release.sh)
# Two nodes: requests/s is the sum of both wrk processes, p99 the larger of their two p99s.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8}
CONFIG=${CONFIG:-release}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

if [ -n "${HAKAM_BIN:-}" ]; then
    BIN=$(cd "$(dirname "$HAKAM_BIN")" && pwd)
else
    swift build -c "$CONFIG" --product hakam >/tmp/hakam-bench-build.log 2>&1 || { cat /tmp/hakam-bench-build.log >&2; exit 1; }
    BIN=$(swift build -c "$CONFIG" --show-bin-path)
fi
eval "$(.ci/postgres.sh start)"
ADMIN="psql -q -h 127.0.0.1 -p 55432 -U hakam -d postgres"

work=$(mktemp -d)
pids=()
databases=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    for d in "${databases[@]}"; do $ADMIN -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/policy"
sed 's/^trusted_proxies: .*/trusted_proxies: [127.0.0.1\/32]/' Policies/default.yml > "$work/policy/default.yml"
ln -s "$PWD/Policies/words" "$work/policy/words"
ln -s "$PWD/Policies/domains" "$work/policy/domains"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# node DB: starts `hakam serve --db DB` on a free port and adds the port to `ports`.
node() {
    local port; port=$(free_port)
    "$BIN/hakam" serve --db "$1" --key-file "$work/hakam.key" --policy "$work/policy/default.yml" --port "$port" \
        --log-level error >"$work/server-$port.out" 2>"$work/server-$port.err" &
    pids+=($!)
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && { ports+=("$port"); return 0; }
        sleep 0.1
    done
    echo "server did not start" >&2; cat "$work/server-$port.err" >&2; exit 1
}
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
# fresh_postgres: a new database; its URL in `url`.
fresh_postgres() {
    local name="hakam_bench_$RANDOM$RANDOM"
    $ADMIN -c "CREATE DATABASE $name"
    databases+=("$name")
    url="postgres://hakam@127.0.0.1:55432/$name?sslmode=disable"
}

field() { sed "s/.*$1=\([0-9.]*\).*/\1/" <<<"$2"; }
declare -A RPS
# measure LABEL CONNECTIONS PORT... : wrk split evenly over the ports, at the same time.
measure() {
    local label=$1 connections=$2; shift 2
    local share=$(( connections / $# )) i=0 files=() loads=()
    for port in "$@"; do
        wrk -t1 -c"$share" -d"${DURATION}s" --latency -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json $((i * 10)) \
            >"$work/wrk-$i" &
        loads+=($!); files+=("$work/wrk-$i"); i=$((i + 1))
    done
    wait "${loads[@]}"
    local rps=0 p99=0 ok=0 other=0
    for f in "${files[@]}"; do
        local result; result=$(grep '^RESULT' "$f")
        rps=$(awk -v a="$rps" -v b="$(field rps "$result")" 'BEGIN { print a + b }')
        p99=$(awk -v a="$p99" -v b="$(field p99_ms "$result")" 'BEGIN { print (b > a ? b : a) }')
        ok=$((ok + $(field ok "$result")))
        other=$((other + $(field other "$result") + $(field socket_errors "$result")))
    done
    RPS["$label|$connections"]=$rps
    printf '| %s | %s | %.0f | %s | %s | %s |\n' "$label" "$connections" "$rps" "$p99" "$ok" "$other"
}
warm() { for port in "$@"; do wrk -t1 -c8 -d2s -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json 90 >/dev/null; done; }

echo "== Submit on SQLite and PostgreSQL ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores shared by server(s), PostgreSQL 15 and wrk; $CONFIG build; ${DURATION}s per row)"
echo "| server | connections | requests/s | p99 ms | 201 | other |"
echo "|---|---|---|---|---|---|"
for config in sqlite postgres-1 postgres-2; do
    rm -f "$work"/hakam.sqlite* "$work/hakam.key"
    ports=()
    case $config in
        sqlite) node "$work/hakam.sqlite"; label="SQLite, one node" ;;
        postgres-1) fresh_postgres; node "$url"; label="PostgreSQL, one node" ;;
        postgres-2) fresh_postgres; node "$url"; node "$url"; label="PostgreSQL, two nodes" ;;
    esac
    warm "${ports[@]}"
    for c in 16 64; do measure "$label" "$c" "${ports[@]}"; done
    stop_nodes
done
echo
for c in 16 64; do
    awk -v s="${RPS[SQLite, one node|$c]}" -v p1="${RPS[PostgreSQL, one node|$c]}" -v p2="${RPS[PostgreSQL, two nodes|$c]}" -v c="$c" \
        'BEGIN { printf "%s connections: PostgreSQL one node %.0f%% of SQLite; two nodes %.2f× one node\n", c, 100 * p1 / s, p2 / p1 }'
done
