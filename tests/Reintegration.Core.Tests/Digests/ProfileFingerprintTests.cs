using System.Globalization;
using System.Reflection;
using Reintegration.Digests;
using Reintegration.Domain;

namespace Reintegration.Tests.Digests;

/// <summary>
/// The echo fingerprint: equal exactly for profiles that differ in nothing matching reads. Every property of a profile
/// and of the records it holds is either written (<see cref="ProfileFingerprint.Covered"/>, from the fingerprint's own
/// parts) or left out on purpose (<see cref="ProfileFingerprint.LeftOut"/>); a property added later is neither until
/// someone decides, and each written one has a change below that must alter the fingerprint.
/// </summary>
public sealed class ProfileFingerprintTests
{
    private static readonly Profile Sample = Samples.Profile();

    /// <summary>One change of each written property (named Type.Property), the rest of the sample kept.</summary>
    private static readonly Dictionary<string, Func<Profile, Profile>> Changes = new()
    {
        ["Profile.Citizenship"] = p => p with { Citizenship = "KG" },
        ["Profile.Status"] = p => p with { Status = PersonStatus.Refugee },
        ["Profile.FledCountries"] = p => p with { FledCountries = ["AF"] },
        ["Profile.VoluntaryRepatriation"] = p => p with { VoluntaryRepatriation = !p.VoluntaryRepatriation },
        ["Profile.Home"] = p => p with { Home = new Location() },
        ["Profile.Bans"] = p => p with { Bans = [] },
        ["Profile.Occupations"] = p => p with { Occupations = [.. p.Occupations, new OccupationExperience { Isco = "7214", Years = 1 }] },
        ["Profile.Skills"] = p => p with { Skills = [.. p.Skills.Reverse()] },
        ["Profile.Licences"] = p => p with { Licences = [] },
        ["Profile.Languages"] = p => p with { Languages = [.. p.Languages.Reverse()] },
        ["Profile.AvailableFrom"] = p => p with { AvailableFrom = p.AvailableFrom!.Value.AddDays(1) },
        ["Profile.Relocation"] = p => p with { Relocation = new Relocation() },
        ["Profile.MinMonthlyWage"] = p => p with { MinMonthlyWage = null },
        ["Location.Country"] = p => p with { Home = p.Home with { Country = "KG" } },
        ["Location.City"] = p => p with { Home = p.Home with { City = "Dushanbe" } },
        ["Location.Lat"] = p => p with { Home = p.Home with { Lat = p.Home.Lat + 0.01 } },
        ["Location.Lon"] = p => p with { Home = p.Home with { Lon = p.Home.Lon + 0.01 } },
        ["EntryBan.Country"] = p => p with { Bans = [p.Bans[0] with { Country = "KZ" }] },
        ["EntryBan.From"] = p => p with { Bans = [p.Bans[0] with { From = p.Bans[0].From!.Value.AddDays(1) }] },
        ["EntryBan.Until"] = p => p with { Bans = [p.Bans[0] with { Until = p.Bans[0].Until!.Value.AddDays(1) }] },
        ["OccupationExperience.Isco"] = p => p with { Occupations = [p.Occupations[0] with { Isco = "7213" }] },
        ["OccupationExperience.Years"] = p => p with { Occupations = [p.Occupations[0] with { Years = 7 }] },
        ["LanguageSkill.Code"] = p => p with { Languages = [p.Languages[0] with { Code = "uz" }, p.Languages[1]] },
        ["LanguageSkill.Level"] = p => p with { Languages = [p.Languages[0] with { Level = "C1" }, p.Languages[1]] },
        ["Relocation.Willing"] = p => p with { Relocation = p.Relocation with { Willing = !p.Relocation.Willing } },
        ["Relocation.Countries"] = p => p with { Relocation = p.Relocation with { Countries = ["KZ"] } },
        ["Money.Amount"] = p => p with { MinMonthlyWage = p.MinMonthlyWage! with { Amount = 4001 } },
        ["Money.Currency"] = p => p with { MinMonthlyWage = p.MinMonthlyWage! with { Currency = "USD" } },
    };

    /// <summary>One change of each property left out: none may alter the fingerprint.</summary>
    private static readonly Dictionary<string, Func<Profile, Profile>> Ignored = new()
    {
        ["Profile.ExternalRef"] = p => p with { ExternalRef = "KHUJ-2026-0001" },
        ["Profile.DisplayName"] = p => p with { DisplayName = "A. B." },
        ["Profile.Consent"] = p => p with { Consent = new Consent { DataProcessing = false, GivenOn = new DateOnly(2026, 1, 1) } },
    };

    public static TheoryData<string> ChangedProperties => [.. Changes.Keys];

    public static TheoryData<string> IgnoredProperties => [.. Ignored.Keys];

    [Fact]
    public void EveryPropertyOfAProfileAndItsRecords_IsFingerprintedOrLeftOutOnPurpose()
    {
        var unaccounted = new List<string>();
        var reached = new HashSet<Type>();
        Walk(typeof(Profile), reached, unaccounted);

        Assert.Empty(unaccounted);
        Assert.Equal(reached.OrderBy(t => t.Name), ProfileFingerprint.Covered.Keys.OrderBy(t => t.Name));
    }

    [Fact]
    public void EveryFingerprintedProperty_HasAChangeThatMustAlterIt_AndEveryLeftOutOne_AChangeThatMustNot()
    {
        Assert.Equal(Paths(ProfileFingerprint.Covered).Order(), Changes.Keys.Order());
        Assert.Equal(Paths(ProfileFingerprint.LeftOut).Order(), Ignored.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(ChangedProperties))]
    public void Profiles_DifferingInAFingerprintedPropertyAlone_HaveDifferentFingerprints(string property)
    {
        var changed = Changes[property](Sample);

        Assert.NotEqual(Sample, changed);
        Assert.NotEqual(ProfileFingerprint.Of(Sample), ProfileFingerprint.Of(changed));
    }

    [Theory]
    [MemberData(nameof(IgnoredProperties))]
    public void Profiles_DifferingInReferenceNameOrConsentAlone_HaveOneFingerprint(string property) =>
        Assert.Equal(ProfileFingerprint.Of(Sample), ProfileFingerprint.Of(Ignored[property](Sample)));

    [Fact]
    public void Fingerprint_OfEqualProfilesBuiltApart_IsOne_AndIsSixtyFourHexDigits()
    {
        var fingerprint = ProfileFingerprint.Of(Samples.Profile());

        Assert.Equal(ProfileFingerprint.Of(Sample), fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Theory]
    [InlineData(new[] { "ab", "c" }, new[] { "a", "bc" })]
    [InlineData(new[] { "" }, new string[0])]
    [InlineData(new[] { "", "" }, new[] { "" })]
    [InlineData(new[] { "a" }, new[] { "a", "" })]
    public void Texts_SplitOrCountedOtherwise_AreOtherProfiles(string[] skills, string[] others) =>
        AssertDiffer(Sample with { Skills = skills }, Sample with { Skills = others });

    [Fact]
    public void Text_MovedFromOneListToTheNext_IsAnotherProfile() =>
        AssertDiffer(Sample with { Skills = ["welding"], Licences = [] }, Sample with { Skills = [], Licences = ["welding"] });

    [Fact]
    public void NullText_IsNotTheEmptyText() =>
        AssertDiffer(Sample with { Skills = [null!] }, Sample with { Skills = [""] });

    [Fact]
    public void MinimumWage_Missing_IsNotAnEmptyOne() =>
        AssertDiffer(Sample with { MinMonthlyWage = null }, Sample with { MinMonthlyWage = new Money() });

    [Fact]
    public void AvailableFrom_Missing_IsNotTheCalendarsFirstDay() =>
        AssertDiffer(Sample with { AvailableFrom = null }, Sample with { AvailableFrom = DateOnly.MinValue });

    [Fact]
    public void Status_Missing_IsNotTheFirstStatus() =>
        AssertDiffer(Sample with { Status = null }, Sample with { Status = PersonStatus.ReturningMigrant });

    [Fact]
    public void Coordinates_Missing_AreNotZero() =>
        AssertDiffer(Sample with { Home = Sample.Home with { Lat = null } }, Sample with { Home = Sample.Home with { Lat = 0 } });

    [Fact]
    public void Ban_Missing_IsNotAnEmptyBan() =>
        AssertDiffer(Sample with { Bans = [null!] }, Sample with { Bans = [new EntryBan()] });

    [Theory]
    [InlineData("4000", "4000.00")]
    [InlineData("0", "-0.000")]
    [InlineData("0.5", "0.50")]
    public void Amounts_EqualInValue_AreOneWage(string amount, string same) =>
        Assert.Equal(WithWage(amount), WithWage(same));

    [Theory]
    [InlineData("4000", "-4000")]
    [InlineData("4000", "400.0")]
    [InlineData("4000", "40000")]
    [InlineData("0.5", "0.05")]
    [InlineData("0", "0.0000000000000000000000000001")]
    [InlineData("1", "4294967297")]
    [InlineData("79228162514264337593543950335", "7922816251426433759354395033.5")]
    public void Amounts_UnequalInValue_AreOtherWages(string amount, string other) =>
        Assert.NotEqual(WithWage(amount), WithWage(other));

    [Fact]
    public void Coordinate_MinusZero_IsZero() =>
        Assert.Equal(
            ProfileFingerprint.Of(Sample with { Home = Sample.Home with { Lat = 0.0 } }),
            ProfileFingerprint.Of(Sample with { Home = Sample.Home with { Lat = -0.0 } }));

    [Fact]
    public void Profile_LargerThanTheFirstBuffer_IsFingerprintedWhole()
    {
        // Fifty long skills: many times the first buffer; a change before it overflows, or in the last character, must still tell.
        var skills = Enumerable.Range(0, 50).Select(i => new string('s', 190) + i.ToString("D2", null)).ToArray();
        var large = Sample with { Skills = skills };

        AssertDiffer(large, large with { Citizenship = "KG" });
        AssertDiffer(large, large with { Skills = [.. skills[..^1], skills[^1][..^1] + "x"] });
        Assert.Equal(ProfileFingerprint.Of(large), ProfileFingerprint.Of(large with { Skills = [.. skills] }));
    }

    private static string WithWage(string amount) =>
        ProfileFingerprint.Of(Sample with
        {
            MinMonthlyWage = new Money { Amount = decimal.Parse(amount, CultureInfo.InvariantCulture), Currency = "TJS" },
        });

    private static void AssertDiffer(Profile one, Profile other) =>
        Assert.NotEqual(ProfileFingerprint.Of(one), ProfileFingerprint.Of(other));

    private static IEnumerable<string> Paths(IReadOnlyDictionary<Type, IReadOnlyList<string>> properties) =>
        properties.SelectMany(p => p.Value.Select(name => $"{p.Key.Name}.{name}"));

    /// <summary>Every public property of <paramref name="type"/> and of the domain records it holds, singly or in lists.</summary>
    private static void Walk(Type type, HashSet<Type> reached, List<string> unaccounted)
    {
        if (!reached.Add(type))
        {
            return;
        }

        var covered = ProfileFingerprint.Covered.GetValueOrDefault(type) ?? [];
        var leftOut = ProfileFingerprint.LeftOut.GetValueOrDefault(type) ?? [];
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (leftOut.Contains(property.Name))
            {
                continue;
            }

            if (!covered.Contains(property.Name))
            {
                unaccounted.Add($"{type.Name}.{property.Name}");
            }

            if (RecordIn(property.PropertyType) is { } record)
            {
                Walk(record, reached, unaccounted);
            }
        }
    }

    private static Type? RecordIn(Type type)
    {
        var isList = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);
        var element = isList ? type.GetGenericArguments()[0] : type;
        return element.IsClass && element.Namespace == typeof(Profile).Namespace ? element : null;
    }
}
