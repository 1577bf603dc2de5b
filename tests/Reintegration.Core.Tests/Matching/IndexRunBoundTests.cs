using Reintegration.Domain;
using Reintegration.Matching;
using Reintegration.Matching.Index;
using Reintegration.Reference;

namespace Reintegration.Tests.Matching;

/// <summary>
/// The index walks runs of openings best bound first and stops at the first run whose bound cannot enter the
/// top k, so each bound must be at least the score of every opening in its run. Weights that leave two
/// components make the cases small: a run bounded too low is then passed over for a worse opening.
/// </summary>
public sealed class IndexRunBoundTests
{
    /// <summary>
    /// At home, a unit group's openings are sorted by region so that the person's own region is one run, bounded
    /// as the nearest tier. Two in the home region and two in the capital come in either order (their ids too
    /// alternate the regions), through a first load or a change: unsorted by region, one of the home ones would
    /// sit in a run bounded as elsewhere in the country, below an opening of the sibling unit group that then took
    /// its place.
    /// </summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Walk_OpeningsOfTheOwnRegion_InWhateverOrderTheyCome_AreBoundedAsTheOwnRegion(bool reversed, bool afterAFirstLoad)
    {
        var engine = new MatchingEngine(ReferenceData.Shared, Weights(occupation: 1, location: 1, pathway: 0));
        var person = Build.Welder() with { Occupations = [Worked("7212", 10), Worked("7213", 9)] };
        OpeningListing[] openings =
        [
            Tj("a-khujand", "Khujand", "7212"), Tj("b-dushanbe", "Dushanbe", "7212"), Tj("c-dushanbe", "Dushanbe", "7212"),
            Tj("d-khujand", "Khujand", "7212"), Tj("e-khujand-sibling", "Khujand", "7213"),
        ];
        if (reversed)
        {
            Array.Reverse(openings);
        }

        var index = new OpeningIndex(engine);
        if (afterAFirstLoad)
        {
            index.Apply([Build.Opening("kg-1", "KG", "Osh")]);
        }

        index.Apply(openings);

        var expected = engine.FullScan(person, openings, Build.Query(top: 2));
        Build.AssertSame(expected, index.Match(person, Build.Query(top: 2)));
        Assert.Equal(["a-khujand", "d-khujand"], expected.Matches.Select(m => m.OpeningId));
    }

    /// <summary>
    /// A run abroad is bounded by the pathway with the employer sponsoring the permit: a sponsored opening in
    /// Kazakhstan (a work permit for a Tajik citizen, 0.7 sponsored) outscores a driver's job at home, which an
    /// unsponsored bound (0.5) would let fill the top one first.
    /// </summary>
    [Fact]
    public void Walk_RunAbroad_IsBoundedWithTheEmployerSponsoringThePermit()
    {
        var engine = new MatchingEngine(ReferenceData.Shared, Weights(occupation: 1, location: 0, pathway: 1));
        var person = Build.Welder() with { Occupations = [Worked("7212", 10), Worked("8322", 2)] };
        OpeningListing[] openings =
        [
            Build.Opening("kz-sponsored", "KZ", "Almaty", o => o with { Isco = "7212", PermitSponsorship = true }),
            Tj("tj-driver", "Dushanbe", "8322"),
        ];
        var index = new OpeningIndex(engine);

        index.Apply(openings);

        var expected = engine.FullScan(person, openings, Build.Query(top: 1));
        Build.AssertSame(expected, index.Match(person, Build.Query(top: 1)));
        Assert.Equal("kz-sponsored", Assert.Single(expected.Matches).OpeningId);
    }

    private static ScoringWeights Weights(double occupation, double location, double pathway) =>
        new() { Occupation = occupation, Skills = 0, Language = 0, Experience = 0, Location = location, Wage = 0, Pathway = pathway };

    private static OccupationExperience Worked(string isco, int years) => new() { Isco = isco, Years = years };

    private static OpeningListing Tj(string id, string city, string isco) => Build.Opening(id, "TJ", city, o => o with { Isco = isco });
}
