#!/usr/bin/env bash
# Installs what building and testing pgsight needs, for CI and local setups. Idempotent:
# every step checks first and skips itself when its tool is already in place.
#
#   scripts/install-tools.sh
#
# Afterwards, for release web builds (wasm-opt comes from npm binaryen):
#   export PATH="$PWD/tests/browser/node_modules/.bin:$PATH"
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the wasm-bindgen pin in Cargo.toml

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
browser="$root/tests/browser"

say() { printf '==> %s\n' "$*"; }
skip() { printf '    ok: %s\n' "$*"; }

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi

apt_updated=0
apt_install() {
  # Refresh the package lists only when one of the packages has no install candidate.
  local pkg
  for pkg in "$@"; do
    if [[ $apt_updated -eq 0 ]] && ! apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [^(]'; then
      say "apt-get update"
      "${sudo_cmd[@]}" apt-get update
      apt_updated=1
    fi
  done
  say "apt-get install $*"
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# 1. Rust target for the web app.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  skip "rust target wasm32-unknown-unknown"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk.
if trunk --version 2>/dev/null | grep -qw "$TRUNK_VERSION"; then
  skip "trunk $TRUNK_VERSION"
else
  say "cargo install --locked trunk@$TRUNK_VERSION"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli, same version as the crate. (Not --locked: that fails to build.)
if wasm-bindgen --version 2>/dev/null | grep -qw "$WASM_BINDGEN_VERSION"; then
  skip "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
else
  say "cargo install wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
  cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# 4. npm packages of tests/browser: binaryen (wasm-opt) and playwright-core.
stamp="$browser/node_modules/.pgsight-lock.sha256"
lock_sum="$(sha256sum "$browser/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_sum" && -x "$browser/node_modules/.bin/wasm-opt" ]]; then
  skip "npm packages in tests/browser ($("$browser/node_modules/.bin/wasm-opt" --version))"
else
  say "npm ci in tests/browser"
  (cd "$browser" && npm ci --no-audit --no-fund)
  echo "$lock_sum" >"$stamp"
fi

# 5. Chromium for the browser test.
if [[ -x /usr/bin/chromium ]]; then
  skip "chromium ($(/usr/bin/chromium --version 2>/dev/null || echo present))"
else
  apt_install chromium chromium-driver
fi

# 6. PostgreSQL server binaries for the tests that run real EXPLAINs.
if compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  skip "postgresql ($(compgen -G '/usr/lib/postgresql/*/bin/postgres' | head -n1))"
else
  apt_install postgresql
fi

say "done. For release web builds: export PATH=\"$browser/node_modules/.bin:\$PATH\""
