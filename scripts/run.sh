#!/usr/bin/env bash
# Runs the app locally: Azurite (in memory) and the standalone Functions host on http://127.0.0.1:7071.
# Ctrl+C stops both. Extra arguments go to the app (e.g. --urls http://127.0.0.1:8080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
echo "Building the app..."
dotnet build "$ROOT/functions" -c Debug --nologo -v quiet -clp:ErrorsOnly

port=10002
if port_open "$port"; then
  port="$(free_port)"
  echo "Port 10002 is taken; Azurite uses $port."
fi
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  stop_azurite
}
trap cleanup EXIT
start_azurite "$port"
echo "Azurite Table service on 127.0.0.1:$port."

export Reintegration__Storage="${Reintegration__Storage:-$(azurite_connection_string "$port")}"
# The built app is started directly (what `dotnet run --project functions` does without Core Tools),
# so that this script can stop it cleanly on Ctrl+C or SIGTERM.
(cd "$ROOT/functions/bin/Debug/net10.0" && exec dotnet Reintegration.Functions.dll "$@") &
APP_PID=$!
trap 'kill -TERM "$APP_PID" 2>/dev/null || true' INT TERM
while kill -0 "$APP_PID" 2>/dev/null; do
  wait "$APP_PID" || true
done
