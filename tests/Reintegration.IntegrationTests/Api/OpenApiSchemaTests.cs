using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Reintegration.Digests;
using Reintegration.Functions.OpenApi;
using Reintegration.Localisation;
using Reintegration.Matching;

namespace Reintegration.IntegrationTests.Api;

/// <summary>What the OpenAPI document says so that generated clients (Kiota, openapi-typescript) need no workaround.</summary>
public sealed class OpenApiSchemaTests
{
    private static readonly OpenApiDocument Document = OpenApiDocument.Parse(ApiDocument.Json, OpenApiConstants.Json).Document!;

    private static IDictionary<string, IOpenApiSchema> Schemas => Document.Components!.Schemas!;

    [Theory]
    [InlineData("Profile", ApiSamples.ProfileJson)]
    [InlineData("Opening", ApiSamples.OpeningJson)]
    [InlineData("CentreRequest", """
        { "name": "Khujand Employment Centre", "country": "TJ", "region": "Sughd", "webhookUrl": "https://example.org/d", "language": "ru" }
        """)]
    [InlineData("PlacementRequest", """{ "profileId": "30a14942f25b397ce393a03420b2ab0a", "openingId": "TJ-7b45", "outcome": "hired" }""")]
    public void InputSchema_RequiresExactlyThePropertiesWhoseAbsenceTheValidatorRefuses(string name, string valid)
    {
        var rules = ApiOperations.Inputs.Single(i => i.Type.Name == name);
        var contract = ApiOperations.Contracts.Select(c => c.GetTypeInfo(rules.Type)).First(t => t is not null)!;
        var schema = Schemas[name];
        Assert.Empty(rules.Validate(JsonSerializer.Deserialize(valid, contract)!).ToDictionary());

        foreach (var property in schema.Properties!.Keys)
        {
            var without = JsonNode.Parse(valid)!.AsObject();
            Assert.True(without.Remove(property), $"The sample of {name} lacks {property}");
            var errors = rules.Validate(JsonSerializer.Deserialize(without, contract)!).ToDictionary().Keys;

            var refused = errors.Any(path => path == property || path.StartsWith(property + ".", StringComparison.Ordinal));
            Assert.True(refused == schema.Required!.Contains(property), $"{name}.{property}: refused when left out: {refused}");
        }
    }

    [Theory]
    [InlineData("Location", "country,city")]
    [InlineData("EntryBan", "country")]
    [InlineData("OccupationExperience", "isco")]
    [InlineData("LanguageSkill", "code,level")]
    [InlineData("Money", "currency")]
    [InlineData("WageRange", "currency")]
    [InlineData("Consent", "dataProcessing,givenOn")]
    [InlineData("Relocation", "")]
    [InlineData("CentrePatch", "")]
    public void InputSchema_OfAPartOfABody_RequiresWhatItsValidatorRequires(string name, string required) =>
        Assert.Equal(required.Split(',', StringSplitOptions.RemoveEmptyEntries), Schemas[name].Required ?? new HashSet<string>());

    [Fact]
    public void InputSchema_RequiredEnumOrDate_TakesNoNull()
    {
        Assert.True(Schemas["Profile"].Properties!["status"] is OpenApiSchemaReference { Reference.Id: "PersonStatus" });
        Assert.True(Schemas["PlacementRequest"].Properties!["outcome"] is OpenApiSchemaReference { Reference.Id: "PlacementOutcome" });
        Assert.Equal(JsonSchemaType.String, Schemas["Consent"].Properties!["givenOn"].Type);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, Schemas["Profile"].Properties!["availableFrom"].Type);
    }

    [Fact]
    public void CentrePatch_NameAndLanguage_MayBeLeftOutButNotNull_RegionAndWebhookMayBeNull()
    {
        var patch = Schemas["CentrePatch"].Properties!;

        Assert.Equal(JsonSchemaType.String, patch["name"].Type);
        Assert.True(patch["language"] is OpenApiSchemaReference { Reference.Id: "ServiceLanguage" });
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, patch["region"].Type);
        Assert.Equal(JsonSchemaType.String | JsonSchemaType.Null, patch["webhookUrl"].Type);
    }

    [Theory]
    [InlineData("CentreRequest")]
    [InlineData("CentrePatch")]
    [InlineData("CentreView")]
    [InlineData("CentreCreated")]
    public void CentreLanguage_IsOneOfTheLanguagesThereAreWordsFor(string schema)
    {
        var language = Schemas[schema].Properties!["language"];

        Assert.True(language is OpenApiSchemaReference { Reference.Id: "ServiceLanguage" }, $"{schema}.language");
        Assert.Equal(Words.Codes, Schemas["ServiceLanguage"].Enum!.Select(v => v.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/profiles", "Profile")]
    [InlineData("/api/openings", "Opening")]
    public void BatchUpsert_IsOneItemOrANamedListOfThem(string path, string item)
    {
        var body = Document.Paths[path].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Schema!;

        Assert.Equal([item, item + "List"], body.OneOf!.Select(s => Assert.IsType<OpenApiSchemaReference>(s).Reference.Id));
        var list = Schemas[item + "List"];
        Assert.Equal(JsonSchemaType.Array, list.Type);
        Assert.True(list.Items is OpenApiSchemaReference { Reference.Id: var id } && id == item);
        Assert.Equal(500, list.MaxItems);
    }

    [Fact]
    public void EveryOperation_AnswersSuccessInOneMediaType()
    {
        foreach (var (path, item) in Document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var success = operation.Responses!.Where(r => r.Key[0] == '2').SelectMany(r => r.Value.Content?.Keys ?? []).ToList();
                Assert.True(success.Count <= 1, $"{method} {path} answers {string.Join(", ", success)}");
            }
        }
    }

    [Theory]
    [InlineData("/api/digests/{week}", "application/json")]
    [InlineData("/api/digests/{week}/html", "text/html")]
    [InlineData("/api/digests/{week}/markdown", "text/markdown")]
    [InlineData("/api/digests/latest", "application/json")]
    [InlineData("/api/digests/latest/html", "text/html")]
    [InlineData("/api/digests/latest/markdown", "text/markdown")]
    public void Digest_EachRepresentation_IsAnOperationOfItsOwn(string path, string mediaType) =>
        Assert.Equal([mediaType], Document.Paths[path].Operations![HttpMethod.Get].Responses!["200"].Content!.Keys);

    [Fact]
    public void ProblemDetail_IsThePrimaryErrorMessage()
    {
        var detail = Assert.IsType<OpenApiSchema>(Schemas[ProblemResponses.SchemaName].Properties!["detail"]);

        var extension = Assert.IsType<JsonNodeExtension>(detail.Extensions![ProblemResponses.PrimaryErrorMessage]);
        Assert.Equal("true", extension.Node.ToJsonString());
    }

    [Fact]
    public void ExclusionCounts_HasOnePropertyPerReason_AndNoneTheServerDoesNotWrite() =>
        Assert.Equal(EnumNames<ExclusionReason>.All, Schemas["ExclusionCounts"].Properties!.Keys);

    [Theory]
    [InlineData("/api/profiles/{id}", "get")]
    [InlineData("/api/profiles/{id}", "put")]
    public void StoredProfile_Answer_DeclaresItsETag(string path, string method) =>
        Assert.Contains("ETag", Document.Paths[path].Operations![HttpMethod.Parse(method)].Responses!["200"].Headers!.Keys);

    [Fact]
    public void WeekParameter_HasTheIsoWeekPatternAndAnExampleThatMatchesIt()
    {
        var weeks = Document.Paths.Where(p => p.Key.Contains("{week}", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Operations!.Values)
            .Select(o => o.Parameters!.Single(p => p.Name == "week"))
            .ToList();

        Assert.Equal(4, weeks.Count);
        foreach (var week in weeks)
        {
            Assert.Equal(IsoWeek.Pattern, week.Schema!.Pattern);
            var example = week.Example!.GetValue<string>();
            Assert.Matches(new Regex(IsoWeek.Pattern), example);
            Assert.True(IsoWeek.TryParse(example, out _));
        }
    }
}
