#!/usr/bin/env bash
# API fuzzing: runs schemathesis (PyPI) against a live `hakam serve`, driven by its own
# GET /openapi.yaml. Passes when no response is a 5xx and every response conforms to the document.
#   Tests/Reliability/schemathesis.sh [MAX_EXAMPLES_PER_OPERATION]   (default 300)
# Needs python3 with venv and network access to PyPI (the venv is cached in .build/schemathesis-venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
examples="${1:-300}"
venv="${SCHEMATHESIS_VENV:-.build/schemathesis-venv}"
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis>=4,<5"
fi
binary="${HAKAM_BINARY:-}"   # an already built hakam, to skip the build
if [ -z "$binary" ]; then
    swift build --product hakam >/dev/null
    binary="$(swift build --show-bin-path)/hakam"
fi

work="$(mktemp -d)"
# Generated data is hostile by design: no rate limit or flood refusals to hide other answers.
cat >"$work/policy.yml" <<'YAML'
moderation: first_time
flood: {enabled: false}
rate_limit: {enabled: false}
allowed_origins: ["https://news.example"]
YAML
"$binary" serve --port 0 --db "$work/hakam.sqlite" --policy "$work/policy.yml" >"$work/stdout" 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    grep -q "^listening on" "$work/stdout" 2>/dev/null && break
    sleep 0.1
done
base="$(sed -n 's/^listening on //p' "$work/stdout" | head -1)"
[ -n "$base" ] || { echo "hakam serve did not start"; cat "$work/serve.log"; exit 1; }
echo "hakam at $base (log: $work/serve.log)"

status=0
# One check is excluded on purpose:
# - positive_data_acceptance: the document cannot express every validation rule (a real email
#   address, a non-blank name), so schema-valid data may rightly get 422.
"$venv/bin/schemathesis" run "$base/openapi.yaml" --url "$base" --checks all \
    --exclude-checks positive_data_acceptance \
    --max-examples "$examples" --workers 1 --seed 8 --suppress-health-check all --no-color "${@:2}" || status=$?
echo "server log: $work/serve.log ($(wc -l <"$work/serve.log") lines)"
exit "$status"
