namespace Reintegration.Testing;

/// <summary>The profile and opening of docs/api.md, exactly as the contract shows them (linked into each test project).</summary>
internal static class ApiSamples
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
}
