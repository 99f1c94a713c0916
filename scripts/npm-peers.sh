#!/usr/bin/env bash
# Installs the npm test peers (oidc-provider, jose, @cdktf/hcl2json) from the lock file, once.
set -euo pipefail
cd "$(dirname "$0")/../tests/authserver"
stamp=node_modules/.tokenbench-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error >&2
echo "$want" > "$stamp"
