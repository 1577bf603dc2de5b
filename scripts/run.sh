#!/usr/bin/env bash
# Runs the app locally: Azurite (in memory) and the standalone Functions host on http://127.0.0.1:7071,
# then loads seeded demo data into it through its HTTP API (src/Reintegration.Demo.Loader) and prints
# the keys and curl commands to try it with (written again to artifacts/demo-keys.txt). Ctrl+C stops
# both the app and Azurite.
#
#   ./scripts/run.sh                                   the app, with demo data
#   ./scripts/run.sh --no-demo                         the app alone
#   ./scripts/run.sh -- --urls http://127.0.0.1:8080   what follows -- goes to the app (so does any
#                                                      argument this script does not know)
#
# Environment:
#   DEMO_SEED (1), DEMO_PROFILES (300, in total over the 2 demo centres), DEMO_OPENINGS (3000),
#   DEMO_TODAY (yyyy-MM-dd; default today): the day the demo data's dates are counted from.
#   Reintegration__AdminKey: the admin key. When unset, one is generated here and given to the app, so
#   that this script (and the loader) know it.
# The loader calls the app where it listens: the first address of the app's --urls, else of URLS,
# ASPNETCORE_URLS or DOTNET_URLS (the order in which the app reads them), else http://127.0.0.1:7071;
# a wildcard host (*, +, 0.0.0.0, [::]) is called on 127.0.0.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

demo=1
app_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-demo) demo=0 ;;
    --) shift; app_args+=("$@"); break ;;
    *) app_args+=("$1") ;;
  esac
  shift
done

# The address the app listens on (see above).
app_url() {
  local urls="${URLS:-${ASPNETCORE_URLS:-${DOTNET_URLS:-}}}" i
  for ((i = 0; i < ${#app_args[@]}; i++)); do
    case "${app_args[$i]}" in
      --urls=*) urls="${app_args[$i]#--urls=}" ;;
      --urls) urls="${app_args[$((i + 1))]:-}" ;;
    esac
  done
  urls="${urls%%;*}"
  urls="${urls:-http://127.0.0.1:7071}"
  sed -E 's#^(https?://)(\*|\+|0\.0\.0\.0|\[::\])(:|/|$)#\1127.0.0.1\3#; s#/+$##' <<<"$urls"
}

# Runs a command, showing its output only when it fails.
quietly() {
  local output
  if ! output="$("$@" 2>&1)"; then
    echo "$output" >&2
    return 1
  fi
}

ensure_node_modules
build_web
echo "Building the app..."
quietly dotnet build "$ROOT/functions" -c Debug --nologo -v quiet -clp:ErrorsOnly
if [ "$demo" = 1 ]; then
  echo "Building the demo loader..."
  quietly dotnet build "$ROOT/src/Reintegration.Demo.Loader" -c Debug --nologo -v quiet -clp:ErrorsOnly
fi

if [ -z "${Reintegration__AdminKey:-}" ]; then
  Reintegration__AdminKey="ra_$(node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))')"
  echo "Admin key (generated for this run; set Reintegration__AdminKey to choose one): $Reintegration__AdminKey"
fi
export Reintegration__AdminKey

port=10002
if port_open "$port"; then
  port="$(free_port)"
  echo "Port 10002 is taken; Azurite's Table service uses $port."
fi
blob_port=10000
if port_open "$blob_port"; then
  blob_port="$(free_port)"
  echo "Port 10000 is taken; Azurite's Blob service uses $blob_port."
fi
APP_PID=""
stopping=0
cleanup() {
  if [ -n "$APP_PID" ]; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  stop_azurite
}
trap cleanup EXIT
start_azurite "$port" "$blob_port"
echo "Azurite on 127.0.0.1: Table service on $port, Blob service (index snapshots) on $blob_port."

export Reintegration__Storage="${Reintegration__Storage:-$(azurite_connection_string "$port" "$blob_port")}"
# The built app is started directly (what `dotnet run --project functions` does without Core Tools),
# so that this script can stop it cleanly on Ctrl+C or SIGTERM.
(cd "$ROOT/functions/bin/Debug/net10.0" && exec dotnet Reintegration.Functions.dll ${app_args[@]+"${app_args[@]}"}) &
APP_PID=$!
# Set before the wait for health and the load, so that Ctrl+C during either stops everything.
trap 'stopping=1; kill -TERM "$APP_PID" 2>/dev/null || true' INT TERM

url="$(app_url)"
if [ "$demo" = 1 ]; then
  healthy=0
  deadline=$((SECONDS + 120))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if [ "$stopping" = 1 ] || ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    if http_ok "$url/api/health"; then healthy=1; break; fi
    sleep 0.5
  done
  if [ "$healthy" = 1 ]; then
    # The admin key reaches the loader through the environment, not its command line (which `ps` shows).
    loader_status=0
    dotnet "$ROOT/src/Reintegration.Demo.Loader/bin/Debug/net10.0/Reintegration.Demo.Loader.dll" \
      --url "$url" --seed "${DEMO_SEED:-1}" --profiles "${DEMO_PROFILES:-300}" --openings "${DEMO_OPENINGS:-3000}" \
      ${DEMO_TODAY:+--today "$DEMO_TODAY"} --keys-file "$ROOT/artifacts/demo-keys.txt" || loader_status=$?
    if [ "$stopping" = 0 ] && [ "$loader_status" != 0 ]; then
      echo "The demo data did not load (the loader exited with $loader_status); the app is still running on $url." >&2
    fi
  elif [ "$stopping" = 0 ] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "The app did not answer $url/api/health with 200 within 120 s; no demo data was loaded." >&2
  fi
  if [ "$stopping" = 0 ] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "The app is running on $url, its web app on $url/ (Ctrl+C stops it and Azurite)."
  fi
fi

while kill -0 "$APP_PID" 2>/dev/null; do
  wait "$APP_PID" || true
done
