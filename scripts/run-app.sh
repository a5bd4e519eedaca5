#!/usr/bin/env bash
# Sets up the tools, builds the CLI, and serves the web page on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-tools.sh
export PATH="$PWD/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --release --locked -p pgsight-cli
echo
echo "CLI ready: target/release/pgsight --help"
echo "  e.g. target/release/pgsight analyze --plan tests/scenarios/seq-scan-orders-status.json"
echo
echo "Serving the page on http://127.0.0.1:8080 (Ctrl-C to stop)"
exec trunk serve --release --address 127.0.0.1 --port 8080
