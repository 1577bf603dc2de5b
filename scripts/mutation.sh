#!/usr/bin/env bash
# Mutation testing of the engine: Stryker.NET mutates src/Reintegration.Core and runs
# tests/Reintegration.Core.Tests against each mutant. Too slow for every push (a whole run takes well over
# the test suite's 15-minute budget on 2 cores), so CI does not run it: run it before merging engine changes,
# and record the scores in docs/mutation.md.
#
#   ./scripts/mutation.sh                       every area, one Stryker run each
#   ./scripts/mutation.sh scoring validation    only those areas
#
# Areas: scoring (Matching/Scoring + Eligibility), index (Matching/Index, Matching/*.cs), explanations
# (Matching/Explanations), validation (Validation), allocation (Digests/Allocation), digests (the files directly in
# Digests, and Digests/Rendering). The digest folder is two areas because one run of it outlasts a session.
# Prints the score of every folder, and exits non-zero when a folder scores below 85 % or all of the
# areas run together below 90 %. Reports (HTML and JSON) go to artifacts/mutation/<area>/.
# Environment: STRYKER_CONCURRENCY (2) test processes at once; STRYKER_ADDITIONAL_TIMEOUT (5000 ms, Stryker's
# default): how much longer than in the first test run a mutant's tests may take before it counts as timed out (raise
# it when other work starves the niced test hosts, or starved mutants count as detected); REINTEGRATION_PROPERTY_DIVISOR
# (10): the CsCheck properties try a tenth of the cases they try in CI (tests/Reintegration.Core.Tests/PropertyRuns.cs),
# since Stryker runs them once for every mutant they reach; 1 runs them in full.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_dotnet_tools
export REINTEGRATION_PROPERTY_DIVISOR="${REINTEGRATION_PROPERTY_DIVISOR:-10}"

declare -A globs=(
  [scoring]='**/Matching/Scoring/**/*.cs **/Matching/Eligibility/**/*.cs'
  [index]='**/Matching/Index/**/*.cs **/Matching/*.cs'
  [explanations]='**/Matching/Explanations/**/*.cs'
  [validation]='**/Validation/**/*.cs'
  [allocation]='**/Digests/Allocation/**/*.cs'
  [digests]='**/Digests/*.cs **/Digests/Rendering/**/*.cs'
)
areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(scoring index explanations validation allocation digests)

# Stryker.NET takes its timeout margin from a configuration file only.
config="$ROOT/artifacts/mutation/stryker-config.json"
mkdir -p "$(dirname "$config")"
printf '{ "stryker-config": { "additional-timeout": %d } }\n' "${STRYKER_ADDITIONAL_TIMEOUT:-5000}" >"$config"

reports=()
for area in "${areas[@]}"; do
  [ -n "${globs[$area]:-}" ] || { echo "Unknown area '$area': expected one of ${!globs[*]}." >&2; exit 2; }
  out="$ROOT/artifacts/mutation/$area"
  rm -rf "$out"
  read -ra patterns <<<"${globs[$area]}"
  args=()
  for glob in "${patterns[@]}"; do args+=(--mutate "$glob"); done
  echo "== $area: dotnet stryker ${args[*]}"
  (cd "$ROOT/tests/Reintegration.Core.Tests" && dotnet tool run dotnet-stryker --skip-version-check \
    --concurrency "${STRYKER_CONCURRENCY:-2}" --config-file "$config" \
    --reporter Json --reporter Html --reporter Progress --output "$out" "${args[@]}")
  reports+=("$out/reports/mutation-report.json")
done

# Score = detected / (detected + undetected): killed and timed-out mutants against survivors and mutants no test runs.
node - "$ROOT/src/Reintegration.Core/" "${reports[@]}" <<'JS'
const fs = require("fs");
const [root, ...reports] = process.argv.slice(2);
const folders = new Map();
for (const report of reports) {
  for (const [file, { mutants }] of Object.entries(JSON.parse(fs.readFileSync(report, "utf8")).files)) {
    const folder = file.replace(root, "").split("/").slice(0, -1).join("/") || ".";
    const tally = folders.get(folder) ?? { detected: 0, undetected: 0 };
    for (const { status } of mutants) {
      if (status === "Killed" || status === "Timeout") tally.detected++;
      else if (status === "Survived" || status === "NoCoverage") tally.undetected++;
    }
    folders.set(folder, tally);
  }
}
const pct = t => (100 * t.detected / Math.max(1, t.detected + t.undetected));
let all = { detected: 0, undetected: 0 }, failed = false;
console.log("folder".padEnd(34) + "killed  survived  score");
for (const [folder, t] of [...folders].sort()) {
  if (t.detected + t.undetected === 0) continue;
  all.detected += t.detected; all.undetected += t.undetected;
  const low = pct(t) < 85;
  failed ||= low;
  console.log(`${folder.padEnd(34)}${String(t.detected).padStart(6)}${String(t.undetected).padStart(10)}  ${pct(t).toFixed(1)} %${low ? "  < 85 %" : ""}`);
}
console.log(`${"all".padEnd(34)}${String(all.detected).padStart(6)}${String(all.undetected).padStart(10)}  ${pct(all).toFixed(1)} %${pct(all) < 90 ? "  < 90 %" : ""}`);
process.exit(failed || pct(all) < 90 ? 1 : 0);
JS
