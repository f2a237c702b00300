#!/usr/bin/env bash
# Sourced by the other scripts: puts Node >= 24 and pnpm 10 first on PATH.
# Where the machine's node is older, Node 24 and pnpm come from the npm registry into .tools/.
set -euo pipefail
WLD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WLD_TOOLS="$WLD_ROOT/.tools"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$WLD_TOOLS/node_modules/.bin/node" ]; then
  export PATH="$WLD_TOOLS/node_modules/.bin:$PATH"
fi
if [ "$(node_major)" -lt 24 ] || ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version | cut -d. -f1)" != 10 ]; then
  echo "» installing Node 24 and pnpm 10 into .tools/ (system node: $(node --version 2>/dev/null || echo none))"
  mkdir -p "$WLD_TOOLS"
  npm install --silent --no-fund --no-audit --prefix "$WLD_TOOLS" node@24 pnpm@10 >/dev/null
  export PATH="$WLD_TOOLS/node_modules/.bin:$PATH"
fi
echo "» node $(node --version), pnpm $(pnpm --version)"
