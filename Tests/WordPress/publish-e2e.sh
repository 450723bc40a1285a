#!/usr/bin/env bash
# Proves that approved comments reach a real WordPress by themselves (issue #19): a throwaway
# WordPress from Debian's packages on a private MariaDB, served on loopback by `php -S`; `hakam
# serve` with publishing.wordpress; comments posted through Hakam and approved with the CLI must
# appear in wp_comments (and on the post's page) on the right post under the right parent, with
# none of the reader's email, IP or user agent; trash, forget and purge in Hakam must follow;
# replayed deliveries and a second backfill must add nothing; a comment approved while WordPress
# is down must appear once it is back, once.
#
# Usage: Tests/WordPress/publish-e2e.sh        (HAKAM_BIN=/path/to/hakam skips the debug build)
# Needs the Debian packages wordpress, mariadb-server, php-cli, php-mysql, curl and sqlite3; .ci/wordpress.sh
# installs them. Skips (exit 0, with the reason) when one is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE="Tests/WordPress"

skip() { echo "publish-e2e: SKIPPED: $*" >&2; exit 0; }
WP_DIST="${WP_DIST:-/usr/share/wordpress}"
[ -f "$WP_DIST/wp-settings.php" ] || skip "WordPress is not installed at $WP_DIST (apt-get install wordpress)"
for tool in php mariadbd mariadb-install-db mariadb curl sqlite3; do
    command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install php-cli php-mysql mariadb-server curl sqlite3)"
done
modules="$(php -m)"  # not a pipe: grep -q may close it early, and pipefail would call that a failure
grep -qx mysqli <<<"$modules" || skip "PHP has no mysqli (apt-get install php-mysql)"

WORK="$(mktemp -d)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "${KEEP_WORK:-}" ] && { echo "kept $WORK" >&2; return; }
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${HAKAM_BIN:-}" ]; then
    HAKAM="$HAKAM_BIN"
else
    swift build --product hakam >/dev/null
    HAKAM="$(swift build --show-bin-path)/hakam"
fi
free_port() { php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];'; }

failures=0
check() { # $1: description, then a command that must succeed
    local what="$1"; shift
    if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}
wait_for() { # $1: seconds, then a command; true once the command succeeds
    local deadline=$((SECONDS + $1)); shift
    until "$@"; do [ $SECONDS -ge $deadline ] && return 1; sleep 0.3; done
}

# 1. A private MariaDB (socket only). mariadbd refuses to run as root unless told to; as root it
#    runs as the unprivileged `mysql` user instead.
DB_USER="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then DB_USER=mysql; fi
mkdir -p "$WORK/mysql-run"
mariadb-install-db --datadir="$WORK/mysql" --auth-root-authentication-method=normal --skip-test-db --user="$DB_USER" \
    >"$WORK/mariadb-install.log" 2>&1
[ "$(id -u)" -eq 0 ] && chown -R "$DB_USER" "$WORK/mysql" "$WORK/mysql-run"
mariadbd --no-defaults --datadir="$WORK/mysql" --socket="$WORK/mysql-run/mysql.sock" --skip-networking --user="$DB_USER" \
    --pid-file="$WORK/mysql-run/mysql.pid" --log-error="$WORK/mysql-run/mariadb.log" &
PIDS+=($!)
wait_for 30 test -S "$WORK/mysql-run/mysql.sock" || { echo "MariaDB did not start"; cat "$WORK/mysql-run/mariadb.log"; exit 1; }
sql() { mariadb --socket="$WORK/mysql-run/mysql.sock" -uroot wordpress -N -r -e "$1"; }
mariadb --socket="$WORK/mysql-run/mysql.sock" -uroot -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"

# 2. WordPress on loopback. WP_ENVIRONMENT_TYPE=local: Application Passwords over plain http.
WP_PORT="$(free_port)"
WP_URL="http://127.0.0.1:$WP_PORT"
cp -r "$WP_DIST" "$WORK/wp"
rm -f "$WORK/wp/wp-config.php" "$WORK/wp/.htaccess"
cat >"$WORK/wp/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$WORK/mysql-run/mysql.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', '$WP_URL' );
define( 'WP_SITEURL', '$WP_URL' );
define( 'WP_CONTENT_DIR', '$WORK/wp/wp-content' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_DEBUG', false );
\$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
PHP
mkdir "$WORK/policy"
POST_ID="$(php "$HERE/publish-site.php" install "$WORK/wp" "$WORK/policy/wp.secret")"
start_wordpress() {
    php -S "127.0.0.1:$WP_PORT" -t "$WORK/wp" >>"$WORK/php.log" 2>&1 &
    WP_PID=$!
    PIDS+=($WP_PID)
    wait_for 20 curl -sf -o /dev/null "$WP_URL/?rest_route=/" || { echo "WordPress did not answer"; tail "$WORK/php.log"; exit 1; }
}
start_wordpress

# 3. Hakam: every comment waits for a moderator; the proxy on loopback is trusted, so the
#    reader's address is the X-Forwarded-For one (which must never reach WordPress).
cat >"$WORK/policy/policy.yml" <<YAML
moderation: all
flood: {enabled: false}
rate_limit: {enabled: false}
trusted_proxies: [127.0.0.1/32]
form_timing: {enabled: false}
notifications:
  delivery: {poll_seconds: 0.2, retry_base_seconds: 0.5, retry_max_seconds: 2, max_attempts: 100}
publishing:
  wordpress:
    url: $WP_URL
    user: hakam-bot
    application_password_file: wp.secret
    post_id_from: comment_post_ID
YAML
export HAKAM_DB="$WORK/hakam.sqlite" HAKAM_POLICY="$WORK/policy/policy.yml"
"$HAKAM" migrate >/dev/null
HAKAM_PORT="$(free_port)"
"$HAKAM" serve --port "$HAKAM_PORT" --log-format json >"$WORK/hakam.log" 2>&1 &
PIDS+=($!)
wait_for 30 curl -sf -o /dev/null "http://127.0.0.1:$HAKAM_PORT/healthz" || { echo "hakam did not start"; cat "$WORK/hakam.log"; exit 1; }

READER_EMAIL="reader.private@example.com"; READER_IP="203.0.113.77"; READER_AGENT="PrivateAgent/9.9 (publish-e2e)"
post_comment() { # $1: JSON body; prints the new comment's id
    curl -sf -H 'Content-Type: application/json' -H "X-Forwarded-For: $READER_IP" -A "$READER_AGENT" \
        -d "$1" "http://127.0.0.1:$HAKAM_PORT/comments" | php -r 'echo json_decode(stream_get_contents(STDIN))->id;'
}
copy_of() { sql "SELECT comment_ID FROM wp_comments WHERE comment_author_email = 'hakam-$1@hakam.invalid'"; }
copies_of() { sql "SELECT COUNT(*) FROM wp_comments WHERE comment_author_email = 'hakam-$1@hakam.invalid'"; }
approval_of() { sql "SELECT comment_approved FROM wp_comments WHERE comment_author_email = 'hakam-$1@hakam.invalid'"; }
is() { [ "$($1 "$2")" = "$3" ]; }
no_pending_deliveries() { [ "$("$HAKAM" deliveries --status pending --json)" = "[]" ]; }

echo "== WordPress $WP_URL (post $POST_ID), hakam on port $HAKAM_PORT"
PARENT="$(post_comment "{\"post\":\"$POST_ID\",\"name\":\"Sara & Co\",\"email\":\"$READER_EMAIL\",\"url\":\"https://sara.example/\",\"body\":\"First! <script>alert(1)</script> & more\\nsecond line\"}")"
echo "posted comment $PARENT (held: moderation: all)"
sleep 1
check "nothing reaches WordPress before approval" is copies_of "$PARENT" 0
"$HAKAM" approve "$PARENT" --as e2e >/dev/null
check "the approved comment appears in wp_comments" wait_for 30 is copies_of "$PARENT" 1
# Hakam takes and approves a reply only under an approved parent.
REPLY="$(post_comment "{\"post\":\"$POST_ID\",\"parent\":$PARENT,\"name\":\"أحمد\",\"email\":\"other.private@example.com\",\"body\":\"رد على سارة\"}")"
echo "posted its reply $REPLY"
"$HAKAM" approve "$REPLY" --as e2e >/dev/null
check "the approved reply appears" wait_for 30 is copies_of "$REPLY" 1
PARENT_WP="$(copy_of "$PARENT")"; REPLY_WP="$(copy_of "$REPLY")"
reply_parent() { sql "SELECT comment_parent FROM wp_comments WHERE comment_ID = $1"; }
check "the reply's parent is the parent's copy" wait_for 30 is reply_parent "$REPLY_WP" "$PARENT_WP"
check "both are on post $POST_ID" [ "$(sql "SELECT COUNT(*) FROM wp_comments WHERE comment_post_ID = $POST_ID AND comment_ID IN ($PARENT_WP, $REPLY_WP)")" = 2 ]
check "both are approved" [ "$(approval_of "$PARENT")$(approval_of "$REPLY")" = 11 ]
check "author name and URL as the reader gave them" [ "$(sql "SELECT CONCAT(comment_author, '|', comment_author_url) FROM wp_comments WHERE comment_ID = $PARENT_WP")" = "Sara &amp; Co|https://sara.example/" ]
check "the text is stored as text (no live <script>)" [ "$(sql "SELECT comment_content LIKE '%&lt;script&gt;%' AND comment_content NOT LIKE '%<script>%' FROM wp_comments WHERE comment_ID = $PARENT_WP")" = 1 ]
HAKAM_DATE="$(curl -sf "http://127.0.0.1:$HAKAM_PORT/comments?post=$POST_ID" | php -r '
    foreach (json_decode(stream_get_contents(STDIN))->comments as $c) if ($c->id == '"$PARENT"') echo substr(str_replace("T", " ", $c->created_at), 0, 19);')"
check "the date is the comment's own ($HAKAM_DATE)" [ "$(sql "SELECT comment_date_gmt FROM wp_comments WHERE comment_ID = $PARENT_WP")" = "$HAKAM_DATE" ]
PAGE="$(curl -sf "$WP_URL/?p=$POST_ID")"
check "the post's page shows both comments" grep -q "رد على سارة" <<<"$PAGE"
check "the page shows the reply threaded under the parent" php -r '
    $html = stream_get_contents(STDIN);
    exit(preg_match("#<li id=\"comment-'"$PARENT_WP"'\"[^>]*depth-1.*?<ol[^>]*>\s*<li id=\"comment-'"$REPLY_WP"'\"[^>]*depth-2#s", $html) ? 0 : 1);' <<<"$PAGE"

dump_comments() { sql "SELECT * FROM wp_comments"; sql "SELECT * FROM wp_commentmeta"; }
check "no reader email, IP or user agent in wp_comments or wp_commentmeta" bash -c '! grep -qiE "private@example|203\.0\.113\.77|PrivateAgent" <<<"$1"' _ "$(dump_comments)"
check "the copies' email is the placeholder, the IP loopback, the agent Hakam's" [ "$(sql "SELECT GROUP_CONCAT(DISTINCT CONCAT(comment_author_email LIKE 'hakam-%@hakam.invalid', '|', comment_author_IP, '|', comment_agent)) FROM wp_comments")" = "1|127.0.0.1|Hakam" ]

echo "== moderation in Hakam follows"
"$HAKAM" trash "$REPLY" --as e2e >/dev/null
check "trashed in Hakam: the copy is in WordPress's trash" wait_for 30 is approval_of "$REPLY" trash
check "... and no longer on the page" bash -c '! curl -sf "$1" | grep -q "رد على سارة"' _ "$WP_URL/?p=$POST_ID"
"$HAKAM" undo "$REPLY" --as e2e >/dev/null
check "undone: approved again" wait_for 30 is approval_of "$REPLY" 1
check "... the same copy, still one" bash -c '[ "$1" = "$2" ] && [ "$3" = 1 ]' _ "$(copy_of "$REPLY")" "$REPLY_WP" "$(copies_of "$REPLY")"
"$HAKAM" hold "$PARENT" --as e2e >/dev/null
check "held in Hakam: the copy waits in WordPress (comment_approved 0)" wait_for 30 is approval_of "$PARENT" 0
"$HAKAM" approve "$PARENT" --as e2e >/dev/null
check "approved again" wait_for 30 is approval_of "$PARENT" 1

echo "== replays add nothing"
wait_for 30 no_pending_deliveries || true
before="$(sql "SELECT COUNT(*) FROM wp_comments")"
sent_ids="$("$HAKAM" deliveries --status sent --json | php -r 'foreach (json_decode(stream_get_contents(STDIN)) as $d) echo $d->id, " ";')"
# shellcheck disable=SC2086
"$HAKAM" deliveries retry $sent_ids >/dev/null
check "every sent delivery was sent again" wait_for 60 no_pending_deliveries
check "replayed deliveries added no comment ($before rows)" [ "$(sql "SELECT COUNT(*) FROM wp_comments")" = "$before" ]
"$HAKAM" publish wordpress >"$WORK/publish.out" 2>&1 || { cat "$WORK/publish.out"; false; }
cat "$WORK/publish.out"
check "the backfill run again created nothing" grep -q " 0 created, 2 brought up to date" "$WORK/publish.out"
check "... and added no row" [ "$(sql "SELECT COUNT(*) FROM wp_comments")" = "$before" ]
# As if every create's answer had been lost: Hakam forgets the copies' ids; the next run must find
# the copies by their placeholder email through WordPress's REST API, not make new ones.
sqlite3 "$HAKAM_DB" "DELETE FROM published_copies"
"$HAKAM" publish wordpress >"$WORK/publish-lost.out" 2>&1 || { cat "$WORK/publish-lost.out"; false; }
cat "$WORK/publish-lost.out"
check "with Hakam's record of the copies lost, the backfill finds them instead of creating" grep -q " 0 created, 2 brought up to date" "$WORK/publish-lost.out"
check "... and adds no row" [ "$(sql "SELECT COUNT(*) FROM wp_comments")" = "$before" ]
check "... and records the same ids again" [ "$(sqlite3 "$HAKAM_DB" "SELECT GROUP_CONCAT(remote_id) FROM (SELECT remote_id FROM published_copies ORDER BY comment_id)")" = "$PARENT_WP,$REPLY_WP" ]

echo "== WordPress down during an approval"
kill "$WP_PID"; wait "$WP_PID" 2>/dev/null || true
LATE="$(post_comment "{\"post\":\"$POST_ID\",\"name\":\"Late Reader\",\"email\":\"$READER_EMAIL\",\"body\":\"Approved while the site was down.\"}")"
"$HAKAM" approve "$LATE" --as e2e >/dev/null
failing() { "$HAKAM" deliveries --status pending --json | php -r '
    foreach (json_decode(stream_get_contents(STDIN)) as $d) if (str_starts_with($d->last_error ?? "", "request failed")) exit(0);
    exit(1);'; }
check "the delivery fails and waits to retry (hakam deliveries shows it)" wait_for 30 failing
"$HAKAM" deliveries | sed -n '1,3p'
start_wordpress
check "back up: the comment appears" wait_for 60 is copies_of "$LATE" 1
sleep 2
check "... once" is copies_of "$LATE" 1

echo "== forget and purge"
"$HAKAM" forget --email "$READER_EMAIL" --as e2e >/dev/null
check "forgotten in Hakam: the copy's author is Anonymous, without URL" wait_for 30 bash -c '[ "$(mariadb --socket="$1" -uroot wordpress -N -r -e "SELECT CONCAT(comment_author, \"|\", comment_author_url) FROM wp_comments WHERE comment_ID = $2")" = "Anonymous|" ]' _ "$WORK/mysql-run/mysql.sock" "$PARENT_WP"
"$HAKAM" trash "$LATE" --as e2e >/dev/null
sleep 1.1
"$HAKAM" purge --trash-older-than 1s --as e2e >/dev/null
check "purged in Hakam: the copy is deleted from WordPress" wait_for 30 is copies_of "$LATE" 0

echo "== a post key that is the post's slug (post_id_from: slug), through the backfill"
SLUGGED="$(post_comment "{\"post\":\"an-article\",\"name\":\"Slug Reader\",\"email\":\"slug.private@example.com\",\"body\":\"Keyed by the slug.\"}")"
"$HAKAM" approve "$SLUGGED" --as e2e >/dev/null
parked() { grep -q "is not a WordPress post id" <<<"$("$HAKAM" deliveries --status failed --json)"; }
check "the server (post_id_from: comment_post_ID) parks it at once: the key is not a post id" wait_for 30 parked
sed 's/post_id_from: comment_post_ID/post_id_from: slug/' "$WORK/policy/policy.yml" >"$WORK/policy/slug.yml"
HAKAM_POLICY="$WORK/policy/slug.yml" "$HAKAM" publish wordpress >"$WORK/publish-slug.out" 2>&1 || { cat "$WORK/publish-slug.out"; false; }
cat "$WORK/publish-slug.out"
check "with post_id_from: slug it lands on the post with that slug" [ "$(sql "SELECT comment_post_ID FROM wp_comments WHERE comment_author_email = 'hakam-$SLUGGED@hakam.invalid'")" = "$POST_ID" ]

echo "== privacy, at the end"
check "no reader email, IP or user agent anywhere in wp_comments or wp_commentmeta" bash -c '! grep -qiE "private@example|203\.0\.113\.77|PrivateAgent" <<<"$1"' _ "$(dump_comments)"
SECRET="$(tr -d '\n' <"$WORK/policy/wp.secret")"
check "no secret or private data in hakam's log" bash -c '! grep -qiE "private@example|203\.0\.113\.77|PrivateAgent" "$1" && ! grep -qF -e "$2" -e "${2// /}" "$1"' _ "$WORK/hakam.log" "$SECRET"

if [ "$failures" -eq 0 ]; then echo "publish-e2e: PASS"; else echo "publish-e2e: FAIL ($failures)"; KEEP_WORK=${KEEP_WORK:-}; fi
[ "$failures" -eq 0 ]
