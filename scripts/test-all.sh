#!/usr/bin/env bash
# Sets up everything the tests need, then runs every test: the Rust tests of all
# crates, the release CLI build, the wasm build of the page, and the browser test.
# This is the command README.md names and .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-tools.sh
export PATH="$PWD/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== cargo test (all crates)"
cargo test --workspace --locked

echo "== dependency policy (cargo deny: licences, bans, sources; advisories need the network)"
scripts/check-deps.sh

echo "== release CLI"
cargo build --release --locked -p pgsight-cli
test -x target/release/pgsight

echo "== the engine builds for wasm32"
cargo build --locked -p pgsight-core --target wasm32-unknown-unknown

echo "== the plan-only engine (no sql feature: the web app's plan worker)"
cargo build --locked -p pgsight-core --no-default-features --target wasm32-unknown-unknown
cargo test --locked -p pgsight-core --no-default-features --lib

echo "== web page (trunk build --release)"
trunk build --release

echo "== download size against web/size-budget.txt"
scripts/check-size.sh

echo "== browser test"
tests/browser/run.sh
