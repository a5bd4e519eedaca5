#!/usr/bin/env bash
# The dependency policy in deny.toml: licences against the allow-list (dev- and
# build-dependencies included), bans (wildcard versions; duplicates are warnings) and
# sources (crates.io only). Offline: run it after a build, when the crates are in
# ~/.cargo/registry. Installs cargo-deny first when it is missing.
#
#   scripts/check-deps.sh               # licenses, bans, sources (offline)
#   scripts/check-deps.sh --advisories  # also RustSec advisories (needs the network)
set -euo pipefail
cd "$(dirname "$0")/.."

# 0.20.2 builds with rustc 1.95 (`cargo install --locked`, about 7 minutes on 2 busy cores).
CARGO_DENY_VERSION=0.20.2

if command -v cargo-deny >/dev/null 2>&1; then
  printf '    ok: %s\n' "$(cargo-deny --version)"
else
  printf '==> cargo install --locked cargo-deny --version %s\n' "$CARGO_DENY_VERSION"
  cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
fi

# Advisories are skipped offline: the RustSec database is a git repository fetched
# from GitHub on every run, and `--offline` cannot fetch it. Pass --advisories where
# the network is reachable (it also re-checks the rest, online).
if [[ "${1:-}" == "--advisories" ]]; then
  cargo deny check --hide-inclusion-graph licenses bans sources advisories
else
  cargo deny --offline check --hide-inclusion-graph licenses bans sources
fi
