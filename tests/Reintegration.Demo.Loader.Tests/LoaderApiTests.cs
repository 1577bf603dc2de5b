using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Reintegration.Client.Models;
using OpeningsPostRequestBody = Reintegration.Client.Api.Openings.OpeningsRequestBuilder.OpeningsPostRequestBody;
using Reintegration.Reference;

namespace Reintegration.Demo.Loader.Tests;

/// <summary>The loader's calls through the generated client, against scripted answers.</summary>
public sealed class LoaderApiTests
{
    private static readonly RetryPolicy NoWait = new() { MaxAttempts = 3, BaseDelay = TimeSpan.Zero };
    private static readonly Uri App = new("http://127.0.0.1:9");

    [Fact]
    public async Task BadRequest_IsNotRetriedAndFailsWithTheProblemsFieldErrors()
    {
        var problem = """
            {"title":"One or more fields are invalid","status":400,"detail":"Fix them.","errors":{"[3].home.city":["Unknown city."]}}
            """;
        var transport = new ScriptedHandler(RetryingHandlerTests.Answer(HttpStatusCode.BadRequest, problem, "application/problem+json"));
        using var api = new LoaderApi(App, NoWait, TimeProvider.System, _ => { }, transport);

        var centre = new CentreRequest { Name = "C", Country = "TJ", Language = ServiceLanguage.Ru };

        var failure = await Assert.ThrowsAsync<ApiFailure>(
            () => ApiFailure.GuardAsync("POST /api/centres", () => api.As("k").Api.Centres.PostAsync(centre)));

        Assert.Equal(1, transport.Calls);
        Assert.Equal(400, failure.Status);
        Assert.Equal(
            "POST /api/centres: 400 One or more fields are invalid — Fix them.\n  [3].home.city: Unknown city.", failure.Message);
    }

    [Fact]
    public async Task Upsert_SendsTheKeyAndTheBatchAsJson()
    {
        var transport = new ScriptedHandler(RetryingHandlerTests.Answer(HttpStatusCode.OK, """{"results":[]}"""));
        using var api = new LoaderApi(App, NoWait, TimeProvider.System, _ => { }, transport);
        var body = new OpeningsPostRequestBody { Opening = [new Opening { ExternalRef = "E-1" }] };

        await api.As("secret").Api.Openings.PostAsync(body);

        var request = Assert.Single(transport.Requests);
        Assert.Equal("http://127.0.0.1:9/api/openings", request.Uri);
        Assert.Equal("secret", request.Key);
        Assert.Equal("application/json", request.MediaType);
        Assert.Equal("""[{"externalRef":"E-1"}]""", request.Body);
    }

    [Fact]
    public void ClientModels_OfTheDemosData_WriteBackTheJsonTheDomainWrites()
    {
        var data = new DemoData(ReferenceData.Shared, 1, new DateOnly(2026, 11, 28));
        var profiles = data.Profiles(data.Centres()[0], 20);
        var openings = data.Openings(20);

        var domainProfiles = JsonSerializer.SerializeToNode(profiles.ToList(), ReintegrationJsonContext.Default.ListProfile);
        var domainOpenings = JsonSerializer.SerializeToNode(openings.ToList(), ReintegrationJsonContext.Default.ListOpening);

        Assert.True(JsonNode.DeepEquals(WithoutNulls(domainProfiles), Written(ClientModels.Profiles(profiles))));
        Assert.True(JsonNode.DeepEquals(WithoutNulls(domainOpenings), Written(ClientModels.Openings(openings))));
    }

    /// <summary>What the client sends: Kiota leaves out what is null.</summary>
    private static JsonNode Written<T>(IEnumerable<T> models)
        where T : IParsable
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteCollectionOfObjectValues(null, models);
        return JsonNode.Parse(writer.GetSerializedContent())!;
    }

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(WithoutNulls)]),
        _ => node?.DeepClone(),
    };
}
