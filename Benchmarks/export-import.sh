#!/usr/bin/env bash
# Export and import benchmark, release build:
#  - a database of EXPORT_ROWS (default 1,000,000) approved comments, generated with one bulk
#    SQL insert (sqlite3, one transaction), exported with `hakam export --format ndjson`;
#  - a WordPress export (WXR) of IMPORT_ROWS (default 100,000) comments, imported with
#    `hakam import` into a fresh database.
# Wall time and peak RSS come from /usr/bin/time -v. Prints a small table.
# Usage: Benchmarks/export-import.sh   (EXPORT_ROWS=… IMPORT_ROWS=… to change the sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
EXPORT_ROWS="${EXPORT_ROWS:-1000000}"
IMPORT_ROWS="${IMPORT_ROWS:-100000}"
for tool in sqlite3 python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install sqlite3 python3 time)" >&2; exit 1; }
done

swift build -c release --product hakam >/dev/null
HAKAM="$(swift build -c release --show-bin-path)/hakam"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# 1. The export database: posts of 100 comments, every 5th a reply, created 1 s apart.
"$HAKAM" migrate --db "$WORK/export.sqlite" >/dev/null
sqlite3 "$WORK/export.sqlite" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $EXPORT_ROWS)
INSERT INTO posts (key, created_at)
SELECT 'post-' || (i / 100), '2025-01-01 00:00:00.000' FROM n WHERE i % 100 = 0 OR i = 1;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $EXPORT_ROWS)
INSERT INTO comments (id, post_key, parent_id, name, url, body, status, policy_version, body_digest, created_at, updated_at)
SELECT i, 'post-' || (i / 100), CASE WHEN i % 5 = 0 AND i % 100 <> 0 THEN i - 1 END,
       'قارئ ' || (i % 997), CASE WHEN i % 3 = 0 THEN 'https://reader' || (i % 997) || '.example/' END,
       'تعليق رقم ' || i || ' على المقال: "شكراً" للكاتب، the analysis is good & fair.',
       'approved', 'bench', hex(randomblob(16)),
       strftime('%Y-%m-%d %H:%M:%f', 1700000000 + i, 'unixepoch'), strftime('%Y-%m-%d %H:%M:%f', 1700000000 + i, 'unixepoch')
FROM n;
COMMIT;
SQL

/usr/bin/time -v "$HAKAM" export --db "$WORK/export.sqlite" --format ndjson --output "$WORK/out.ndjson" 2>"$WORK/export.time"
exported=$(wc -l <"$WORK/out.ndjson")

# 1b. The moderation queue on the same database: every 20th comment (50,000) made pending
# (email hashes are NULL in generated rows, so the authors trigger has nothing to count).
sqlite3 "$WORK/export.sqlite" "UPDATE comments SET status = 'pending' WHERE id % 20 = 0"
queue_ms() { # best of 3 runs, in ms
    local best=""
    for _ in 1 2 3; do
        local start end
        start=$(date +%s%N); "$HAKAM" queue --db "$WORK/export.sqlite" "$@" >/dev/null; end=$(date +%s%N)
        local ms=$(( (end - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
}
queue_oldest=$(queue_ms --limit 50)
queue_post=$(queue_ms --limit 50 --post post-5000)
queue_json=$(queue_ms --limit 500 --json)

# 2. The WXR file: IMPORT_ROWS comments on posts of 50, every 4th a reply; 500 authors.
python3 - "$WORK/in.xml" "$IMPORT_ROWS" <<'PY'
import sys
path, rows = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8") as out:
    out.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
              '<title>Bench</title>\n<link>https://bench.example</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n'
              '<wp:base_site_url>https://bench.example</wp:base_site_url>\n')
    for i in range(1, rows + 1):
        post = (i - 1) // 50 + 1
        if (i - 1) % 50 == 0:
            if i > 1: out.write('</item>\n')
            out.write(f'<item>\n<title>Post {post}</title>\n<wp:post_id>{post}</wp:post_id>\n<wp:post_type>post</wp:post_type>\n')
        parent = i - 1 if i % 4 == 0 and (i - 1) % 50 != 0 else 0
        author = i % 500
        out.write(f'<wp:comment>\n<wp:comment_id>{i}</wp:comment_id>\n<wp:comment_author><![CDATA[قارئ {author}]]></wp:comment_author>\n'
                  f'<wp:comment_author_email>reader{author}@example.com</wp:comment_author_email>\n'
                  f'<wp:comment_author_url>https://reader{author}.example/</wp:comment_author_url>\n'
                  f'<wp:comment_author_IP>198.51.{author % 250}.{i % 250}</wp:comment_author_IP>\n'
                  f'<wp:comment_date>2020-01-01 00:00:00</wp:comment_date>\n<wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>\n'
                  f'<wp:comment_content><![CDATA[تعليق رقم {i}: "شكراً" للكاتب، the analysis is good & fair.]]></wp:comment_content>\n'
                  f'<wp:comment_approved>{"1" if i % 10 else "0"}</wp:comment_approved>\n<wp:comment_type>comment</wp:comment_type>\n'
                  f'<wp:comment_parent>{parent}</wp:comment_parent>\n</wp:comment>\n')
    out.write('</item>\n</channel>\n</rss>\n')
PY
/usr/bin/time -v "$HAKAM" import --db "$WORK/import.sqlite" "$WORK/in.xml" >"$WORK/import.out" 2>"$WORK/import.time"
imported=$(sqlite3 "$WORK/import.sqlite" "SELECT count(*) FROM comments")

seconds() { # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.31" → 2.31
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$1"
}
rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
export_s=$(seconds "$WORK/export.time"); import_s=$(seconds "$WORK/import.time")
file_mb=$(du -m "$WORK/in.xml" | cut -f1)

echo "== export/import ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores)"
echo "| run | rows | wall s | rows/s | peak RSS MB |"
echo "|---|---|---|---|---|"
awk -v r="$exported" -v s="$export_s" -v m="$(rss_mb "$WORK/export.time")" 'BEGIN { printf "| export ndjson | %d | %.2f | %.0f | %s |\n", r, s, r / s, m }'
awk -v r="$imported" -v s="$import_s" -v m="$(rss_mb "$WORK/import.time")" -v f="$file_mb" 'BEGIN { printf "| import wxr (%s MB file) | %d | %.2f | %.0f | %s |\n", f, r, s, r / s, m }'
echo
echo "| moderation queue on 1,000,000 comments (50,000 pending), whole command, best of 3 | ms |"
echo "|---|---|"
echo "| \`hakam queue --limit 50\` (oldest pending first) | $queue_oldest |"
echo "| \`hakam queue --limit 50 --post post-5000\` | $queue_post |"
echo "| \`hakam queue --limit 500 --json\` | $queue_json |"
