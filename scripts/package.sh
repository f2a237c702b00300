#!/usr/bin/env bash
# Packages one target on its own OS and audits the native modules it packed:
#   bash scripts/package.sh linux x64     (on Linux; arm64 on an arm64 runner)
#   bash scripts/package.sh win32 x64     (on Windows, Git Bash)
#   bash scripts/package.sh darwin arm64  (on macOS)
# Signing, notarising and publishing come from environment variables (docs/packaging.md).
set -euo pipefail
cd "$(dirname "$0")/.."
platform="${1:?platform: linux, win32 or darwin}"
arch="${2:?arch: x64 or arm64}"
case "$platform" in
  linux) flag=--linux ;;
  win32) flag=--win ;;
  darwin) flag=--mac ;;
  *) echo "unknown platform $platform" >&2; exit 2 ;;
esac
source scripts/toolchain.sh
pnpm install --frozen-lockfile
pnpm build
pnpm --filter @wld/desktop package "$flag" "--$arch" \
  ${WLD_PUBLISH_URL:+"-c.publish.url=$WLD_PUBLISH_URL"} ${WLD_PUBLISH:+--publish always}
# What electron-builder really packed, per target: platform, arch and glibc of every .node.
unpacked=$(find release -type d -name app.asar.unpacked -path "*${arch/x64/}*" | head -n 1)
[ -n "$unpacked" ] || unpacked=$(find release -type d -name app.asar.unpacked | head -n 1)
pnpm --filter @wld/desktop audit:native --unpacked "$PWD/$unpacked" --target "$platform-$arch"
