# Shared by the project's scripts: sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Installs the pinned npm packages (Azurite, Redocly, openapi-typescript, TypeScript) when they are missing or older than the lock file.
ensure_node_modules() {
  if [ ! -f "$ROOT/node_modules/azurite/package.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    echo "Installing the npm packages of package-lock.json (Azurite, the OpenAPI linter, the TypeScript client's tools)..."
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Builds the caseworker's web app into web/dist, which the functions project copies into the app's wwwroot.
build_web() {
  node "$ROOT/scripts/build-web.mjs"
}

# Installs Debian's Chromium, which the browser tests drive, when it is missing (Playwright's own download
# cannot work here). Needs root, as CI and the development machines run.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium for the browser tests (apt-get)..."
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1; then
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
  fi
}

# Restores the pinned .NET tools (Kiota) of dotnet-tools.json.
ensure_dotnet_tools() {
  (cd "$ROOT" && dotnet tool restore >/dev/null)
}

# The clients are generated from the committed document with these options only, by scripts/generate-clients.sh
# and by the test that fails when a committed client is stale (ClientGenerationTests).
# Writes the .NET client (Kiota) generated from the OpenAPI document $1 into the folder $2.
generate_dotnet_client() {
  local document="$1" output="$2"
  # Kiota asks GitHub for a newer version otherwise; this machine has no internet.
  (cd "$ROOT" && KIOTA_UPDATE__DISABLED=true dotnet tool run kiota generate --language CSharp --openapi "$document" --output "$output" \
    --class-name ReintegrationClient --namespace-name Reintegration.Client --exclude-backward-compatible --clean-output \
    --serializer Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory \
    --serializer Microsoft.Kiota.Serialization.Text.TextSerializationWriterFactory \
    --deserializer Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory \
    --deserializer Microsoft.Kiota.Serialization.Text.TextParseNodeFactory \
    --structured-mime-types application/json --structured-mime-types "text/plain;q=0.9" \
    --log-level Error >/dev/null)
  rm -f "$output/.kiota.log"
}

# Writes the TypeScript types (openapi-typescript) of the OpenAPI document $1 to the file $2.
generate_typescript_types() {
  node "$ROOT/node_modules/openapi-typescript/bin/cli.js" "$1" --output "$2" >/dev/null
}

# Prints 0 when something listens on 127.0.0.1:$1.
port_open() {
  node -e 'const s=require("net").connect(+process.argv[1],"127.0.0.1");s.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1))' "$1"
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Starts Azurite's Table service on port $1 and its Blob service on port $2, and waits until both
# answer; sets AZURITE_PID.
start_azurite() {
  local port="$1" blob_port="$2" log="${TMPDIR:-/tmp}/reintegration-azurite-$1.log"
  # In a session of its own: node catches SIGINT even when started in the background, so Ctrl+C at the
  # terminal would stop Azurite while the app using it is still shutting down. stop_azurite stops it.
  if command -v setsid >/dev/null; then
    setsid node "$ROOT/scripts/azurite-table.js" "$port" "$blob_port" >"$log" 2>&1 &
  else
    node "$ROOT/scripts/azurite-table.js" "$port" "$blob_port" >"$log" 2>&1 &
  fi
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if port_open "$port" && port_open "$blob_port"; then
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite did not start:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "Azurite did not answer on 127.0.0.1:$port within 20 s." >&2
  return 1
}

stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

# The connection string for Azurite's Table service on port $1 and Blob service on port $2 (the
# well-known development account).
azurite_connection_string() {
  if [ "$1" = "10002" ] && [ "$2" = "10000" ]; then
    echo "UseDevelopmentStorage=true"
  else
    echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$2/devstoreaccount1;"
  fi
}

# Returns 0 when GET $1 answers 200 within 2 s.
http_ok() {
  node -e 'const r=require("http").get(process.argv[1],{timeout:2000},s=>{s.resume();process.exit(s.statusCode===200?0:1)});r.on("timeout",()=>r.destroy());r.on("error",()=>process.exit(1))' "$1"
}
