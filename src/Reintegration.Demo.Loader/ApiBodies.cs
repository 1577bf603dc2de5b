using System.Text.Json.Serialization;

namespace Reintegration.Demo.Loader;

/// <summary>POST /api/centres. No webhook: the demo centres' digests are read, not pushed.</summary>
internal sealed record CentreRegistration(string Name, string Country, string? Region, string Language);

/// <summary>The answer to a registration or a new key, the only times the centre's key is shown (other fields are ignored).</summary>
internal sealed record RegisteredCentre(string Id, string Name, string Country, string ApiKey);

/// <summary>A page of GET /api/centres (the fields the loader reads).</summary>
internal sealed record CentrePage(IReadOnlyList<ListedCentre> Items, string? ContinuationToken);

internal sealed record ListedCentre(string Id, string Name, string Country);

/// <summary>The answer to POST /api/profiles and /api/openings.</summary>
internal sealed record UpsertResponse(IReadOnlyList<UpsertResult> Results);

internal sealed record UpsertResult(int Index, string Id, string ExternalRef, bool Created);

/// <summary>The part of a match answer the loader reads.</summary>
internal sealed record MatchSummary(IReadOnlyList<MatchedOpening> Matches, Exclusions? Excluded);

internal sealed record MatchedOpening(string OpeningId, double Score);

internal sealed record Exclusions(int ReentryBan);

/// <summary>An RFC 9457 problem document, as every error of the API is.</summary>
internal sealed record ProblemDocument(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors);

/// <summary>The loader's own bodies; profiles and openings go through <see cref="ReintegrationJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CentreRegistration))]
[JsonSerializable(typeof(RegisteredCentre))]
[JsonSerializable(typeof(CentrePage))]
[JsonSerializable(typeof(UpsertResponse))]
[JsonSerializable(typeof(MatchSummary))]
[JsonSerializable(typeof(ProblemDocument))]
internal sealed partial class LoaderJsonContext : JsonSerializerContext;
