#!/usr/bin/env bash
# Every benchmark, built in release mode, each printing its own table (≈ 4–5 minutes here).
# Usage: Benchmarks/run.sh            Record the output in Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "# Hakam benchmarks — $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo
Benchmarks/policy.sh 2000
echo
DURATION=${DURATION:-4} Benchmarks/http.sh
echo
Benchmarks/export-import.sh
