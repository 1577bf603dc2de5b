#!/usr/bin/env bash
# Regenerates the API's contract and the clients built on it, after a change to a route, to its entry in
# functions/OpenApi/ApiOperations.cs, or to a type the API reads or writes (a test fails until this has run):
#   docs/openapi.json                  the OpenAPI document, as GET /api/openapi.json serves it
#   src/Reintegration.Client/Generated the .NET client (Kiota, pinned in dotnet-tools.json)
#   web/src/api/schema.d.ts            the TypeScript types (openapi-typescript, pinned in package-lock.json)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_node_modules
ensure_dotnet_tools
dotnet run --project "$ROOT/tools/Reintegration.OpenApi.Export" -- "$ROOT/docs/openapi.json"
generate_dotnet_client docs/openapi.json src/Reintegration.Client/Generated
generate_typescript_types "$ROOT/docs/openapi.json" "$ROOT/web/src/api/schema.d.ts"
echo "Generated docs/openapi.json, src/Reintegration.Client/Generated and web/src/api/schema.d.ts."
