namespace Reintegration.Demo.Loader.Tests;

public sealed class LoaderOptionsTests
{
    [Fact]
    public void Parse_AllOptions_AreRead()
    {
        var (options, error) = LoaderOptions.Parse(
            ["--url", "http://127.0.0.1:8080/", "--admin-key", "ra_x", "--seed=7", "--profiles", "40", "--openings", "90", "--centres", "1", "--keys-file", "k.txt", "--today", "2026-11-28"], null);

        Assert.Null(error);
        Assert.Equal(new Uri("http://127.0.0.1:8080"), options!.Url);
        Assert.Equal(("ra_x", 7, 40, 90, 1, "k.txt"), (options.AdminKey, options.Seed, options.Profiles, options.Openings, options.Centres, options.KeysFile));
        Assert.Equal(new DateOnly(2026, 11, 28), options.Today);
    }

    [Fact]
    public void Parse_NoAdminKeyOption_TakesTheEnvironmentsKey() =>
        Assert.Equal("ra_env", LoaderOptions.Parse(["--url", "http://127.0.0.1:7071"], "ra_env").Options?.AdminKey);

    [Theory]
    [InlineData("--admin-key", "k")]
    [InlineData("--url", "ftp://host")]
    [InlineData("--url", "http://127.0.0.1:7071", "--admin-key", "k", "--profiles", "-1")]
    [InlineData("--url", "http://127.0.0.1:7071", "--admin-key", "k", "--centres", "0")]
    [InlineData("--url", "http://127.0.0.1:7071", "--admin-key", "k", "--colour", "red")]
    [InlineData("--url", "http://127.0.0.1:7071", "--admin-key")]
    [InlineData("--url", "http://127.0.0.1:7071", "--admin-key", "k", "--today", "28.11.2026")]
    public void Parse_BadArguments_AreAnError(params string[] args)
    {
        var (options, error) = LoaderOptions.Parse(args, null);

        Assert.Null(options);
        Assert.NotNull(error);
    }

    [Fact]
    public void Share_SpreadsProfilesEvenly_FirstCentresTakingTheRest() =>
        Assert.Equal([34, 33, 33], Enumerable.Range(0, 3).Select(i => DemoLoader.Share(100, 3, i)));
}
