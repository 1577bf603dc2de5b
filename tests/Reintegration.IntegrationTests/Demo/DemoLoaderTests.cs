using Reintegration.Demo.Loader;
using Reintegration.IntegrationTests.Infrastructure;
using Spectre.Console;

namespace Reintegration.IntegrationTests.Demo;

/// <summary>The demo loader against the app on Azurite: what run.sh does, and what it does when run again.</summary>
public sealed class DemoLoaderTests
{
    [Fact]
    public async Task Loader_RunTwiceAgainstTheSameStorage_LeavesTwoCentresAndTheSamePeopleAndOpenings()
    {
        await using var app = await TestApp.StartAsync(await SharedAzurite.GetAsync());
        var options = new LoaderOptions { Url = app.Client.BaseAddress!, AdminKey = TestApp.AdminKey, Profiles = 24, Openings = 60, Today = TestData.Today };

        var first = await LoadAsync(options);
        var second = await LoadAsync(options);

        Assert.Equal((24, 0), (first.Profiles.Created, first.Profiles.Updated));
        Assert.Equal((0, 24), (second.Profiles.Created, second.Profiles.Updated));
        Assert.Equal((0, 60), (second.Openings.Created, second.Openings.Updated));
        Assert.Equal(first.Centres.Select(c => c.Id), second.Centres.Select(c => c.Id));
        using var admin = app.Admin();
        var centres = (await HttpAssert.OkAsync(await admin.GetAsync("/api/centres"))).GetProperty("items");
        Assert.Equal(2, centres.GetArrayLength());
        foreach (var centre in second.Centres)
        {
            using var client = app.ClientWithKey(centre.ApiKey);
            Assert.Equal(12, (await HttpAssert.OkAsync(await client.GetAsync("/api/profiles"))).GetProperty("items").GetArrayLength());
        }

        using var oldKey = app.ClientWithKey(first.Centres[0].ApiKey);
        await HttpAssert.ProblemAsync(await oldKey.GetAsync("/api/centres/me"), System.Net.HttpStatusCode.Unauthorized);
    }

    private static async Task<LoadOutcome> LoadAsync(LoaderOptions options)
    {
        using var api = new LoaderApi(options.Url, new RetryPolicy(), TimeProvider.System, _ => { });
        return await new DemoLoader(api, options, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }), TimeProvider.System).RunAsync(CancellationToken.None);
    }
}
