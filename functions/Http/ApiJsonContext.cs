using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Reintegration.Domain;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Centres;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Health;
using Reintegration.Functions.Matches;
using Reintegration.Functions.Openings;
using Reintegration.Functions.Placements;
using Reintegration.Matching;
using Reintegration.Functions.Profiles;

namespace Reintegration.Functions.Http;

/// <summary>The JSON of the API's own requests and answers, with the domain's conventions (see <see cref="ReintegrationJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(CamelCaseEnumConverter<PersonStatus>), typeof(CamelCaseEnumConverter<Pathway>), typeof(CamelCaseEnumConverter<PlacementOutcome>), typeof(CamelCaseEnumConverter<ExclusionReason>)])]
[JsonSerializable(typeof(CentreRequest))]
[JsonSerializable(typeof(CentrePatch))]
[JsonSerializable(typeof(CentrePage))]
[JsonSerializable(typeof(CentreView))]
[JsonSerializable(typeof(CentreCreated))]
[JsonSerializable(typeof(UpsertResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(RejectedLine))]
[JsonSerializable(typeof(ItemPage))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(MatchResponse))]
[JsonSerializable(typeof(VerdictView))]
[JsonSerializable(typeof(PlacementRequest))]
[JsonSerializable(typeof(HireList))]
[JsonSerializable(typeof(HireView))]
[JsonSerializable(typeof(ReleaseRequest))]
[JsonSerializable(typeof(PlacementView))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(DigestView))]
[JsonSerializable(typeof(DigestRunReport))]
[JsonSerializable(typeof(StoredProfileFields))]
[JsonSerializable(typeof(AuditPage))]
[JsonSerializable(typeof(ProfileExport))]
[JsonSerializable(typeof(StoredOpeningFields))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>Escapes what matters for safety, not the scripts of the region.</summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// The contracts as the API writes them: like <see cref="JsonSerializerContext"/>'s default, but
    /// Cyrillic and Arabic script stay as they are instead of \uXXXX escapes (HTML-sensitive
    /// characters are still escaped).
    /// </summary>
    public static ApiJsonContext Web => _web ??= new(new JsonSerializerOptions(Default.Options) { Encoder = Encoder });

    // Built on first use: static initialisers across the generated partial files run in no set order.
    private static ApiJsonContext? _web;
}
