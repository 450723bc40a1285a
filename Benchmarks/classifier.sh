#!/usr/bin/env bash
# The classifier's figures: training on N synthetic comments (in memory, then through
# `hakam train` into SQLite, with /usr/bin/time -v for peak memory) and classifying one comment.
# Usage: Benchmarks/classifier.sh [N]   (needs ../shared/corpora/youtube-spam)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
CORPUS=../shared/corpora/youtube-spam
[ -d "$CORPUS" ] || { echo "no $CORPUS: the benchmark resamples its rows" >&2; exit 1; }
swift build -c release --package-path Benchmarks --product ClassifierBenchmark >/dev/null
swift build -c release --product hakam >/dev/null
BENCH_BIN="$(swift build -c release --package-path Benchmarks --show-bin-path)"
BIN="$(swift build -c release --show-bin-path)"
echo "== classifier ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "-- in memory (ClassifierBenchmark)"
/usr/bin/time -f "peak RSS %M KiB, %e s wall" "$BENCH_BIN/ClassifierBenchmark" "$CORPUS" "$N"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$BENCH_BIN/ClassifierBenchmark" "$CORPUS" "$N" --write-csv "$TMP/train.csv" >/dev/null
echo "-- hakam train on $N comments into a fresh SQLite database"
/usr/bin/time -f "peak RSS %M KiB, %e s wall" "$BIN/hakam" train --db "$TMP/h.sqlite" --format csv "$TMP/train.csv"
echo "database $(du -k "$TMP/h.sqlite" | cut -f1) KiB"
