using Reintegration.Matching.Explanations;

namespace Reintegration.Tests.Matching;

/// <summary>The lines the explanations share: one string per key, made once, and never more than the cache's bound.</summary>
public sealed class SharedLinesTests
{
    private static string Line((string Name, int Years) key, int _) => $"{key.Name}, {key.Years} years";

    [Fact]
    public void For_EqualKeys_GivesTheSameString_MadeOnce()
    {
        var lines = new SharedLines<(string Name, int Years)>(capacity: 8);
        var made = 0;

        var first = lines.For(("welder", 3), 0, (key, state) => Line(key, made++));
        var second = lines.For((string.Concat("wel", "der"), 3), 0, (key, state) => Line(key, made++));

        Assert.Same(first, second);
        Assert.Equal(1, made);
    }

    [Fact]
    public void For_DifferentKeys_GiveEachItsOwnLine()
    {
        var lines = new SharedLines<(string Name, int Years)>(capacity: 8);

        var (a, b, c) = (lines.For(("welder", 3), 0, Line), lines.For(("welder", 4), 0, Line), lines.For(("driver", 3), 0, Line));

        Assert.Equal(["welder, 3 years", "welder, 4 years", "driver, 3 years"], [a, b, c]);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public void For_MoreKeysThanTheBound_KeepsNoMoreThanTheBound_AndStillAnswersEach()
    {
        var lines = new SharedLines<(string Name, int Years)>(capacity: 4);

        for (var years = 0; years < 10; years++)
        {
            Assert.Equal($"welder, {years} years", lines.For(("welder", years), 0, Line));
            Assert.InRange(lines.Count, 1, 4);
        }

        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public void For_ManyThreadsAskingForOneKey_AllGetTheOneKept()
    {
        var lines = new SharedLines<(string Name, int Years)>(capacity: 8);

        var answers = new string[64];
        Parallel.For(0, answers.Length, i => answers[i] = lines.For(("welder", 3), 0, Line));

        Assert.All(answers, answer => Assert.Same(lines.For(("welder", 3), 0, Line), answer));
        Assert.Equal(1, lines.Count);
    }
}
