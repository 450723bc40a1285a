#!/usr/bin/env bash
# Builds the benchmarks in release mode and prints their figures.
# Usage: Benchmarks/policy.sh [iterations]   (from the repository root or anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Benchmarks --product PolicyBenchmark >/dev/null
echo "== policy evaluation ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores)"
"$(swift build -c release --package-path Benchmarks --show-bin-path)/PolicyBenchmark" "${1:-2000}"
