#!/usr/bin/env bash
# Public read benchmark: wrk reads one article's approved comments (50, realistic Arabic and
# English) from `hakam serve` and from the bare Hummingbird handler serving the same bytes, in the
# same run: the JSON list, the HTML list, the 304 path (If-None-Match), and a mixed load (reads
# while comments are being posted at 5% of the read rate, p99 of the reads). Then the submit row
# on a database of STORED_COMMENTS (default 1,000,000) comments.
# Usage: Benchmarks/reads.sh   (env: DURATION seconds per row, default 8; STORED_COMMENTS, 0 skips;
# STORED_DB: a database made earlier by this script, copied instead of made again, its key beside it;
# HAKAM_BIN_DIR and BARE_BIN_DIR: folders holding release `hakam` and `BareServer` built elsewhere)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8}
STORED_COMMENTS=${STORED_COMMENTS:-1000000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }

if [ -n "${HAKAM_BIN_DIR:-}" ] && [ -n "${BARE_BIN_DIR:-}" ]; then
    # Release binaries built elsewhere (another scratch path): `hakam` and `BareServer` in them.
    BIN=$HAKAM_BIN_DIR
    BENCH_BIN=$BARE_BIN_DIR
else
swift build -c release --product hakam >/tmp/hakam-bench-build.log 2>&1 || { cat /tmp/hakam-bench-build.log >&2; exit 1; }
swift build -c release --package-path Benchmarks --product BareServer >/tmp/hakam-bench-build.log 2>&1 || { cat /tmp/hakam-bench-build.log >&2; exit 1; }
BIN=$(swift build -c release --show-bin-path)
BENCH_BIN=$(swift build -c release --package-path Benchmarks --show-bin-path)
fi

work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The shipped policy with loopback as the trusted proxy (every simulated reader has an address of
# its own, as behind nginx); `open`: published at once, so the mixed load's posts change the lists.
mkdir -p "$work/policy"
sed 's/^trusted_proxies: .*/trusted_proxies: [127.0.0.1\/32]/' Policies/default.yml > "$work/policy/default.yml"
sed 's/^moderation: .*/moderation: none/' "$work/policy/default.yml" > "$work/policy/open.yml"
ln -s "$PWD/Policies/words" "$work/policy/words"
ln -s "$PWD/Policies/domains" "$work/policy/domains"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
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
field() { sed "s/.*$1=\([0-9.]*\).*/\1/" <<<"$2"; }

declare -A RPS P99
# row LABEL SERVER CONNECTIONS -- wrk arguments after the URL
row() {
    local label=$1 server=$2 c=$3; shift 4
    local result
    result=$(wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@" | grep '^RESULT')
    RPS["$label|$server"]=$(field rps "$result"); P99["$label|$server"]=$(field p99_ms "$result")
    printf '| %s | %s | %s | %.0f | %s | %s | %s | %s |\n' "$label" "$server" "$c" "$(field rps "$result")" \
        "$(field p50_ms "$result")" "$(field p99_ms "$result")" "$(field ok "$result")" \
        "$(( $(field other "$result") + $(field socket_errors "$result") ))"
}

# A fresh database with 50 approved comments on article-0, made with the server's own schema.
"$BIN/hakam" migrate --db "$work/hakam.sqlite" >/dev/null
sqlite3 "$work/hakam.sqlite" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
INSERT INTO posts (key, created_at) VALUES ('article-0', '2025-01-01 00:00:00.000');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
INSERT INTO comments (post_key, parent_id, name, url, body, status, reasons, policy_version, body_digest, folded_digest, created_at, updated_at)
SELECT 'article-0', CASE WHEN i % 5 = 0 THEN i - 1 END, CASE i % 2 WHEN 0 THEN 'قارئ ' || i ELSE 'Reader ' || i END,
       CASE WHEN i % 7 = 0 THEN 'https://example.com/' || i END,
       CASE i % 2 WHEN 0 THEN 'تعليق رقم ' || i || ': شكراً للكاتب على هذا المقال الذي يوضح الحقائق بشكل واضح، وأتمنى أن تستمر الصحيفة في نشر مثل هذه التقارير المهمة.'
                  ELSE 'Comment ' || i || ': thanks for this article, which explains the facts clearly; I hope the paper keeps publishing reports like this one.' END,
       'approved', '[]', 'bench', lower(hex(randomblob(32))), lower(hex(randomblob(32))),
       strftime('%Y-%m-%d %H:%M:%f', 1750000000 + i * 60, 'unixepoch'), strftime('%Y-%m-%d %H:%M:%f', 1750000000 + i * 60, 'unixepoch')
FROM n;
SQL
cp "$work/hakam.sqlite" "$work/reads.sqlite"

JSON_PATH="/comments?post=article-0"
HTML_PATH="/comments.html?post=article-0&lang=ar"
echo "== Public reads ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 ${DURATION}s per row on the same cores)"
echo "| request | server | connections | requests/s | p50 ms | p99 ms | 200/304 | other |"
echo "|---|---|---|---|---|---|---|---|"

start "$BIN/hakam" serve --db "$work/reads.sqlite" --policy "$work/policy/default.yml"
curl -s "http://127.0.0.1:$port$JSON_PATH" > "$work/list.json"
curl -s "http://127.0.0.1:$port$HTML_PATH" > "$work/list.html"
ETAG=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port$JSON_PATH" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ "$(grep -o '"id"' "$work/list.json" | wc -l)" = 50 ] || { echo "the list does not hold 50 comments" >&2; exit 1; }
wrk -t2 -c16 -d2s -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH" >/dev/null
row "GET /comments (50, JSON)" hakam 64 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH"
row "GET /comments.html (50)" hakam 64 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$HTML_PATH"
row "GET /comments, If-None-Match (304)" hakam 64 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH" "$ETAG"
stop

start "$BENCH_BIN/BareServer" --json "$work/list.json" --html "$work/list.html"
wrk -t2 -c16 -d2s -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH" >/dev/null
row "GET /comments (50, JSON)" bare 64 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH"
row "GET /comments.html (50)" bare 64 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$HTML_PATH"
row "GET /comments, If-None-Match (304)" bare 64 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH" '"bare"'
# The mixed load against the bare handler: reads beside posts at 5% of the bare read rate.
BARE_READS=${RPS["GET /comments (50, JSON)|bare"]}
pause_for() { awk -v r="$1" 'BEGIN { posts = r * 0.05 / 0.95; printf "%d", (posts > 0 ? 4000 / posts : 1000) }'; }
wrk -t1 -c4 -d"$((DURATION + 1))s" -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json 0 "$(pause_for "$BARE_READS")" > "$work/posts-bare.out" &
row "mixed: GET /comments while posting" bare 60 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH"
wait %%
stop

# Mixed load on Hakam: reads of article-0 while 4 connections post (at 5% of the read rate
# measured above) to 50 articles with `moderation: none`, so about one post in 50 changes the list.
cp "$work/hakam.sqlite" "$work/mixed.sqlite"
start "$BIN/hakam" serve --db "$work/mixed.sqlite" --policy "$work/policy/open.yml"
HAKAM_READS=${RPS["GET /comments (50, JSON)|hakam"]}
wrk -t1 -c4 -d"$((DURATION + 1))s" -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json 0 "$(pause_for "$HAKAM_READS")" > "$work/posts-hakam.out" &
row "mixed: GET /comments while posting" hakam 60 -- -s Benchmarks/HTTP/reads.lua "http://127.0.0.1:$port" -- "$JSON_PATH"
wait %%
POSTED=$(grep '^RESULT' "$work/posts-hakam.out" || true)
stop
echo
echo "mixed load, posts beside the reads: hakam $(field ok "$POSTED") created, p99 $(field p99_ms "$POSTED") ms; bare $(grep '^RESULT' "$work/posts-bare.out" | sed 's/.*ok=\([0-9]*\).*/\1/') answered"
for label in "GET /comments (50, JSON)" "GET /comments.html (50)" "GET /comments, If-None-Match (304)" "mixed: GET /comments while posting"; do
    awk -v a="${RPS[$label|hakam]}" -v b="${RPS[$label|bare]}" -v k="$label" -v p="${P99[$label|hakam]}" \
        'BEGIN { printf "%s: %.0f%% of the bare handler, p99 %s ms\n", k, 100 * a / b, p }'
done

[ "$STORED_COMMENTS" -gt 0 ] || exit 0
echo
echo "== Submit on $STORED_COMMENTS stored comments ($(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
if [ -n "${STORED_DB:-}" ]; then
    cp "$STORED_DB" "$work/stored.sqlite"; cp -p "$STORED_DB.key" "$work/stored.sqlite.key"
    echo "database copied from $STORED_DB: $(du -m "$work/stored.sqlite" | cut -f1) MB"
else
start_build=$(date +%s)
"$BIN/hakam" migrate --db "$work/stored.sqlite" >/dev/null
(umask 077 && python3 -c 'import secrets; print(secrets.token_hex(32))' > "$work/stored.sqlite.key")
# The rows go in without the comments' indexes, which are then built once each from sorted keys:
# inserting a million random hashes into five indexes took about 9 minutes here, I/O bound.
sqlite3 "$work/stored.sqlite" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'comments' AND sql IS NOT NULL" > "$work/drop.sql"
sqlite3 "$work/stored.sqlite" "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'comments' AND sql IS NOT NULL" > "$work/indexes.sql"
sqlite3 "$work/stored.sqlite" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1048576;
BEGIN;
.read $work/drop.sql
INSERT INTO posts (key, created_at) SELECT 'article-' || value, '2025-01-01 00:00:00.000' FROM generate_series(0, 49);
INSERT INTO comments (post_key, name, body, status, reasons, policy_version, email_hash, email_sealed, ip_hash,
                      user_agent, body_digest, folded_digest, created_at, updated_at)
SELECT 'article-' || (value % 50), 'قارئ ' || (value % 997), 'تعليق رقم ' || value || ' على المقال: شكراً للكاتب، the analysis is fair.',
       CASE value % 10 WHEN 0 THEN 'pending' WHEN 1 THEN 'spam' ELSE 'approved' END, '[]', 'bench',
       lower(hex(randomblob(32))), NULL, lower(hex(randomblob(32))), 'Mozilla/5.0',
       lower(hex(randomblob(32))), lower(hex(randomblob(32))),
       strftime('%Y-%m-%d %H:%M:%f', 1700000000 + value * 6, 'unixepoch'), strftime('%Y-%m-%d %H:%M:%f', 1700000000 + value * 6, 'unixepoch')
FROM generate_series(1, $STORED_COMMENTS);
.read $work/indexes.sql
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
# The server checks its key against the newest sealed email, so the newest is a real one,
# imported with the key; the others then get random bytes of a sealed email's size.
cat > "$work/one.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<item>
<title>Post 0</title><wp:post_id>0</wp:post_id><wp:post_type>post</wp:post_type>
<wp:comment>
<wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[قارئ]]></wp:comment_author>
<wp:comment_author_email>reader@example.com</wp:comment_author_email>
<wp:comment_date>2024-01-01 00:00:00</wp:comment_date><wp:comment_date_gmt>2024-01-01 00:00:00</wp:comment_date_gmt>
<wp:comment_content><![CDATA[تعليق واحد حقيقي]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent>
</wp:comment>
</item>
</channel>
</rss>
XML
"$BIN/hakam" import --db "$work/stored.sqlite" "$work/one.xml" >/dev/null
sqlite3 "$work/stored.sqlite" >/dev/null <<SQL
PRAGMA synchronous = OFF;
UPDATE comments SET email_sealed = randomblob(61) WHERE id < (SELECT max(id) FROM comments);
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "database made in $(( $(date +%s) - start_build )) s: $(du -m "$work/stored.sqlite" | cut -f1) MB"
fi
echo "| endpoint | server | connections | requests/s | p50 ms | p99 ms | 201 | other |"
echo "|---|---|---|---|---|---|---|---|"
start "$BIN/hakam" serve --db "$work/stored.sqlite" --policy "$work/policy/default.yml"
wrk -t2 -c16 -d2s -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json >/dev/null
row "POST /comments" "hakam, $STORED_COMMENTS stored" 16 -- -s Benchmarks/HTTP/comments.lua "http://127.0.0.1:$port" -- json
stop
