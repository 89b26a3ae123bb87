#!/usr/bin/env bash
# `npm test`: everything CI runs, in order, with one closing line `N passed, N failed`.
# Each vitest suite counts its tests (from its JSON report); each other step counts as one.
# A step that fails does not stop the others, so one run shows every problem.
set -u
cd "$(dirname "$0")/.."
OUT=.ci-out
mkdir -p "$OUT"
passed=0
failed=0
failures=()

step() { # step NAME COMMAND… : a check that counts as one test
  local name=$1; shift
  echo
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

suite() { # suite NAME CONFIG : a vitest suite, counted test by test
  local name=$1 config=$2 json="$OUT/$1.json"
  echo
  echo "=== $name (vitest -c $config)"
  rm -f "$json"
  npx vitest run -c "$config" --reporter=default --reporter=json --outputFile="$json"
  local rc=$?
  if [ -s "$json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0))' "$PWD/$json")
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -gt 0 ] || [ $rc -ne 0 ]; then failures+=("$name"); [ "$f" -eq 0 ] && failed=$((failed + 1)); fi
  else
    failed=$((failed + 1)); failures+=("$name (no report)")
  fi
}

step "typecheck (extension and pure core)" npm run -s typecheck
step "lint (oxlint, warnings fail)" npm run -s lint
step "knip: no unused files, exports or dependencies" npm run -s knip
step "pack validates (lens validate)" npm run -s lens -- validate
step "build: Chrome MV3, Firefox MV2 and MV3" npm run -s build
step "web-ext lint: Firefox builds, 0 errors" npm run -s lint:firefox
suite unit vitest.config.ts
suite corpus vitest.corpus.config.ts # whole real corpora (../shared/corpora): minutes, so not in the unit suite
step "build: e2e test build" npm run -s build:e2e
[ -f vitest.e2e.config.ts ] && suite e2e vitest.e2e.config.ts
[ -f vitest.trust.config.ts ] && suite trust vitest.trust.config.ts
[ -f vitest.firefox.config.ts ] && suite firefox vitest.firefox.config.ts # real firefox-esr over WebDriver BiDi (tests/firefox)
[ -f scripts/trust-summary.ts ] && npx tsx scripts/trust-summary.ts
[ -f scripts/archives-summary.ts ] && npx tsx scripts/archives-summary.ts # sizes and lint of the store archives (tests/trust/archives.trust.ts)

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
