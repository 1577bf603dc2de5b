using System.Text.Json;
using System.Text.Json.Serialization;
using Reintegration.Domain;

namespace Reintegration;

/// <summary>
/// The JSON of the domain, source-generated: camelCase, enums as camelCase strings, dates as
/// yyyy-MM-dd, unknown properties rejected (a misspelt field must not be dropped silently), and
/// null refused where the model has no null.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(CamelCaseEnumConverter<PersonStatus>), typeof(CamelCaseEnumConverter<Pathway>), typeof(CamelCaseEnumConverter<PlacementOutcome>)])]
[JsonSerializable(typeof(Profile))]
[JsonSerializable(typeof(Opening))]
[JsonSerializable(typeof(List<Profile>))]
[JsonSerializable(typeof(List<Opening>))]
[JsonSerializable(typeof(Digests.Digest))]
[JsonSerializable(typeof(Digests.DigestEntry))]
[JsonSerializable(typeof(Dictionary<string, Matching.Match>))]
public sealed partial class ReintegrationJsonContext : JsonSerializerContext;

public static class ReintegrationJson
{
    /// <summary>Options over the source-generated context, for callers that chain their own contexts after it.</summary>
    public static JsonSerializerOptions Options { get; } = ReintegrationJsonContext.Default.Options;
}
