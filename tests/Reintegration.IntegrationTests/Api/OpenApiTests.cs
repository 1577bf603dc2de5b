using System.Net;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Reintegration.Functions;
using Reintegration.Functions.Http;
using Reintegration.Functions.OpenApi;
using Reintegration.Functions.Routing;
using Reintegration.Functions.Standalone;
using Reintegration.IntegrationTests.Infrastructure;

namespace Reintegration.IntegrationTests.Api;

/// <summary>GET /api/openapi.json: an OpenAPI 3 document of every route, generated from the functions and their table.</summary>
public sealed class OpenApiTests
{
    private static readonly FunctionCatalog AppFunctions = FunctionCatalog.Discover([typeof(AppServiceCollectionExtensions).Assembly]);

    /// <summary>The functions that are operations of the API: all but the catch-all that answers unknown routes.</summary>
    private static readonly IReadOnlyList<HttpFunction> ApiFunctions = [.. AppFunctions.Http.Where(f => f.Name != UnmatchedRouteFunction.Name)];
    private static readonly string[] Anonymous = ["Health", "OpenApi"];

    [Fact]
    public async Task OpenApiJson_WithoutKey_ReadsBackAsOpenApi3WithoutErrors()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var response = await app.Client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), OpenApiConstants.Json);
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Contains(result.Diagnostic.SpecificationVersion, new[] { OpenApiSpecVersion.OpenApi3_0, OpenApiSpecVersion.OpenApi3_1 });
        Assert.NotNull(result.Document);
    }

    [Fact]
    public async Task OpenApiJson_HasEveryRouteAndMethod_OfEveryHttpFunction()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var document = await FetchAsync(app);

        Assert.NotEmpty(ApiFunctions);
        foreach (var function in ApiFunctions)
        {
            var path = "/api/" + function.Route;
            Assert.True(document.Paths.ContainsKey(path), $"{function.Name}: no path {path}");
            foreach (var method in function.Methods!)
            {
                Assert.True(document.Paths[path].Operations!.ContainsKey(HttpMethod.Parse(method)), $"{function.Name}: no {method} {path}");
            }
        }

        var served = ApiFunctions.SelectMany(f => f.Methods!.Select(m => $"{m.ToUpperInvariant()} /api/{f.Route}")).Order(StringComparer.Ordinal);
        var documented = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => $"{m.Method} {p.Key}")).Order(StringComparer.Ordinal);
        Assert.Equal(served, documented);
    }

    [Fact]
    public async Task OpenApiJson_EveryOperationButHealthAndItself_NeedsTheApiKeyAndAnswers401()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var document = await FetchAsync(app);

        Assert.Equal(ParameterLocation.Header, document.Components!.SecuritySchemes![ApiDocument.SecurityScheme].In);
        Assert.Equal("x-api-key", document.Components.SecuritySchemes[ApiDocument.SecurityScheme].Name);
        foreach (var (name, operation) in Operations(document))
        {
            if (Anonymous.Contains(name))
            {
                Assert.True(operation.Security is null or { Count: 0 }, $"{name} should need no key");
                Assert.False(operation.Responses!.ContainsKey("401"), $"{name} should not answer 401");
            }
            else
            {
                Assert.True(operation.Security is { Count: > 0 } && operation.Security.All(r => r.Keys.Any(k => k.Reference.Id == ApiDocument.SecurityScheme)), $"{name} should need the api key");
                Assert.True(operation.Responses!.ContainsKey("401"), $"{name} should answer 401");
            }
        }
    }

    [Fact]
    public async Task OpenApiJson_AnonymousOperations_SayExplicitlyThatTheyNeedNoKey_AndServersAreListed()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var raw = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/api/openapi.json")).RootElement;

        foreach (var path in new[] { "/api/health", "/api/openapi.json" })
        {
            var security = raw.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("security");
            Assert.Equal(System.Text.Json.JsonValueKind.Array, security.ValueKind);
            Assert.Equal(0, security.GetArrayLength());
        }

        Assert.Equal(["http://127.0.0.1:7071", "https://{app}.azurewebsites.net"], raw.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task OpenApiJson_ProfileSchema_HasTheContractsProperties()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var schemas = (await FetchAsync(app)).Components!.Schemas!;

        var profile = schemas["Profile"];
        Assert.Equal(
            ["externalRef", "displayName", "citizenship", "status", "fledCountries", "voluntaryRepatriation", "home", "bans", "occupations",
             "skills", "licences", "languages", "availableFrom", "relocation", "minMonthlyWage", "consent"],
            profile.Properties!.Keys);
        Assert.Equal(["returningMigrant", "refugee"], schemas["PersonStatus"].Enum!.Select(v => v.GetValue<string>()));
        Assert.Equal(JsonSchemaType.String, schemas["PersonStatus"].Type);
        Assert.Equal("date", profile.Properties["availableFrom"].Format);
        Assert.Equal("date", schemas["EntryBan"].Properties!["until"].Format);
        Assert.Equal("date-time", schemas["MatchResponse"].Properties!["generatedAt"].Format);
        Assert.Equal(["domestic", "freeMovement", "workPermit", "visaAndPermit"], schemas["Pathway"].Enum!.Select(v => v.GetValue<string>()));
    }

    [Fact]
    public async Task OpenApiJson_MatchSchema_SaysWhenItsObtainAdviceWasChecked_AsANullableDate()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var match = (await FetchAsync(app)).Components!.Schemas!["MatchView"];

        var verifiedOn = match.Properties!["obtainVerifiedOn"];
        Assert.Equal("date", verifiedOn.Format);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, verifiedOn.Type);
        Assert.Equal(["obtain", "obtainVerifiedOn", "reasons"], match.Properties.Keys.SkipWhile(k => k != "obtain"));
    }

    [Fact]
    public async Task OpenApiJson_EveryErrorResponse_IsAProblemDocument()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());

        var document = await FetchAsync(app);

        var problem = document.Components!.Schemas![ProblemResponses.SchemaName];
        Assert.Equal(["detail", "errors", "status", "title", "traceId", "type"], problem.Properties!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(JsonSchemaType.Array, problem.Properties["errors"].AdditionalProperties!.Type);
        foreach (var (name, operation) in Operations(document))
        {
            foreach (var (status, response) in operation.Responses!.Where(r => r.Key[0] is '4' or '5'))
            {
                var schema = Assert.Single(response.Content!, c => c.Key == ProblemResponses.MediaType).Value.Schema;
                Assert.True(schema is OpenApiSchemaReference { Reference.Id: ProblemResponses.SchemaName }, $"{name} {status} is not a ProblemDetails");
            }
        }
    }

    [Fact]
    public void ApiOperations_DescribeEveryHttpFunction_AndNoOther()
    {
        var functions = ApiFunctions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        var undescribed = functions.Where(f => !ApiOperations.ByFunction.ContainsKey(f)).Order(StringComparer.Ordinal);
        var stray = ApiOperations.ByFunction.Keys.Where(k => !functions.Contains(k)).Order(StringComparer.Ordinal);

        Assert.True(!undescribed.Any(), $"HTTP functions with no entry in ApiOperations: {string.Join(", ", undescribed)}");
        Assert.True(!stray.Any(), $"ApiOperations entries that name no HTTP function: {string.Join(", ", stray)}");
    }

    [Fact]
    public async Task ApiOperations_Roles_AreWhatEachFunctionEnforces()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        using var admin = app.Admin();

        foreach (var function in ApiFunctions.Where(f => ApiOperations.ByFunction.GetValueOrDefault(f.Name)?.Roles is not null))
        {
            var roles = ApiOperations.ByFunction[function.Name].Roles!.Value;
            var path = "/api/" + string.Join('/', function.Route.Split('/').Select(s => s.StartsWith('{') ? "unknown" : s));
            foreach (var method in function.Methods!.Select(m => HttpMethod.Parse(m)))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.SendAsync(new HttpRequestMessage(method, path))).StatusCode);
                var asAdmin = (await admin.SendAsync(new HttpRequestMessage(method, path))).StatusCode;
                var asCentre = (await centre.SendAsync(new HttpRequestMessage(method, path))).StatusCode;
                Assert.True(roles.HasFlag(Roles.Admin) == (asAdmin != HttpStatusCode.Forbidden), $"{function.Name} with the admin key: {(int)asAdmin}, roles {roles}");
                Assert.True(roles.HasFlag(Roles.Centre) == (asCentre != HttpStatusCode.Forbidden), $"{function.Name} with a centre key: {(int)asCentre}, roles {roles}");
            }
        }
    }

    [Fact]
    public async Task OpenApiJson_StoredProfileSchema_HasThePropertiesOfAServedProfile()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var (centre, _) = await app.CentreAsync();
        using var _ = centre;
        var id = (await HttpAssert.OkAsync(await centre.PostProfilesAsync(TestData.Profile()))).GetProperty("results")[0].GetProperty("id").GetString();

        var served = await HttpAssert.OkAsync(await centre.GetAsync($"/api/profiles/{id}"));

        var schema = (await FetchAsync(app)).Components!.Schemas!["StoredProfile"];
        Assert.Equal(schema.Properties!.Keys, served.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task OpenApiJson_StoredOpeningSchema_HasThePropertiesOfAServedOpening()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        using var admin = app.Admin();
        var id = (await HttpAssert.OkAsync(await admin.PostOpeningsAsync(TestData.Opening()))).GetProperty("results")[0].GetProperty("id").GetString();

        var served = await HttpAssert.OkAsync(await admin.GetAsync($"/api/openings/{id}"));

        var schema = (await FetchAsync(app)).Components!.Schemas!["StoredOpening"];
        Assert.Equal(schema.Properties!.Keys, served.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("api", "profiles/{id}/matches", "/api/profiles/{id}/matches")]
    [InlineData("api", "items/{id:int}/{*rest}", "/api/items/{id}/{rest}")]
    [InlineData("", "openapi.json", "/openapi.json")]
    public void PathOf_RouteTemplate_IsAnOpenApiPath(string prefix, string route, string expected) =>
        Assert.Equal(expected, ApiDocument.PathOf(prefix, route));

    private static async Task<OpenApiDocument> FetchAsync(TestApp app)
    {
        var text = await (await app.Client.GetAsync("/api/openapi.json")).Content.ReadAsStringAsync();
        var result = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors);
        return result.Document!;
    }

    private static IEnumerable<(string Name, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(p => p.Value.Operations!.Values).Select(o => (o.OperationId!, o));
}
