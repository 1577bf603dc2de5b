using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void Add_PastTheBound_KeepsTheFirstPathsAndCountsTheRest()
    {
        var errors = new ValidationErrors();

        for (var i = 0; i < ValidationErrors.MaxPaths + 7; i++)
        {
            errors.Add($"[{i}]", "Expected an object, in braces.");
        }

        Assert.Equal(ValidationErrors.MaxPaths, errors.Count);
        Assert.Equal(7, errors.Omitted);
        Assert.True(errors.ToDictionary().ContainsKey("[0]"));
        Assert.False(errors.ToDictionary().ContainsKey($"[{ValidationErrors.MaxPaths}]"));
    }

    [Fact]
    public void Add_ManyMessagesToOnePath_KeepsTheFirstFew()
    {
        var errors = new ValidationErrors();

        for (var i = 0; i < 20; i++)
        {
            errors.Add("name", $"message {i}");
        }

        Assert.Equal(ValidationErrors.MaxMessagesPerPath, errors.ToDictionary()["name"].Length);
    }

    [Fact]
    public void AddUncovered_SkipsWhatIsAtOrUnderAReportedPath_AndDoesNotCountAnOmittedPathTwice()
    {
        var read = new ValidationErrors();
        for (var i = 0; i < ValidationErrors.MaxPaths + 3; i++)
        {
            read.Add($"[{i}]", "Expected an object, in braces.");
        }

        var rules = new ValidationErrors();
        for (var i = 0; i < ValidationErrors.MaxPaths + 3; i++)
        {
            rules.Add($"[{i}].citizenship", "Required.");
        }

        read.AddUncovered(rules);

        Assert.Equal(ValidationErrors.MaxPaths, read.Count);
        Assert.Equal(3, read.Omitted);
        Assert.DoesNotContain(read.ToDictionary().Keys, k => k.EndsWith(".citizenship", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bans", "bans[0].until", true)]
    [InlineData("bans[0]", "bans[0].until", true)]
    [InlineData("home", "home.lat", true)]
    [InlineData("home", "homeCountry", false)]
    [InlineData("bans[1]", "bans[10]", false)]
    [InlineData("$", "citizenship", true)]
    public void AddUncovered_CoversExactlyThePathAndWhatIsUnderIt(string reported, string other, bool covered)
    {
        var errors = new ValidationErrors();
        errors.Add(reported, "first");
        var more = new ValidationErrors();
        more.Add(other, "second");

        errors.AddUncovered(more);

        Assert.Equal(!covered, errors.Has(other));
    }
}
