#!/usr/bin/env bash
# CI: build the static release binary (scripts/release.sh), copy it ALONE into an empty folder and run
# it from there: --version, migrate, policy check, init, serve (start, one request, SIGTERM), export,
# import, backup. The libraries it needs must be within an allow-list (below). Then `systemd-analyze verify` on deploy/*.service when systemd is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

command -v curl >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -q curl >/dev/null; }

dist="$(mktemp -d)"
scripts/release.sh "$dist" >/dev/null
lone="$(mktemp -d)"
cp "$dist/hakam" "$lone/hakam"
rm -rf "$dist"
cd "$lone"
[ "$(ls -A)" = "hakam" ] || { echo "release-check: the folder holds more than the binary" >&2; exit 1; }
# What a fresh Debian/Ubuntu gives with libsqlite3-0 and libssl3: the C library (libc, libm, libdl,
# libpthread, librt, ld-linux), the C++ runtime the Swift runtime is built on (libstdc++, libgcc_s) and
# zlib (AsyncHTTPClient's response decompression, through swift-nio-extras) — all three on every
# Debian/Ubuntu system, dpkg itself needs them — then SQLite and OpenSSL. Nothing else: no Swift
# runtime, no libxml2/ICU/curl (Foundation's XML and networking modules are not used).
allowed='^(ld-linux[-.a-z0-9_]*|libc|libm|libdl|libpthread|librt|libgcc_s|libstdc\+\+|libz|libsqlite3|libcrypto|libssl)\.so(\.[0-9]+)*$'
needed="$(readelf -d ./hakam | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
[ -n "$needed" ] || { echo "release-check: readelf found no NEEDED entries" >&2; exit 1; }
outside="$(echo "$needed" | grep -Ev "$allowed" || true)"
[ -z "$outside" ] || { echo "release-check: the binary needs libraries outside the allow-list:" >&2; echo "$outside" >&2; exit 1; }
# Everything it loads, directly or through those, is on the same list and in the system's folders.
loaded="$(ldd ./hakam)"
if echo "$loaded" | grep -q "not found" \
    || echo "$loaded" | awk '{print $1}' | sed 's#.*/##' | grep -v '^linux-vdso' | grep -Ev "$allowed" | grep -q . \
    || echo "$loaded" | awk '$2 == "=>" {print $3}' | grep -Ev '^/(usr/)?lib(64)?/' | grep -q .; then
    echo "release-check: the binary loads libraries outside the allow-list or the system's folders:" >&2; echo "$loaded" >&2; exit 1
fi
echo "release-check: NEEDED $(echo "$needed" | tr '\n' ' ')"

./hakam --version | grep -Eq '^hakam [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{12}(-dirty)?|unknown)\)$'
./hakam migrate --db site.sqlite | grep -q "is up to date"
./hakam policy check | grep -q "(built-in)/Policies/default.yml: ok"
./hakam init policy >/dev/null
./hakam policy check policy/default.yml | grep -q ": ok"

./hakam serve --db site.sqlite --port 0 >serve.out 2>serve.log &
server=$!
for _ in $(seq 1 100); do grep -q "^listening on" serve.out 2>/dev/null && break; sleep 0.1; done
port="$(sed -n 's#^listening on http://[^:]*:\([0-9]*\)$#\1#p' serve.out)"
[ -n "$port" ] || { echo "release-check: serve did not start" >&2; cat serve.log >&2; kill "$server" || true; exit 1; }
reply="$(curl -s -w ' %{http_code}' -H 'Content-Type: application/json' \
    -d '{"post":"release-check","name":"Reader","email":"reader@example.com","body":"A comment from the release check."}' \
    "http://127.0.0.1:$port/comments")"
case "$reply" in *' 201') ;; *) echo "release-check: POST /comments gave: $reply" >&2; kill "$server"; exit 1 ;; esac
id="$(echo "$reply" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')"
kill -TERM "$server"
wait "$server" || { echo "release-check: serve did not exit cleanly on SIGTERM" >&2; cat serve.log >&2; exit 1; }

./hakam approve "$id" --db site.sqlite --as release-check >/dev/null
./hakam export --db site.sqlite --format ndjson | grep -q "A comment from the release check."
# The WordPress export read back by the binary's own XML reader.
./hakam export --db site.sqlite --format wxr --output site.xml 2>/dev/null
./hakam migrate --db imported.sqlite >/dev/null
./hakam import --db imported.sqlite site.xml >/dev/null
./hakam export --db imported.sqlite --format ndjson | grep -q "A comment from the release check."
mkdir backups
./hakam backup backups --db site.sqlite --with-key >/dev/null
ls backups/hakam-*.sqlite backups/hakam-*.sqlite.key >/dev/null
echo "release-check: the lone binary ran --version, migrate, policy check, init, serve, export, import and backup ($(./hakam --version))"
cd "$repo"
rm -rf "$lone"

if command -v systemd-analyze >/dev/null; then
    # `verify` wants the ExecStart binary to exist: check a copy of each unit pointing at a stand-in.
    units="$(mktemp -d)"
    for unit in deploy/*.service deploy/*.timer; do
        sed "s#/usr/local/bin/hakam#$(command -v true)#g" "$unit" >"$units/$(basename "$unit")"
    done
    # verify exits 0 on unknown keys and bad values (it only warns): any output is a failure here.
    report="$(systemd-analyze verify "$units"/*.service "$units"/*.timer 2>&1)" || report="$report (exit $?)"
    rm -rf "$units"
    if [ -n "$report" ]; then echo "release-check: systemd-analyze verify on deploy/:" >&2; echo "$report" >&2; exit 1; fi
    echo "release-check: systemd-analyze verify passed on deploy/"
else
    echo "SKIPPED systemd-analyze verify: systemd is not installed"
fi
