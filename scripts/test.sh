#!/usr/bin/env bash
# The one test command: sets up the toolchain and system packages, installs, builds, and runs
# every test (unit and integration under Node, browser tests in Chromium) inside a keyring session.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
bash scripts/system-deps.sh
pnpm install --frozen-lockfile
pnpm typecheck
pnpm lint
pnpm build
# Native modules this machine's package would ship: platform, arch, glibc (every target: scripts/package.sh).
pnpm --filter @wld/desktop audit:native --target "$(node -p 'process.platform + "-" + process.arch')"
bash scripts/with-keyring.sh pnpm test
# Time is an input: the browser tests again with "now" pinned (simulator, services and page) at
# awkward instants in China time: a Sunday 23:50 (the week ends in ten minutes) and the last day of
# a month (and year) at 23:30.
echo "» unit and integration tests with WLD_FAKE_NOW=2026-12-06T23:50:00+08:00 TZ=Asia/Shanghai"
WLD_FAKE_NOW=2026-12-06T23:50:00+08:00 TZ=Asia/Shanghai bash scripts/with-keyring.sh pnpm test:unit
for instant in 2026-12-06T23:50:00+08:00 2026-12-31T23:30:00+08:00; do
  echo "» browser tests with WLD_FAKE_NOW=$instant TZ=Asia/Shanghai"
  WLD_FAKE_NOW="$instant" TZ=Asia/Shanghai bash scripts/with-keyring.sh pnpm --filter @wld/desktop test:browser
done
