using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Reintegration.Functions.OpenApi;

/// <summary>The OpenAPI 3 document of every route, generated from the functions and their table. Anonymous.</summary>
public sealed class OpenApiFunction
{
    [Function("OpenApi")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        TypedResults.Text(ApiDocument.Json, "application/json", Encoding.UTF8);
}
