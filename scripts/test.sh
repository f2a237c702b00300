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
