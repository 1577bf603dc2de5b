using Reintegration.Domain;

namespace Reintegration.Tests;

/// <summary>The profile and opening of docs/api.md, and a fixed today, for tests to vary one field at a time.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    public const string ProfileJson = ApiSamples.ProfileJson;

    public const string OpeningJson = ApiSamples.OpeningJson;

    public static Profile Profile() =>
        System.Text.Json.JsonSerializer.Deserialize(ProfileJson, ReintegrationJsonContext.Default.Profile)!;

    public static Opening Opening() =>
        System.Text.Json.JsonSerializer.Deserialize(OpeningJson, ReintegrationJsonContext.Default.Opening)!;
}
