namespace Reintegration.Demo.Loader.Tests;

public sealed class KeysReportTests
{
    private static readonly DemoKeys Keys = new(
        "http://127.0.0.1:7071",
        "ra_admin",
        [new RegisteredCentre("c1", "Khujand Employment Centre", "TJ", "rc_one"), new RegisteredCentre("c2", "Samarkand Employment Centre", "UZ", "rc_two")],
        "p42");

    [Fact]
    public void Render_ListsTheAdminKeyAndEveryCentresKey()
    {
        var text = KeysReport.Render(Keys);

        Assert.Contains("Admin key: ra_admin", text, StringComparison.Ordinal);
        Assert.Contains("Khujand Employment Centre (TJ): rc_one", text, StringComparison.Ordinal);
        Assert.Contains("Samarkand Employment Centre (UZ): rc_two", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StartsWithTheWebAppsAddress()
    {
        var first = KeysReport.Render(Keys).Split('\n')[0];

        Assert.StartsWith("The caseworker's web app: http://127.0.0.1:7071/ ", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CurlCommands_UseTheFirstCentresKeyAndTheShowcasedProfile()
    {
        var commands = KeysReport.Render(Keys).Split('\n').Where(l => l.StartsWith("curl", StringComparison.Ordinal)).ToList();

        Assert.Equal(
        [
            "curl -s http://127.0.0.1:7071/api/health",
            "curl -s -H \"x-api-key: rc_one\" \"http://127.0.0.1:7071/api/profiles/p42/matches?top=3&explain=true\"",
            "curl -s -H \"x-api-key: rc_one\" \"http://127.0.0.1:7071/api/digests/latest/markdown\"",
        ], commands.Select(c => c.TrimEnd('\r')));
    }
}
