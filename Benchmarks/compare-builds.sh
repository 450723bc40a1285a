#!/usr/bin/env bash
# Two hakam builds against each other and the bare handler, alternating, in one window (the
# machine is noisy: only figures from the same window compare). Each run gets a fresh database,
# a 2 s warm-up, then wrk at 16 and 64 connections on POST /comments (Benchmarks/HTTP/comments.lua).
# Usage: Benchmarks/compare-builds.sh OLD_HAKAM NEW_HAKAM [ROUNDS]   (env DURATION, default 5 s)
# Build the old one in a worktree: git worktree add /tmp/old REV && (cd /tmp/old && swift build -c release --product hakam)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,6p "$0" >&2; exit 64; }
OLD=$1; NEW=$2; ROUNDS=${3:-2}; DURATION=${DURATION:-5}
swift build -c release --package-path Benchmarks --product BareServer >/dev/null
BARE="$(swift build -c release --package-path Benchmarks --show-bin-path)/BareServer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/policy"
sed 's/^trusted_proxies: .*/trusted_proxies: [127.0.0.1\/32]/' Policies/default.yml > "$work/policy/default.yml"
ln -s "$PWD/Policies/words" "$work/policy/words"; ln -s "$PWD/Policies/domains" "$work/policy/domains"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
run() { # LABEL COMMAND...
    local label=$1; shift
    local port; port=$(free_port)
    rm -f "$work"/db.sqlite*
    "$@" --port "$port" >/dev/null 2>"$work/err" &
    local pid=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
    wrk -t2 -c16 -d2s -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json >/dev/null
    for c in 16 64; do
        local result
        result=$(wrk -t2 -c"$c" -d"${DURATION}s" --latency -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json | grep '^RESULT')
        printf '| %s | %s | %s |\n' "$label" "$c" "${result#RESULT }"
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo "| server | connections | wrk result |"
echo "|---|---|---|"
for _ in $(seq 1 "$ROUNDS"); do
    run bare "$BARE"
    run old "$OLD" serve --db "$work/db.sqlite" --policy "$work/policy/default.yml"
    run new "$NEW" serve --db "$work/db.sqlite" --policy "$work/policy/default.yml"
done
