#!/usr/bin/env bash
# POST /comments JSON body decoding: a Foundation JSONDecoder reference decoder against the
# byte-level FlatJSONObjectParser, release build.
# Usage: Benchmarks/submission-json.sh [decodes per batch]   (from the repository root or anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --package-path Benchmarks --product SubmissionJSONBenchmark >/dev/null
echo "== submission JSON decoding ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores)"
"$(swift build -c release --package-path Benchmarks --show-bin-path)/SubmissionJSONBenchmark" "${1:-20000}"
