using Reintegration.Functions.OpenApi;

// Writes the app's OpenAPI document, as GET /api/openapi.json serves it, to the file named (scripts/generate-clients.sh).
if (args is not [var path])
{
    Console.Error.WriteLine("Usage: Reintegration.OpenApi.Export <file.json>");
    return 2;
}

await File.WriteAllTextAsync(path, ApiDocument.Json + "\n");
return 0;
