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

    [Fact]
    public void AddRange_KeepsEveryPathAndMessageOfBoth_InPathOrder()
    {
        var errors = new ValidationErrors();
        errors.Add("[0].citizenship", "Required.");
        var item = new ValidationErrors();
        item.Add("[1].home.lat", "Latitude must be between -90 and 90.");
        item.Add("[0].citizenship", "Unknown country.");

        errors.AddRange(item);

        var all = errors.ToDictionary();
        Assert.Equal(["[0].citizenship", "[1].home.lat"], all.Keys);
        Assert.Equal(["Required.", "Unknown country."], all["[0].citizenship"]);
        Assert.Equal(["Latitude must be between -90 and 90."], all["[1].home.lat"]);
        Assert.Equal(0, errors.Omitted);
    }

    [Fact]
    public void AddRange_PastTheBound_CountsTheOmittedPathsOnce_NotThoseKept()
    {
        var errors = new ValidationErrors();
        var first = new ValidationErrors();
        for (var i = 0; i < ValidationErrors.MaxPaths + 2; i++)
        {
            first.Add($"[{i}]", "Expected an object, in braces.");
        }

        errors.AddRange(first);
        errors.AddRange(first);

        Assert.Equal(ValidationErrors.MaxPaths, errors.Count);
        Assert.Equal(2, errors.Omitted);
        Assert.False(errors.IsEmpty);
    }

    [Fact]
    public void AddRange_OmittedPathTheTargetAlreadyKeeps_IsNotCountedAsOmitted()
    {
        var errors = new ValidationErrors();
        errors.Add("[100]", "Kept here.");
        var other = new ValidationErrors();
        for (var i = 0; i <= ValidationErrors.MaxPaths; i++)
        {
            other.Add($"[{i}]", "Expected an object, in braces.");
        }

        errors.AddRange(other);

        Assert.True(errors.Has("[100]"));
        Assert.Equal(ValidationErrors.MaxPaths, errors.Count);
        Assert.Equal(1, errors.Omitted);
    }

    [Fact]
    public void IsEmpty_OneError_IsNot()
    {
        var errors = new ValidationErrors();
        Assert.True(errors.IsEmpty);

        errors.Add("citizenship", "Required.");

        Assert.False(errors.IsEmpty);
    }

    [Fact]
    public void AddUncovered_OmittedPathsOfTheOtherNotCovered_AreCounted()
    {
        var errors = new ValidationErrors();
        errors.Add("$", "Kept.");
        errors.Add("citizenship", "Required.");
        var rules = new ValidationErrors();
        for (var i = 0; i <= ValidationErrors.MaxPaths; i++)
        {
            rules.Add($"skills[{i}]", "Required.");
        }

        var fresh = new ValidationErrors();
        fresh.Add("citizenship", "Required.");
        fresh.AddUncovered(rules);

        Assert.Equal(ValidationErrors.MaxPaths, fresh.Count);
        Assert.Equal(2, fresh.Omitted);
        Assert.False(fresh.Has($"skills[{ValidationErrors.MaxPaths - 1}]"));
        errors.AddUncovered(rules);
        Assert.Equal(0, errors.Omitted);
    }

    [Theory]
    [InlineData("bans", "bans[0].until", true)]
    [InlineData("bans[0]", "bans[0].until", true)]
    [InlineData("home", "home.lat", true)]
    [InlineData("home", "homeCountry", false)]
    [InlineData("bans[1]", "bans[10]", false)]
    [InlineData("bans", "home.lat", false)]
    [InlineData("home", "bans[0]", false)]
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
