#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time:  Fuzz/run.sh TARGET SECONDS
#   TARGET: FuzzEmail | FuzzSubmissionFields | FuzzTextFolding
# Builds the target in release with -sanitize=fuzzer,address (the first build takes minutes),
# seeds it from Fuzz/Seeds and, for FuzzEmail, the is_email cases in ../shared/corpora/isemail
# (read at run time, never copied into the repository). The growing corpus is kept in
# .build/fuzz-corpus/TARGET; crashes are written to Fuzz/artifacts/ — each one becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: Fuzz/run.sh TARGET SECONDS}"
seconds="${2:-60}"

swift build -c release -Xswiftc -sanitize=fuzzer,address --product "$target"
binary=".build/release/$target"  # (--show-bin-path would re-plan the build: minutes on a busy machine)

corpus=".build/fuzz-corpus/$target"
seeds=".build/fuzz-seeds/$target"
mkdir -p "$corpus" "$seeds" artifacts
cp Seeds/comments/* "$seeds/"
isemail="../../shared/corpora/isemail"
if [ "$target" = FuzzEmail ] && [ -f "$isemail/tests.xml" ]; then
    python3 - "$isemail" "$seeds" <<'PY'
import sys, re, html, pathlib
source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
count = 0
for name in ("tests.xml", "tests-original.xml"):
    for match in re.finditer(r"<address>(.*?)</address>", (source / name).read_text(encoding="utf-8"), re.S):
        # is_email writes control characters as their Control Pictures (U+2400 + code).
        text = "".join(chr(ord(c) - 0x2400) if 0x2400 <= ord(c) <= 0x241F else c for c in html.unescape(match.group(1)))
        (out / f"isemail-{count:04d}").write_bytes(text.encode("utf-8"))
        count += 1
print(f"seeded {count} is_email addresses")
PY
elif [ "$target" = FuzzEmail ]; then
    echo "note: $isemail is absent; seeding from Fuzz/Seeds only"
fi
if [ "$target" = FuzzSubmissionFields ]; then
    # The first byte picks the format (even: JSON, odd: form).
    for f in Seeds/comments/*.json; do { printf '\x00'; cat "$f"; } > "$seeds/$(basename "$f").in"; done
    for f in Seeds/comments/*.form; do { printf '\x01'; cat "$f"; } > "$seeds/$(basename "$f").in"; done
fi

"$binary" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="artifacts/$target-"
