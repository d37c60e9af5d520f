#!/usr/bin/env bash
# The project's tests, run by `npm test` (with Node 24 on PATH, see scripts/with-node.sh).
#   npm test            type check, unit + API tests, then browser tests
#   npm run test:e2e    browser tests only
# Backend: embedded PGlite by default; PostgreSQL when DATABASE_URL is set (each test file gets its own database).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
backend="PGlite"; [ -n "${DATABASE_URL:-}" ] && backend="PostgreSQL"
# Every API answer is checked against the response schema its route declares (src/http/route.ts).
export THIHANH_CHECK_RESPONSES=1

if [ "$what" = "all" ]; then
  echo "== Kiểm tra kiểu (tsc) =="
  tsc --noEmit -p .
  tsc --noEmit -p web
  echo "== Kiểm thử đơn vị và API trên $backend =="
  # One process for all files: PGlite's WASM compiles once and the reference-data template is built once.
  node --test --test-isolation=none 'test/unit/**/*.test.ts' 'test/api/**/*.test.ts'
fi
echo "== Kiểm thử trình duyệt (Chromium) trên $backend =="
node scripts/build-web.ts --if-stale
node --test --test-concurrency=1 'test/e2e/**/*.test.ts'
