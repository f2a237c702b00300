#!/usr/bin/env bash
# Sets up and starts WeCom Live Desk on the Demo profile.
# With an Electron binary available this opens the desktop app; where Electron cannot be had
# (no network to fetch it), it serves the same renderer in Chromium with the services under Node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
bash scripts/system-deps.sh
pnpm install --frozen-lockfile
pnpm build
# require('electron') answers the binary's path once it was downloaded, and throws otherwise
if (cd apps/desktop && node -e "require('fs').accessSync(require('electron'))") >/dev/null 2>&1; then
  exec pnpm --filter @wld/desktop start
else
  echo "» the Electron binary is not available here: starting the browser build with the services under Node"
  exec node apps/desktop/scripts/browser-app.ts "$@"
fi
