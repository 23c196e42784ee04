#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, idempotently: Debian's chromium and ripgrep plus the headers
# for code-server's native modules, then code-server (a real VS Code) into a cache folder outside the
# repository, following the recipe of issue 4 (a plain `npm install code-server` fails: ripgrep's
# postinstall downloads from GitHub). A marker file skips all of it once it is complete.
#
#   SQLSIGHT_E2E_HOME  cache folder (default: $HOME/.cache/sqlsight-e2e)
#
# Prints the path of code-server's entry.js as its last line of output.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
E2E_HOME="${SQLSIGHT_E2E_HOME:-$HOME/.cache/sqlsight-e2e}"
ROOT="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
MARKER="$ROOT/.sqlsight-e2e-complete"
CS="$ROOT/node_modules/code-server"
VSC="$CS/lib/vscode"

log() { echo "e2e-setup: $*" >&2; }

# --- Debian packages -------------------------------------------------------------------------------
packages=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

# --- code-server -----------------------------------------------------------------------------------
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$CODE_SERVER_VERSION" ] && [ -f "$CS/out/node/entry.js" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $ROOT"
  echo "$CS/out/node/entry.js"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $ROOT (about 275 MB, a few minutes)"
rm -rf "$ROOT"
mkdir -p "$ROOT"
cd "$ROOT"
echo '{"name":"sqlsight-e2e-code-server","private":true}' > package.json
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# 1. code-server itself, without its install scripts (ripgrep's would download from GitHub).
npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2
# 2. its own native module.
npm rebuild argon2 >&2

# 3. VS Code's server-side dependencies.
cd "$VSC"
npm install --omit=dev --ignore-scripts >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >&2
ln -sfn node_modules node_modules.asar

# 4. the built-in extensions' dependencies.
cd "$VSC/extensions"
npm install --omit=dev >&2

# 5. the links code-server's skipped postinstall would have made.
ln -sfn code-linux.sh "$VSC/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSC/bin/helpers/browser.sh"

echo "$CODE_SERVER_VERSION" > "$MARKER"
log "code-server $CODE_SERVER_VERSION installed"
echo "$CS/out/node/entry.js"
