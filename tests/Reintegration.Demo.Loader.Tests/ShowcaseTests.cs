using Reintegration.Domain;

namespace Reintegration.Demo.Loader.Tests;

public sealed class ShowcaseTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Choose_BannedPersonWithAMatch_IsPreferredOverAnEarlierUnbanned() =>
        Assert.Equal("b", Showcase.Choose([new Probe("a", false, 3), new Probe("b", true, 1)])?.ProfileId);

    [Fact]
    public void Choose_BannedPeopleWithoutMatches_FallsBackToTheFirstWithAMatch() =>
        Assert.Equal("c", Showcase.Choose([new Probe("a", true, 0), new Probe("b", false, 0), new Probe("c", false, 2)])?.ProfileId);

    [Fact]
    public void Choose_NobodyHasAMatch_IsNull() =>
        Assert.Null(Showcase.Choose([new Probe("a", true, 0), new Probe("b", false, 0)]));

    [Fact]
    public void Candidates_PutsBansInForceFirst_AndIgnoresEndedBans()
    {
        var stored = new[]
        {
            ("none", Person()),
            ("ended", Person(new EntryBan { Country = "RU", Until = Today })),
            ("lifelong", Person(new EntryBan { Country = "RU", Until = null })),
            ("current", Person(new EntryBan { Country = "RU", Until = Today.AddDays(1) })),
        };

        var candidates = Showcase.Candidates(stored, Today);

        Assert.Equal(["lifelong", "current", "none", "ended"], candidates.Select(c => c.Id));
        Assert.Equal([true, true, false, false], candidates.Select(c => c.HasActiveBan));
    }

    [Fact]
    public void Candidates_ManyBanned_LeavesRoomForSomeUnbanned()
    {
        var stored = Enumerable.Range(0, 30).Select(i => ($"banned{i}", Person(new EntryBan { Country = "RU" })))
            .Concat(Enumerable.Range(0, 30).Select(i => ($"free{i}", Person())));

        var candidates = Showcase.Candidates(stored, Today);

        Assert.Equal(Showcase.MaxProbes, candidates.Count);
        Assert.Contains(candidates, c => !c.HasActiveBan);
    }

    private static Profile Person(params EntryBan[] bans) => new() { Bans = bans };
}
