#!/usr/bin/env bash
# The release: one self-contained `hakam` binary (Swift runtime linked in; migrations, shipped policy
# and the git commit built in) plus LICENSE and NOTICE, as a tarball with its SHA-256.
#   scripts/release.sh [OUTPUT_FOLDER]        (default: dist/)
# On the server the binary needs only the C library, the C++ runtime (libstdc++6, libgcc-s1) and zlib,
# which every Debian/Ubuntu system has, then libsqlite3 and libcrypto (OpenSSL):
#   apt-get install libsqlite3-0 libssl3
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"

swift build -c release --static-swift-stdlib --product hakam
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/hakam"

# Only system libraries a Debian/Ubuntu server has (or gets with the packages above); no Swift runtime.
allowed='^(linux-vdso|ld-linux|libc|libm|libdl|libpthread|librt|libgcc_s|libstdc\+\+|libz|libsqlite3|libcrypto|libssl)([-.]|$)'
unexpected="$(ldd "$bin" | awk '{print $1}' | sed 's#.*/##' | grep -Ev "$allowed" || true)"
if [ -n "$unexpected" ]; then
    echo "release.sh: the binary links libraries a server may not have:" >&2
    echo "$unexpected" >&2
    exit 1
fi

version="$("$bin" --version)"                 # hakam 0.9.0 (commit 0123456789ab)
number="$(echo "$version" | awk '{print $2}')"
name="hakam-$number-linux-$(uname -m)"
rm -rf "${out:?}/$name"
mkdir -p "$out/$name"
cp "$bin" "$out/$name/hakam"
strip "$out/$name/hakam" 2>/dev/null || true
cp LICENSE NOTICE "$out/$name/"
[ -f docs/deployment.md ] && cp docs/deployment.md "$out/$name/"
cp -r deploy "$out/$name/"
tar -czf "$out/$name.tar.gz" -C "$out" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
cp "$out/$name/hakam" "$out/hakam"
echo "$version"
echo "wrote $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)) and $out/hakam"
