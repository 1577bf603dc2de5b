#!/usr/bin/env bash
# Runs every test: unit tests, and integration tests that start their own Azurite and app instances.
# Prints one closing line, "N passed, N failed, N skipped", summed over all test projects.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
ensure_dotnet_tools
ensure_chromium
build_web
results="$ROOT/artifacts/test-results"
rm -rf "$results"
status=0
dotnet test "$ROOT/Reintegration.sln" --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx")"
  total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
  p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
  f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + total - p - f))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
exit "$status"
