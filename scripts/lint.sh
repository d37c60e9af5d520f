#!/usr/bin/env bash
# `npm run lint` (also the first step of `npm test`): Biome's formatter and linter (biome.jsonc: line width 120, the
# rules that catch bugs), then the module shape of issue 14 (scripts/check-shape.ts: SQL only in stores, one entry
# per module, files of at most 500 lines and functions of at most 80).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Định dạng và kiểm tra mã (Biome) =="
biome check --max-diagnostics=50
echo "== Hình dạng mô-đun =="
node scripts/check-shape.ts
