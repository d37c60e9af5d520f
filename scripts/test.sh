#!/usr/bin/env bash
# The project's tests, run by `npm test` (with Node 24 on PATH, see scripts/with-node.sh).
#   npm test            lint (Biome, module shape), type check, unit + API tests, then browser tests
#   npm run test:e2e    browser tests only
# Backend: embedded PGlite by default; PostgreSQL when DATABASE_URL is set (each test file gets its own database).
# The Debian packages the tests need are installed here when missing (as root with apt-get), so that
# `npm ci && npm test` is enough on a fresh machine of the project's image.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
backend="PGlite"; [ -n "${DATABASE_URL:-}" ] && backend="PostgreSQL"
# Every API answer is checked against the response schema its route declares (src/http/route.ts).
export THIHANH_CHECK_RESPONSES=1

# Whether a Debian package's part the tests use is here: installed by dpkg, or its programs found some other way
# (another distribution, CHROMIUM_PATH / SOFFICE_PATH pointing elsewhere).
present() {
  dpkg -s "$1" >/dev/null 2>&1 && return 0
  case "$1" in
    chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] ;;
    libreoffice-writer-nogui) command -v "${SOFFICE_PATH:-soffice}" >/dev/null 2>&1 ;;
    poppler-utils) command -v pdfinfo >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 ;;
    fonts-liberation2) command -v fc-list >/dev/null 2>&1 && fc-list | grep -q 'Liberation Serif' ;;
    *) return 1 ;;
  esac
}

# Chromium runs the browser tests; LibreOffice, poppler and the Liberation fonts open and print the DOCX output
# (the fonts make the printed pages the same on every machine).
ensure_packages() {
  local need=() p
  for p in "$@"; do present "$p" || need+=("$p"); done
  [ ${#need[@]} -eq 0 ] && return 0
  local cmd="apt-get install -y --no-install-recommends ${need[*]}"
  if [ "$EUID" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Thiếu gói hệ thống cần cho kiểm thử: ${need[*]}. Hãy chạy với quyền root: apt-get update && $cmd" >&2
    exit 1
  fi
  echo "== Cài gói hệ thống còn thiếu: ${need[*]} =="
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
         DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "Không cài được gói hệ thống: ${need[*]} (xem lỗi của apt-get ở trên). Hãy chạy: apt-get update && $cmd" >&2
    exit 1
  fi
}

if [ "$what" = "all" ]; then
  ensure_packages chromium fonts-liberation2 libreoffice-writer-nogui poppler-utils
  bash scripts/lint.sh
  echo "== Kiểm tra kiểu (tsc) =="
  tsc --noEmit -p .
  tsc --noEmit -p web
  echo "== Kiểm thử đơn vị và API trên $backend =="
  # One process for all files: PGlite's WASM compiles once and the reference-data template is built once.
  node --test --test-isolation=none 'test/unit/**/*.test.ts' 'test/api/**/*.test.ts'
else
  ensure_packages chromium fonts-liberation2
fi
echo "== Kiểm thử trình duyệt (Chromium) trên $backend =="
node scripts/build-web.ts --if-stale
node --test --test-concurrency=1 'test/e2e/**/*.test.ts'
