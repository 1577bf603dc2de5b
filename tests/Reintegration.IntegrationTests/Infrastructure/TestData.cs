using System.Text.Json;
using Reintegration.Domain;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>The profile and opening of shared/API.md, for tests to copy with their own references.</summary>
public static class TestData
{
    public const string ProfileJson = """
        {
          "externalRef": "DUSH-2026-0042",
          "displayName": "F. K.",
          "citizenship": "TJ",
          "status": "returningMigrant",
          "fledCountries": [],
          "voluntaryRepatriation": false,
          "home": { "country": "TJ", "city": "Khujand", "lat": 40.28, "lon": 69.62 },
          "bans": [ { "country": "RU", "from": "2025-03-01", "until": "2030-03-01" } ],
          "occupations": [ { "isco": "7212", "years": 6 } ],
          "skills": [ "mig welding", "blueprint reading" ],
          "licences": [ "driving:C" ],
          "languages": [ { "code": "ru", "level": "B2" }, { "code": "tg", "level": "C2" } ],
          "availableFrom": "2026-12-01",
          "relocation": { "willing": true, "countries": [ "KZ", "KG" ] },
          "minMonthlyWage": { "amount": 4000, "currency": "TJS" },
          "consent": { "dataProcessing": true, "givenOn": "2026-11-01" }
        }
        """;

    public const string OpeningJson = """
        {
          "externalRef": "ENBEK-881234",
          "employer": "Almaty Metalworks LLP",
          "title": "Welder",
          "isco": "7212",
          "location": { "country": "KZ", "city": "Almaty", "lat": 43.24, "lon": 76.89 },
          "positions": 3,
          "skills": [ "mig welding" ],
          "licences": [],
          "languages": [ { "code": "ru", "level": "B1" } ],
          "minYears": 2,
          "monthlyWage": { "min": 250000, "max": 350000, "currency": "KZT" },
          "startDate": "2027-01-10",
          "expiresOn": "2027-01-01",
          "acceptsRefugees": true,
          "permitSponsorship": true,
          "housingProvided": false
        }
        """;

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
