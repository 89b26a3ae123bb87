#!/usr/bin/env bash
# Checks that the tests promising "never an exception" can fail: runs them with each deliberate
# breakage of tests/support/breakage.ts and fails unless every one of them goes red.
#   LENS_BREAK=engine         the engine throws on every query
#   LENS_BREAK=entry-handler  the background's `entry` handler throws
# Prints, per breakage and file, how many of its tests failed (expected: all that the breakage reaches).
set -u
cd "$(dirname "$0")/.."
OUT=.ci-out/breakage
mkdir -p "$OUT"
bad=0

expect_red() { # expect_red MODE CONFIG FILE MIN_FAILED
  local mode=$1 config=$2 file=$3 min=$4 json="$OUT/$1-$(basename "$3").json"
  rm -f "$json"
  LENS_BREAK=$mode npx vitest run -c "$config" "$file" --reporter=json --outputFile="$json" >/dev/null 2>&1
  local counts
  counts=$(node -e 'const r=require(process.argv[1]); console.log(r.numFailedTests, r.numTotalTests)' "$PWD/$json" 2>/dev/null || echo "0 0")
  read -r failed total <<<"$counts"
  if [ "$failed" -ge "$min" ] && [ "$failed" -gt 0 ]; then
    echo "red as expected   LENS_BREAK=$mode  $file: $failed of $total failed"
  else
    echo "STILL GREEN       LENS_BREAK=$mode  $file: $failed of $total failed (expected at least $min)"
    bad=1
  fi
}

expect_red engine vitest.config.ts tests/core/engine.property.test.ts 5
expect_red engine vitest.config.ts tests/lib/failures-visible.test.ts 1
expect_red engine vitest.trust.config.ts tests/trust/property.trust.ts 9
expect_red entry-handler vitest.config.ts tests/lib/failures-visible.test.ts 1
expect_red entry-handler vitest.trust.config.ts tests/trust/property.trust.ts 1
exit $bad
