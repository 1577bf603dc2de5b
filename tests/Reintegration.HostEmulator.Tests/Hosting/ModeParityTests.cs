using Reintegration.HostEmulator.Scenarios;

namespace Reintegration.HostEmulator.Hosting;

/// <summary>The same API scenarios through the Functions host's protocol and through the standalone host answer alike.</summary>
public sealed class ModeParityTests
{
    private static readonly (string, int)[] ExpectedStatuses =
    [
        ("health", 200), ("register a centre", 201), ("a call without a key", 401), ("upsert a profile (JSON)", 200),
        ("import profiles (CSV), one line rejected", 200), ("read a profile", 200),
        ("erase a profile", 204), ("publish an opening", 200),
        ("matches with reasons", 200), ("one opening judged", 200), ("a hire", 201), ("the opening after the hire", 200),
        ("a digest run", 200), ("the digest (JSON)", 200), ("the latest digest (Markdown)", 200),
        ("a body that is not JSON", 400), ("a profile with invalid fields", 400), ("an unknown profile", 404),
        ("the OpenAPI document", 200), ("a write while storage is down", 503),
    ];

    [Fact]
    public async Task ApiScenarios_AnswerTheSame_UnderTheFunctionsHostAndStandalone()
    {
        IReadOnlyList<Answer> worker, standalone;
        await using (var target = await Targets.WorkerAsync())
        {
            worker = await ApiScenarios.RunAsync(target);
        }

        await using (var target = await Targets.StandaloneAsync())
        {
            standalone = await ApiScenarios.RunAsync(target);
        }

        Assert.Equal(standalone.Select(a => a.Step), worker.Select(a => a.Step));
        foreach (var (expected, actual) in standalone.Zip(worker))
        {
            Assert.True(expected == actual, $"standalone:\n{expected}\n\nworker:\n{actual}");
        }

        Assert.Equal(ExpectedStatuses, worker.Select(a => (a.Step, a.Status)));
        Assert.All(worker.Where(a => a.Status >= 400), a => Assert.Equal("application/problem+json", a.ContentType));
        Assert.NotNull(worker.Single(a => a.Status == 503).RetryAfter);
    }
}
