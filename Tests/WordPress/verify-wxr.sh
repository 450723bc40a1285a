#!/usr/bin/env bash
# Proves that WordPress's own importer accepts Hakam's WXR (issue #5): builds a Hakam database
# of tricky approved comments (Arabic, threads, URLs, quotes, ampersands, `]]>`, CRLF, emoji,
# U+2028, backslashes, several posts, numeric and text post keys), exports it with
# `hakam export --format wxr`, installs a throwaway WordPress on a private MariaDB, runs the
# WordPress Importer plugin on the file and checks wp_comments field by field against Hakam's
# NDJSON export of the same comments. It also runs the plugin's three parsers on the file.
#
# Usage: WP_IMPORTER_DIR=/path/to/wordpress-importer Tests/WordPress/verify-wxr.sh
#   (HAKAM_BIN=/path/to/hakam skips the debug build.)
#   WP_IMPORTER_DIR is the plugin folder (the one holding wordpress-importer.php, or a git
#   checkout with src/). See Tests/WordPress/README.md for how to get it.
# Needs the Debian packages wordpress, mariadb-server, php-cli, php-mysql, php-xml and sqlite3.
# Skips (exit 0, with the reason) when the plugin or a package is missing. Not part of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE="Tests/WordPress"

skip() { echo "verify-wxr: SKIPPED: $*" >&2; exit 0; }
[ -n "${WP_IMPORTER_DIR:-}" ] || skip "WP_IMPORTER_DIR is not set (the WordPress Importer plugin folder; see $HERE/README.md)"
[ -f "$WP_IMPORTER_DIR/wordpress-importer.php" ] || [ -f "$WP_IMPORTER_DIR/src/wordpress-importer.php" ] \
    || skip "no wordpress-importer.php in $WP_IMPORTER_DIR"
WP_DIST="${WP_DIST:-/usr/share/wordpress}"
[ -f "$WP_DIST/wp-settings.php" ] || skip "WordPress is not installed at $WP_DIST (apt-get install wordpress)"
for tool in php mariadbd mariadb-install-db mariadb sqlite3; do
    command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install php-cli php-mysql php-xml mariadb-server sqlite3)"
done
modules="$(php -m)"
for module in mysqli SimpleXML xml; do
    grep -qx "$module" <<<"$modules" || skip "PHP has no $module (apt-get install php-mysql php-xml)"
done
WP_IMPORTER_DIR="$(cd "$WP_IMPORTER_DIR" && pwd)"

WORK="$(mktemp -d)"
MARIADB_PID=""
cleanup() {
    if [ -n "$MARIADB_PID" ]; then kill "$MARIADB_PID" 2>/dev/null; wait "$MARIADB_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${HAKAM_BIN:-}" ]; then  # a hakam binary already built (any configuration)
    HAKAM="$HAKAM_BIN"
else
    swift build --product hakam >/dev/null
    HAKAM="$(swift build --show-bin-path)/hakam"
fi

# 1. Hakam's side: approved comments with everything a WXR must carry, plus two it must not.
"$HAKAM" migrate --db "$WORK/hakam.sqlite" >/dev/null
sqlite3 "$WORK/hakam.sqlite" <<'SQL'
INSERT INTO posts (key, created_at) VALUES ('1', '2026-01-01 00:00:00.000'), ('42', '2026-01-01 00:00:00.000'),
    ('economy/2026', '2026-01-01 00:00:00.000'), ('مقال-عن-الاقتصاد', '2026-01-01 00:00:00.000');
INSERT INTO comments (id, post_key, parent_id, name, url, body, status, policy_version, body_digest, created_at, updated_at) VALUES
 (101, '1', NULL, 'أحمد', NULL, 'مقال رائع، شكراً للكاتب!', 'approved', 't', 'd101', '2026-03-01 08:00:00.612', '2026-03-01 08:00:00.612'),
 (102, '1', 101, 'Sara & Co "The Readers"', 'https://example.org/a?b=1&c=2', 'I agree with "أحمد" & the <b>author</b> — 5 > 3 < 4.', 'approved', 't', 'd102', '2026-03-01 08:05:00.000', '2026-03-01 08:05:00.000'),
 (103, '1', 102, 'O''Brien', 'http://obrien.example/', 'CDATA ends like ]]> and ]]]]> and ]]>]]> here.' || char(13) || char(10) || 'A second line after CRLF.' || char(13) || char(10) || char(13) || char(10) || 'After a blank line.', 'approved', 't', 'd103', '2026-03-01 08:10:00.999', '2026-03-01 08:10:00.999'),
 (104, '42', NULL, 'فاطمة الزهراء', 'https://مثال.example/مسار?q=عربي', 'سطر أول' || char(10) || 'سطر ثان 😀 مع فاصل' || char(8232) || 'وجدول' || char(9) || 'هنا', 'approved', 't', 'd104', '2026-03-02 09:00:00.000', '2026-03-02 09:00:00.000'),
 (105, '42', 104, 'Ali \ Backslash', NULL, 'Paths like C:\new\table and \"escaped\" quotes \\ stay.', 'approved', 't', 'd105', '2026-03-02 09:00:01.000', '2026-03-02 09:00:01.000'),
 (106, '42', NULL, 'Same Second', NULL, 'Two comments in the same second: the first.', 'approved', 't', 'd106', '2026-03-02 10:00:00.000', '2026-03-02 10:00:00.000'),
 (107, '42', 104, 'Same Second Too', NULL, 'Two comments in the same second: the second, a reply to 104.', 'approved', 't', 'd107', '2026-03-02 10:00:00.000', '2026-03-02 10:00:00.000'),
 (108, 'economy/2026', NULL, 'Economist', 'https://economist.example/path/to/page#section', '  Leading and trailing spaces, & an ampersand.  ', 'approved', 't', 'd108', '2026-03-03 11:00:00.000', '2026-03-03 11:00:00.000'),
 (109, 'economy/2026', 108, 'رد على الاقتصادي', NULL, 'Reply with <a href="https://link.example/">a link</a> and <script>alert(1)</script>.', 'approved', 't', 'd109', '2026-03-03 11:30:00.000', '2026-03-03 11:30:00.000'),
 (110, 'مقال-عن-الاقتصاد', NULL, 'قارئ', NULL, 'تعليق على مقال بمفتاح عربي.', 'approved', 't', 'd110', '2026-03-04 12:00:00.000', '2026-03-04 12:00:00.000'),
 (111, 'مقال-عن-الاقتصاد', 110, 'قارئ آخر', NULL, 'رد: أتفق تماماً. 100% & more', 'approved', 't', 'd111', '2026-03-04 12:01:00.000', '2026-03-04 12:01:00.000'),
 (114, 'economy/2026', 109, 'CRLF Only', NULL, 'A form textarea sends CRLF:' || char(13) || char(10) || 'second line, no CDATA terminator anywhere.', 'approved', 't', 'd114', '2026-03-03 12:00:00.000', '2026-03-03 12:00:00.000'),
 (112, '1', NULL, 'Pending Person', NULL, 'Held for moderation: must not be exported.', 'pending', 't', 'd112', '2026-03-01 09:00:00.000', '2026-03-01 09:00:00.000'),
 (113, '42', NULL, 'Spammer', 'https://spam.example/', 'Spam: must not be exported.', 'spam', 't', 'd113', '2026-03-02 11:00:00.000', '2026-03-02 11:00:00.000');
SQL
"$HAKAM" export --db "$WORK/hakam.sqlite" --format wxr --site-url https://news.example --output "$WORK/hakam.xml" 2>/dev/null
"$HAKAM" export --db "$WORK/hakam.sqlite" --format ndjson --output "$WORK/expected.ndjson" 2>/dev/null
expected=$(wc -l <"$WORK/expected.ndjson")
echo "hakam: exported $expected approved comments as WXR ($(wc -c <"$WORK/hakam.xml") bytes) and NDJSON"

# 2. A private MariaDB (socket only) and a throwaway WordPress that uses it.
mariadb-install-db --datadir="$WORK/mysql" --auth-root-authentication-method=normal --skip-test-db >"$WORK/mariadb-install.log" 2>&1
mariadbd --no-defaults --datadir="$WORK/mysql" --socket="$WORK/mysql.sock" --skip-networking --user="$(id -un)" \
    --pid-file="$WORK/mysql.pid" --log-error="$WORK/mariadb.log" &
MARIADB_PID=$!
for _ in $(seq 1 100); do [ -S "$WORK/mysql.sock" ] && break; sleep 0.1; done
mariadb --socket="$WORK/mysql.sock" -uroot -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"

new_site() { # $1: folder. A copy of Debian's WordPress with its own wp-config.php and tables.
    cp -r "$WP_DIST" "$1"
    rm -f "$1/wp-config.php"
    cat >"$1/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$WORK/mysql.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', 'http://wordpress.test' );
define( 'WP_SITEURL', 'http://wordpress.test' );
define( 'WP_CONTENT_DIR', '$1/wp-content' );
define( 'WP_DEBUG', false );
\$table_prefix = '$2';
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
PHP
    php "$HERE/wxr-check.php" install "$1"
}
sql() { mariadb --socket="$WORK/mysql.sock" -uroot wordpress -N -r -e "$1"; }

status=0
echo "== the importer's three parsers on Hakam's WXR (plugin at $WP_IMPORTER_DIR)"
new_site "$WORK/wp-a" wp_
php "$HERE/wxr-check.php" parsers "$WORK/wp-a" "$WP_IMPORTER_DIR" "$WORK/hakam.xml" "$WORK/expected.ndjson" || status=1

echo "== import into a fresh site (each Hakam post becomes a post titled with its key)"
php "$HERE/wxr-check.php" import "$WORK/wp-a" "$WP_IMPORTER_DIR" "$WORK/hakam.xml"
php "$HERE/wxr-check.php" check "$WORK/wp-a" "$WORK/expected.ndjson" placeholder || status=1
echo "mariadb: wp_comments rows: $(sql "SELECT COUNT(*) FROM wp_comments"), approved: $(sql "SELECT COUNT(*) FROM wp_comments WHERE comment_approved = '1'"), replies: $(sql "SELECT COUNT(*) FROM wp_comments WHERE comment_parent <> 0"), posts with hakam_post_key: $(sql "SELECT COUNT(DISTINCT post_id) FROM wp_postmeta WHERE meta_key = 'hakam_post_key'")"
echo "== the same file imported again (reported, not a failure: the importer's own duplicate check)"
before=$(sql "SELECT COUNT(*) FROM wp_comments")
php "$HERE/wxr-check.php" import "$WORK/wp-a" "$WP_IMPORTER_DIR" "$WORK/hakam.xml"
after=$(sql "SELECT COUNT(*) FROM wp_comments")
echo "second import added $((after - before)) comments and $(sql "SELECT COUNT(*) FROM wp_posts WHERE post_type = 'post' AND ID IN (SELECT post_id FROM wp_postmeta WHERE meta_key = 'hakam_post_key')") posts carry hakam_post_key"
# WP_Import skips a comment on an existing post when comment_exists(author, date) finds it; it
# compares the author as written in the file with the stored one, after WordPress's filters and
# stripslashes, so authors with & < > or a backslash come in again.
sql "SELECT CONCAT('  added again: ', comment_author, ' at ', comment_date) FROM wp_comments GROUP BY comment_post_ID, comment_author, comment_date, comment_content HAVING COUNT(*) > 1"

echo "== import into a site that has posts 1 and 42, with the README's filter (numeric keys are post IDs)"
new_site "$WORK/wp-b" wpb_
php "$HERE/wxr-check.php" posts "$WORK/wp-b" 1,42
php "$HERE/wxr-check.php" import "$WORK/wp-b" "$WP_IMPORTER_DIR" "$WORK/hakam.xml" attach-numeric
php "$HERE/wxr-check.php" check "$WORK/wp-b" "$WORK/expected.ndjson" attach-numeric || status=1

if [ "$status" -eq 0 ]; then echo "verify-wxr: PASS"; else echo "verify-wxr: FAIL"; fi
exit "$status"
