#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: `start` installs Debian's postgresql if
# missing, runs initdb/pg_ctl as the unprivileged user `hakamci` on a Unix socket and a
# loopback port, and prints `export HAKAM_TEST_POSTGRES_URL=...` (eval it); `stop` ends it.
#   eval "$(.ci/postgres.sh start)"; swift test; .ci/postgres.sh stop
set -euo pipefail

DIR="${HAKAM_PG_DIR:-/tmp/hakam-ci-postgres}"
PORT="${HAKAM_PG_PORT:-55432}"
RUN_AS="${HAKAM_PG_USER:-hakamci}"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$dir" ] && echo "$dir"
}

as_user() {
    # From /: the caller's folder may be unreadable to the cluster's user.
    if [ "$(id -un)" = "$RUN_AS" ]; then (cd / && "$@")
    elif [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u "$RUN_AS" -- "$@")
    else (cd / && sudo -u "$RUN_AS" "$@"); fi
}

start() {
    if [ -z "$(bin_dir)" ]; then
        echo "installing postgresql" >&2
        { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q postgresql; } >&2
    fi
    local bin; bin=$(bin_dir)
    [ -n "$bin" ] || { echo "postgresql could not be installed" >&2; exit 1; }
    # initdb refuses to run as root: the cluster belongs to a user of its own.
    if [ "$(id -u)" -eq 0 ] && ! id "$RUN_AS" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
    fi
    [ "$(id -u)" -ne 0 ] && RUN_AS=$(id -un)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        $SUDO mkdir -p "$DIR"
        $SUDO chown "$RUN_AS" "$DIR"
        as_user "$bin/initdb" -D "$DIR/data" -U hakam --auth=trust -E UTF8 --locale=C.UTF-8 >&2
    fi
    if ! as_user "$bin/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        as_user "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c max_connections=300 -c fsync=on" start >&2
    fi
    echo "export HAKAM_TEST_POSTGRES_URL='postgres://hakam@127.0.0.1:$PORT/postgres?sslmode=disable'"
    echo "export HAKAM_PG_BIN='$bin' HAKAM_PG_DATA='$DIR/data' HAKAM_PG_RUN_AS='$RUN_AS'"
}

stop() {
    local bin; bin=$(bin_dir)
    [ -n "$bin" ] && [ -f "$DIR/data/PG_VERSION" ] || exit 0
    [ "$(id -u)" -ne 0 ] && RUN_AS=$(id -un)
    as_user "$bin/pg_ctl" -D "$DIR/data" -m fast stop >&2 || true
    $SUDO rm -rf "$DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
