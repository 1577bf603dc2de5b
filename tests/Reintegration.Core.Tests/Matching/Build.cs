using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;

namespace Reintegration.Tests.Matching;

/// <summary>Profiles and openings for engine tests, and a matcher that asks both the full scan and the index and insists they agree.</summary>
internal static class Build
{
    public static readonly MatchingEngine Engine = new(ReferenceData.Shared);

    /// <summary>The API sample: a Tajik welder in Khujand, banned from Russia until 2030-03-01, willing to work in KZ and KG.</summary>
    public static Profile Welder() => Samples.Profile();

    public static Profile Refugee() => Samples.Profile() with
    {
        ExternalRef = "REF-1",
        Status = PersonStatus.Refugee,
        Citizenship = "AF",
        FledCountries = ["AF"],
        Bans = [],
        Home = new Location { Country = "TJ", City = "Dushanbe" },
        Relocation = new Relocation { Willing = true },
    };

    public static OpeningListing Opening(string id, string country, string city, Func<Opening, Opening>? change = null, int filled = 0)
    {
        var opening = Samples.Opening() with
        {
            ExternalRef = id,
            Location = new Location { Country = country, City = city },
            StartDate = new DateOnly(2027, 1, 10),
            ExpiresOn = new DateOnly(2027, 1, 1),
            MonthlyWage = null,
            Languages = [],
            PermitSponsorship = false,
        };
        return new OpeningListing(id, change is null ? opening : change(opening), filled);
    }

    public static MatchQuery Query(int top = 10, string? country = null, string language = "en") =>
        new() { Today = Samples.Today, Top = top, Country = country, Language = language };

    /// <summary>Matches through the full scan and through the index, asserts they agree, and returns the result.</summary>
    public static MatchResult Match(Profile profile, MatchQuery query, params OpeningListing[] openings)
    {
        var scan = Engine.FullScan(profile, openings, query);
        var index = new OpeningIndex(Engine);
        index.Apply(openings);
        var indexed = index.Match(profile, query);
        AssertSame(scan, indexed);
        return scan;
    }

    public static void AssertSame(MatchResult expected, MatchResult actual)
    {
        Assert.Equal(expected.Excluded, actual.Excluded);
        Assert.Equal(expected.Matches.Select(m => (m.OpeningId, m.Score)), actual.Matches.Select(m => (m.OpeningId, m.Score)));
    }
}
