using System.Text.Json.Serialization;
using Reintegration.Domain;
using Reintegration.Functions.Audit;
using Reintegration.Functions.Centres;
using Reintegration.Functions.Digests;
using Reintegration.Functions.Health;
using Reintegration.Functions.Http;
using Reintegration.Functions.Matches;
using Reintegration.Functions.Openings;
using Reintegration.Functions.Placements;
using Reintegration.Functions.Profiles;
using Reintegration.Localisation;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Functions.OpenApi;

/// <summary>
/// The one table of what the HTTP functions' attributes do not say, keyed by function name. Routes,
/// methods and path parameters come from the functions themselves (<see cref="Standalone.FunctionCatalog"/>),
/// the tag from the function's feature folder, schemas from the types' JSON contracts. Every operation
/// also gets, without listing them here: 400/413/415 when it has a request body, 400 when it has query
/// parameters, 401, 429 (and 403 unless any key will do) when it needs a key, 503 when it needs a key or
/// storage, and 500. A test fails when an HTTP function has no entry or an entry names no function.
/// A request body's required properties come from its validator, listed in <see cref="Inputs"/>.
/// </summary>
public static class ApiOperations
{
    /// <summary>The JSON contracts schemas are read from, in order: a body type must be in one of them.</summary>
    public static readonly IReadOnlyList<JsonSerializerContext> Contracts = [ApiJsonContext.Default, ReintegrationJsonContext.Default];

    /// <summary>
    /// How each request body is validated, as the functions do it: its schema's required properties are read off these
    /// (a body with no entry requires what its constructor does). "Today" is put where no date can fall on the wrong
    /// side of it, so that only a property's absence draws an error.
    /// </summary>
    public static readonly IReadOnlyList<InputRules> Inputs =
    [
        InputRules.Of<Profile>(profile => new ProfileValidator(ReferenceData.Shared).Validate(profile, DateOnly.MaxValue)),
        InputRules.Of<Opening>(opening => new OpeningValidator(ReferenceData.Shared).Validate(opening, DateOnly.MinValue, byCentre: false)),
        InputRules.Of<CentreRequest>(centre => centre.Validate(new CentreValidator(ReferenceData.Shared))),
        InputRules.Of<CentrePatch>(_ => new ValidationErrors(), CentrePatch.Irremovable),
        InputRules.Of<PlacementRequest>(placement => placement.Validate()),
        InputRules.Of<ReleaseRequest>(release => release.Validate()),
    ];

    private static readonly Roles? Anonymous = null;
    private static readonly int MaxItems = new ApiOptions().MaxItems;
    private static readonly ApiBody StoredProfile = ApiBody.Json(ApiSchema.Resource<StoredProfileFields, Profile>("StoredProfile"));
    private static readonly ApiBody StoredOpening = ApiBody.Json(ApiSchema.Resource<StoredOpeningFields, Opening>("StoredOpening"));
    private static readonly ApiBody ProfilePage = ApiBody.Json(ApiSchema.Page<ItemPage>("ProfilePage", StoredProfile.Content[0].Schema));
    private static readonly ApiBody OpeningPage = ApiBody.Json(ApiSchema.Page<ItemPage>("OpeningPage", StoredOpening.Content[0].Schema));
    private static readonly ApiParameter[] MatchQuery = [ApiParameters.Top, ApiParameters.Country, ApiParameters.Explain, ApiParameters.AcceptLanguage];
    private static readonly ApiBody CentreChanges =
        new([("application/merge-patch+json", ApiSchema.Of<CentrePatch>()), ("application/json", ApiSchema.Of<CentrePatch>())]);
    private static readonly ApiParameter[] DigestLanguage =
    [
        ApiParameter.Query(
            "lang",
            $"{Words.CodesInProse}; or ask with Accept-Language. The centre's language by default.",
            ApiSchema.Values<ServiceLanguageAttribute>()),
        ApiParameters.AcceptLanguage,
    ];

    private static readonly ApiBody DigestHtml = ApiBody.Text("text/html", "A printable page, with a score bar beside each match.");
    private static readonly ApiBody DigestMarkdown = ApiBody.Text("text/markdown", "The same as Markdown (CommonMark).");

    public static readonly IReadOnlyDictionary<string, ApiOperation> ByFunction = new Dictionary<string, ApiOperation>(StringComparer.Ordinal)
    {
        ["Health"] = new(
            "Readiness: whether this instance's opening index is loaded (503 with its progress until it is) and Table Storage answers; "
            + "the index's size and age.", Anonymous) { Response = ApiBody.Json<HealthReport>(), Errors = [503] },
        ["OpenApi"] = new("This OpenAPI document.", Anonymous) { Response = ApiBody.Json(ApiSchema.AnyObject) },

        ["CreateCentre"] = new("Registers a centre; the answer holds its API key, shown this once only. Two centres of one country cannot share a name.", Roles.Admin) { Request = ApiBody.Json<CentreRequest>(), Status = 201, Response = ApiBody.Json<CentreCreated>(), Errors = [409] },
        ["ListCentres"] = new("Every centre, a page at a time, without keys.", Roles.Admin) { Parameters = [ApiParameters.PageSize, ApiParameters.ContinuationToken], Response = ApiBody.Json<CentrePage>() },
        ["GetMyCentre"] = new("The calling centre, without its key.", Roles.Centre) { Response = ApiBody.Json<CentreView>() },
        ["UpdateMyCentre"] = new("Changes the calling centre's name, region, language or webhook (a JSON merge patch: null removes region or webhookUrl).", Roles.Centre) { Request = CentreChanges, Response = ApiBody.Json<CentreView>(), Errors = [409] },
        ["UpdateCentre"] = new("Changes a centre's name, region, language or webhook (a JSON merge patch: null removes region or webhookUrl).", Roles.Admin) { Request = CentreChanges, Response = ApiBody.Json<CentreView>(), Errors = [404, 409] },
        ["RotateCentreKey"] = new("Issues the centre a new key, shown this once; the old key stops working on every instance within Reintegration:Centres:CacheFor (30 s).", Roles.Admin) { Status = 201, Response = ApiBody.Json<CentreCreated>(), Errors = [404] },

        ["UpsertProfiles"] = new("Upserts one profile or an array, by externalRef within the centre; one invalid item rejects them all.", Roles.Centre) { Request = ApiBody.OneOrMany<Profile>(MaxItems), Response = ApiBody.Json<UpsertResponse>(), Errors = [409] },
        ["ImportProfiles"] = new("Upserts the valid rows of a CSV file and reports the others by line.", Roles.Centre) { Request = ApiBody.Text("text/csv", ProfileCsvDescription), Response = ApiBody.Json<ImportResponse>(), Errors = [409] },
        ["GetProfile"] = new("One of the centre's profiles; the ETag header is its version.", Roles.Centre) { Response = StoredProfile, ResponseHeaders = [ApiParameters.ETag], Errors = [404] },
        ["ReplaceProfile"] = new("Replaces a profile; its externalRef cannot change. With consent.dataProcessing false, the person withdrew consent: the profile is erased, with everything derived from it.", Roles.Centre) { Parameters = [ApiParameters.IfMatch], Request = ApiBody.Json<Profile>(), Response = StoredProfile, ResponseHeaders = [ApiParameters.ETag], Errors = [404, 412], AlsoAnswers = [(204, "Consent was withdrawn: the profile and everything derived from it are erased.")] },
        ["EraseProfile"] = new("Erases a profile and everything derived from it: placements, digest entries.", Roles.Centre) { Status = 204, Errors = [404] },
        ["ListProfiles"] = new("The centre's profiles, a page at a time.", Roles.Centre) { Parameters = [ApiParameters.PageSize, ApiParameters.ContinuationToken], Response = ProfilePage },
        ["ExportProfile"] = new("Everything kept about the person, for a subject-access request: the profile, placements, digest entries naming them, and the records of access to their data.", Roles.Centre) { Parameters = [ApiParameters.AcceptLanguage], Response = ApiBody.Json(ApiSchema.Page<ProfileExport>("ProfileExport", StoredProfile.Content[0].Schema)), Errors = [404] },

        ["UpsertOpenings"] = new("Upserts one opening or an array, by externalRef per publisher; one invalid item rejects them all.", Roles.Any) { Request = ApiBody.OneOrMany<Opening>(MaxItems), Response = ApiBody.Json<UpsertResponse>() },
        ["GetOpening"] = new("One opening.", Roles.Any) { Response = StoredOpening, Errors = [404] },
        ["ListOpenings"] = new("Openings, a page at a time, optionally of one state and occupation.", Roles.Any) { Parameters = [ApiParameters.Country, ApiParameters.Isco, ApiParameters.PageSize, ApiParameters.ContinuationToken], Response = OpeningPage },
        ["ListHires"] = new("The positions taken of an opening, the given-back ones too: which centre took each and when (never the person). For its publisher or the admin.", Roles.Any) { Response = ApiBody.Json<HireList>(), Errors = [403, 404] },
        ["ReleaseHire"] = new("Gives a position back, with the reason; the hire stays on record. For the opening's publisher or the admin.", Roles.Any) { Request = ApiBody.Json<ReleaseRequest>(), Response = ApiBody.Json<HireView>(), Errors = [403, 404, 409] },
        ["CloseOpening"] = new("Closes an opening; only its publisher or the admin may.", Roles.Any) { Status = 204, Errors = [403, 404] },

        ["MatchProfile"] = new("The openings a stored profile may take, ranked and explained.", Roles.Centre) { Parameters = MatchQuery, Response = ApiBody.Json<MatchResponse>(), Errors = [404] },
        ["JudgeOpening"] = new("Whether a stored profile would be offered one opening, and why or why not (a ban, non-refoulement, relocation, a closed opening, another field).", Roles.Centre) { Parameters = [ApiParameters.AcceptLanguage], Response = ApiBody.Json<VerdictView>(), Errors = [404] },
        ["MatchAdHoc"] = new("The openings the profile sent may take, ranked and explained; nothing is stored.", Roles.Centre) { Parameters = MatchQuery, Request = ApiBody.Json<Profile>(), Response = ApiBody.Json<MatchResponse>() },

        ["RecordPlacement"] = new("Records what came of an opening for a person; a hire takes one of its positions.", Roles.Centre) { Request = ApiBody.Json<PlacementRequest>(), Status = 201, Response = ApiBody.Json<PlacementView>(), Errors = [404, 409, 429] },

        ["GetDigest"] = new("The centre's digest of an ISO week (2026-W48), in the centre's language or the one asked for.", Roles.Centre) { Parameters = DigestLanguage, Response = ApiBody.Json<DigestView>(), Errors = [400, 404] },
        ["GetDigestHtml"] = new("The centre's digest of an ISO week as a printable HTML page.", Roles.Centre) { Parameters = DigestLanguage, Response = DigestHtml, Errors = [400, 404] },
        ["GetDigestMarkdown"] = new("The centre's digest of an ISO week as Markdown.", Roles.Centre) { Parameters = DigestLanguage, Response = DigestMarkdown, Errors = [400, 404] },
        ["GetLatestDigest"] = new("The centre's newest digest.", Roles.Centre) { Parameters = DigestLanguage, Response = ApiBody.Json<DigestView>(), Errors = [404] },
        ["GetLatestDigestHtml"] = new("The centre's newest digest as a printable HTML page.", Roles.Centre) { Parameters = DigestLanguage, Response = DigestHtml, Errors = [404] },
        ["GetLatestDigestMarkdown"] = new("The centre's newest digest as Markdown.", Roles.Centre) { Parameters = DigestLanguage, Response = DigestMarkdown, Errors = [404] },
        ["ListAudit"] = new("The records of access to one person's data, by any centre or the admin, newest first.", Roles.Admin) { Parameters = [ApiParameter.Query("profileId", "The person's pseudonymous profile id.", ApiParameters.Pattern("^[0-9a-f]{32}$")) with { Required = true }, ApiParameters.PageSize, ApiParameters.ContinuationToken], Response = ApiBody.Json<AuditPage>() },
        ["ListMyAudit"] = new("The centre's own records of access to personal data, newest first.", Roles.Centre) { Parameters = [ApiParameters.PageSize, ApiParameters.ContinuationToken], Response = ApiBody.Json<AuditPage>() },

        ["RunDigest"] = new("Computes the digests of an ISO week for every centre now, and delivers them; running a week again changes nothing.", Roles.Admin) { Response = ApiBody.Json<DigestRunReport>(), Errors = [400] },
    };

    /// <summary>What each tag (a feature folder of the functions) groups; a test fails when a tag has no description.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Centres"] = "Employment centres: registration (admin), a centre reading and changing itself, key rotation.",
        ["Profiles"] = "A centre's caseload: the people it serves, as JSON or CSV, pseudonymous and with recorded consent.",
        ["Openings"] = "Job openings of the region, published by the admin or a centre.",
        ["Matches"] = "The openings a person may legally and realistically take, ranked and explained; and why one is not offered.",
        ["Placements"] = "What came of putting a person forward for an opening; a hire takes a position.",
        ["Digests"] = "Each centre's weekly digest of new matches for its caseload.",
        ["Audit"] = "Who read or changed each person's data, when, through which route, with what outcome.",
        ["Health"] = "Whether the service and its storage answer.",
        ["OpenApi"] = "This document.",
    };

    private static string ProfileCsvDescription =>
        $"RFC 4180, UTF-8, with a header row. Columns: {string.Join(", ", ProfileCsv.Columns)}; of these, {string.Join(", ", ProfileCsv.RequiredColumns)} are required. "
        + "Lists inside a cell are separated by ';' and their parts by ':' (bans country:from:until, occupations isco:years, languages code:level).";
}
