#!/usr/bin/env bash
# Crash soak: the kill -9 test (CrashSafetyTests) with many more rounds than CI runs.
#   Tests/Reliability/crash-soak.sh [ROUNDS]        (default 50; about 1.5 s per round)
# Prints the test's figure line: rounds, comments acknowledged (201) and found, duplicates, integrity.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-50}"
swift build --build-tests >/dev/null
log="$(mktemp)"
status=0
HAKAM_CRASH_ROUNDS="$rounds" swift test --skip-build --filter "CrashSafetyTests/everyAcknowledgedCommentSurvivesKill9" >"$log" 2>&1 || status=$?
grep -E "crash-safety:|passed|failed|error" "$log" || true
echo "full output: $log"
exit "$status"
