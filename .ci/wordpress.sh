#!/usr/bin/env bash
# CI: the WordPress publishing end-to-end test (Tests/WordPress/publish-e2e.sh) on Debian's
# WordPress, PHP and MariaDB, installed here when missing. When they cannot be installed the
# script says so and the run goes on (the test itself skips visibly).
# Usage: HAKAM_BIN=/path/to/hakam .ci/wordpress.sh
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for package in wordpress mariadb-server php-cli php-mysql curl sqlite3; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "installing for the WordPress test: ${need[*]}"
    # policy-rc.d keeps the packages' own MariaDB and Apache from starting: the test runs its own.
    { $SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"; } >/dev/null 2>&1 \
        || echo "could not install ${need[*]}"
fi
Tests/WordPress/publish-e2e.sh
