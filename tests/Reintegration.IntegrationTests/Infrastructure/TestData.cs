using System.Text.Json;
using Reintegration.Domain;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>The profile and opening of docs/api.md, for tests to copy with their own references.</summary>
public static class TestData
{
    public const string ProfileJson = ApiSamples.ProfileJson;

    public const string OpeningJson = ApiSamples.OpeningJson;

    public static Profile Profile(string externalRef = "DUSH-2026-0042") =>
        JsonSerializer.Deserialize(ProfileJson, ReintegrationJsonContext.Default.Profile)! with { ExternalRef = externalRef };

    /// <summary>Today by the real clock: the app under test validates against it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>The API's opening, with its dates moved to stay in the future whenever the tests run.</summary>
    public static Opening Opening(string externalRef = "ENBEK-881234") =>
        JsonSerializer.Deserialize(OpeningJson, ReintegrationJsonContext.Default.Opening)! with
        {
            ExternalRef = externalRef,
            StartDate = Today.AddDays(43),
            ExpiresOn = Today.AddDays(34),
        };

    public static IReadOnlyList<Profile> Profiles(int count, string prefix = "P") =>
        Enumerable.Range(0, count).Select(i => Profile($"{prefix}-{i:00000}")).ToList();
}
