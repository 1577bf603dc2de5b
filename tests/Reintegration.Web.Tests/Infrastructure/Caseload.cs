using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reintegration.Web.Tests.Infrastructure;

/// <summary>
/// What the browser tests find in the app, put there through the API as any client would: a centre (English),
/// a banned returnee who is the subject of the matches tests, other people to fill more than one page of the
/// caseload, openings at home, in Kazakhstan and in the countries of her ban, and this week's digest.
/// </summary>
public sealed class Caseload
{
    public const string BannedRef = "KHUJ-2026-0001";
    public const string BannedName = "M. A.";
    public const string BanUntil = "2029-11-04";
    public const int PeopleCount = 24;

    public required string CentreKey { get; init; }

    public required string BannedId { get; init; }

    public required string RussianOpeningId { get; init; }

    /// <summary>Another returnee, with no ban: the one the hire is recorded for.</summary>
    public required string OtherId { get; init; }

    public static async Task<Caseload> CreateAsync(Uri address)
    {
        using var admin = Client(address, WebApp.AdminKey);
        var centre = await ReadAsync(await admin.PostAsJsonAsync(
            "/api/centres", new { name = "Khujand Employment Centre", country = "TJ", language = "en" }));
        var key = centre.GetProperty("apiKey").GetString()!;

        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var openings = new List<object>();
        var places = new (string Country, string City, string Currency, int Wage)[]
        {
            ("TJ", "Dushanbe", "TJS", 5000), ("TJ", "Khujand", "TJS", 4800), ("KZ", "Almaty", "KZT", 300000),
            ("RU", "Moscow", "RUB", 90000), ("RU", "Kazan", "RUB", 70000), ("BY", "Minsk", "BYN", 2500),
        };
        foreach (var (country, city, currency, wage) in places)
        {
            openings.Add(new
            {
                externalRef = $"CASH-{country}-{city}", employer = $"{city} Retail", title = "Cashier", isco = "5230",
                location = new { country, city }, positions = 2, skills = new[] { "cash handling" },
                languages = new[] { new { code = "ru", level = "B1" } }, minYears = 1,
                monthlyWage = new { min = wage, max = wage * 1.2, currency },
                startDate = Day(today.AddDays(20)), expiresOn = Day(today.AddDays(40)), permitSponsorship = true,
            });
        }

        var published = await ReadAsync(await admin.PostAsJsonAsync("/api/openings", openings));
        var russian = published.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("externalRef").GetString() == "CASH-RU-Moscow").GetProperty("id").GetString()!;

        using var centreClient = Client(address, key);
        var people = new List<object> { Person(BannedRef, BannedName, today, banned: true) };
        for (var i = 2; i <= PeopleCount; i++)
        {
            people.Add(Person($"KHUJ-2026-{i:0000}", $"P. {(char)('A' + (i % 26))}.", today, banned: false));
        }

        var stored = await ReadAsync(await centreClient.PostAsJsonAsync("/api/profiles", people));
        var bannedId = stored.GetProperty("results")[0].GetProperty("id").GetString()!;
        var otherId = stored.GetProperty("results")[1].GetProperty("id").GetString()!;

        var week = $"{System.Globalization.ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W"
            + ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)).ToString("00", CultureInfo.InvariantCulture);
        (await admin.PostAsync($"/api/digests/{week}/run", null)).EnsureSuccessStatusCode();
        return new Caseload { CentreKey = key, BannedId = bannedId, RussianOpeningId = russian, OtherId = otherId };
    }

    /// <summary>Changes a person's home city through the API, as another caseworker of the centre would.</summary>
    public async Task MoveHomeAsync(Uri address, string id, string city)
    {
        using var client = Client(address, CentreKey);
        var person = JsonNode.Parse(await client.GetStringAsync($"/api/profiles/{id}"))!.AsObject();
        person.Remove("id");
        person.Remove("updatedAt");
        person["home"]!["city"] = city;
        person["home"]!.AsObject().Remove("lat");
        person["home"]!.AsObject().Remove("lon");
        await ReadAsync(await client.PutAsync($"/api/profiles/{id}", JsonContent.Create(person)));
    }

    private static object Person(string reference, string name, DateOnly today, bool banned) => new
    {
        externalRef = reference, displayName = name, citizenship = "TJ", status = "returningMigrant",
        home = new { country = "TJ", city = "Dushanbe" },
        bans = banned ? new[] { new { country = "RU", from = "2024-11-04", until = BanUntil } } : [],
        occupations = new[] { new { isco = "5230", years = 7 } },
        skills = new[] { "cash handling" },
        languages = new[] { new { code = "ru", level = "B2" }, new { code = "tg", level = "C2" } },
        availableFrom = Day(today.AddDays(10)),
        relocation = new { willing = true, countries = Array.Empty<string>() },
        consent = new { dataProcessing = true, givenOn = Day(today.AddDays(-5)) },
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static HttpClient Client(Uri address, string key)
    {
        var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("x-api-key", key);
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
