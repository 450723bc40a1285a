#!/usr/bin/env bash
# HTTP submit benchmark: wrk posts distinct Arabic and English comments to the bare Hummingbird
# handler (the framework's ceiling here) and to `hakam serve` (validation, hashing, sealing, the
# shipped policy, history checks, commit), in the same run, and prints one table with the ratios.
# Usage: Benchmarks/http.sh   (env: DURATION seconds per measurement, default 8)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }

swift build -c release --product hakam >/tmp/hakam-bench-build.log 2>&1 || { cat /tmp/hakam-bench-build.log >&2; exit 1; }
swift build -c release --package-path Benchmarks --product BareServer >/tmp/hakam-bench-build.log 2>&1 || { cat /tmp/hakam-bench-build.log >&2; exit 1; }
BIN=$(swift build -c release --show-bin-path)
BENCH_BIN=$(swift build -c release --package-path Benchmarks --show-bin-path)

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The shipped policy and lists, with loopback as the trusted reverse proxy so that every
# simulated reader has an address of its own (X-Forwarded-For), as behind nginx.
mkdir -p "$work/policy"
sed 's/^trusted_proxies: .*/trusted_proxies: [127.0.0.1\/32]/' Policies/default.yml > "$work/policy/default.yml"
ln -s "$PWD/Policies/words" "$work/policy/words"
ln -s "$PWD/Policies/domains" "$work/policy/domains"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start NAME COMMAND...: runs the server on $port, waits until it answers.
start() {
    port=$(free_port)
    "$@" --port "$port" >"$work/server.out" 2>"$work/server.err" &
    pid=$!
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
        sleep 0.1
    done
    echo "server did not start: $*" >&2; cat "$work/server.err" >&2; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
peak_rss_mb() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$pid/status"; }

declare -A RPS
row() { # row LABEL SERVER CONNECTIONS FORMAT
    local result
    result=$(wrk -t2 -c"$3" -d"${DURATION}s" --latency -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- "$4" | grep '^RESULT')
    local rps p50 p99 ok other errs
    rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$result"); p50=$(sed 's/.*p50_ms=\([0-9.]*\).*/\1/' <<<"$result")
    p99=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<<"$result"); ok=$(sed 's/.*ok=\([0-9]*\).*/\1/' <<<"$result")
    other=$(sed 's/.*other=\([0-9]*\).*/\1/' <<<"$result"); errs=$(sed 's/.*socket_errors=\([0-9]*\).*/\1/' <<<"$result")
    RPS["$1|$2|$3"]=$rps
    printf '| %s | %s | %s | %.0f | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$rps" "$p50" "$p99" "$ok" "$((other + errs))" "$(peak_rss_mb)"
}
warm() { wrk -t2 -c16 -d2s -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- "$1" >/dev/null; }

echo "== HTTP submit ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, wrk -t2 ${DURATION}s per row on the same cores)"
echo "| endpoint | server | connections | requests/s | p50 ms | p99 ms | 201/303 | other | peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|"
# stored DIR: a database of STORED_COMMENTS (default 100,000) comments with random hashes, like a
# site's after months, made once with one bulk insert and copied for the run that uses it.
STORED_COMMENTS=${STORED_COMMENTS:-100000}
stored() {
    if [ ! -f "$work/stored.sqlite" ]; then
        "$BIN/hakam" migrate --db "$work/stored.sqlite" >/dev/null
        # A key of its own (64 hex digits): the server refuses a database with hashed rows and no key.
        (umask 077 && python3 -c 'import secrets; print(secrets.token_hex(32))' > "$work/stored.sqlite.key")
        sqlite3 "$work/stored.sqlite" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
INSERT INTO posts (key, created_at) SELECT 'article-' || value, '2025-01-01 00:00:00.000' FROM generate_series(0, 49);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $STORED_COMMENTS)
INSERT INTO comments (post_key, name, body, status, reasons, policy_version, email_hash, email_sealed, ip_hash,
                      user_agent, body_digest, folded_digest, created_at, updated_at)
SELECT 'article-' || (i % 50), 'قارئ ' || (i % 997), 'تعليق رقم ' || i || ' على المقال: شكراً للكاتب، the analysis is fair.',
       CASE i % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'spam' ELSE 'approved' END, '[]', 'bench',
       lower(hex(randomblob(32))), randomblob(61), lower(hex(randomblob(32))), 'Mozilla/5.0',
       lower(hex(randomblob(32))), lower(hex(randomblob(32))),
       strftime('%Y-%m-%d %H:%M:%f', 1750000000 + i * 60, 'unixepoch'), strftime('%Y-%m-%d %H:%M:%f', 1750000000 + i * 60, 'unixepoch')
FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    fi
    cp "$work/stored.sqlite" "$1/hakam.sqlite"
    cp -p "$work/stored.sqlite.key" "$1/hakam.sqlite.key"
}

# endpoint|server|durability|submit batch (1 = group commit off)|database (empty: fresh)
for config in "json|bare" "json|hakam|normal|64" "json|hakam|normal|1" "json|hakam|full|64" "json|hakam|full|1" \
              "json|hakam|normal|64|stored" "form|bare" "form|hakam|normal|64"; do
    IFS='|' read -r endpoint server durability batch database <<<"$config"
    label=$([ "$endpoint" = json ] && echo "POST /comments" || echo "POST /wp-comments-post.php")
    if [ "$server" = bare ]; then
        start "$BENCH_BIN/BareServer"; name=bare
    else
        rm -f "$work"/hakam.sqlite*
        if [ "$database" = stored ]; then stored "$work"; fi
        start "$BIN/hakam" serve --db "$work/hakam.sqlite" --policy "$work/policy/default.yml" \
            --durability "$durability" --submit-batch "$batch"
        name="hakam $durability$([ "$batch" = 1 ] && echo ", one commit each" || echo "")"
        if [ "$database" = stored ]; then name="$name, $STORED_COMMENTS comments stored"; fi
    fi
    warm "$endpoint"
    for c in 16 64; do row "$label" "$name" "$c" "$endpoint"; done
    stop
done
echo
for key in "POST /comments|hakam normal" "POST /comments|hakam normal, one commit each" "POST /comments|hakam full" \
           "POST /comments|hakam full, one commit each" "POST /comments|hakam normal, $STORED_COMMENTS comments stored" \
           "POST /wp-comments-post.php|hakam normal"; do
    label=${key%%|*}
    for c in 16 64; do
        awk -v a="${RPS[$key|$c]}" -v b="${RPS[$label|bare|$c]}" -v k="$key" -v c="$c" \
            'BEGIN { printf "%s at %s connections: %.0f%% of the bare handler\n", k, c, 100 * a / b }'
    done
done
