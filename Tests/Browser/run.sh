#!/usr/bin/env bash
# End-to-end test of the comment form in a real headless Chromium (Debian's chromium +
# chromium-driver, Selenium for Python). Starts the built `hakam serve --port 0` on a temporary
# database and drives /demo with and without JavaScript. Screenshots go to $ARTIFACTS_DIR
# (default .build/browser-artifacts). Prints "N passed, M failed"; exits 1 on any failure.
#
#   swift build && Tests/Browser/run.sh
#   DEMO_SCREENSHOT=docs/demo.png Tests/Browser/run.sh   # also writes the README's screenshot
set -euo pipefail
cd "$(dirname "$0")/../.."

hakam="${HAKAM_BIN:-$(swift build --show-bin-path)/hakam}"
[ -x "$hakam" ] || { echo "no hakam binary at $hakam: run swift build first" >&2; exit 1; }
chromedriver="${CHROMEDRIVER:-/usr/bin/chromedriver}"
[ -x "$chromedriver" ] || { echo "no chromedriver at $chromedriver (apt-get install chromium chromium-driver)" >&2; exit 1; }

# Debian's python3-selenium lives in /usr/bin/python3; a pyenv python may have it from pip instead.
python=""
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import selenium' 2>/dev/null; then python="$candidate"; break; fi
done
[ -n "$python" ] || { echo "selenium is not installed (apt-get install python3-selenium, or pip install selenium)" >&2; exit 1; }

export ARTIFACTS_DIR="${ARTIFACTS_DIR:-$PWD/.build/browser-artifacts}"
mkdir -p "$ARTIFACTS_DIR"
# Selenium Manager must not download a driver: the script passes the Debian driver explicitly.
export SE_OFFLINE=true
status=0
for test in Tests/Browser/*_test.py; do
    echo "== $test"
    timeout 240 "$python" "$test" --hakam "$hakam" --chromedriver "$chromedriver" --policies Policies || status=1
done
exit $status
