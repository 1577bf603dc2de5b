using System.Text.RegularExpressions;
using CsCheck;

namespace Reintegration.Tests.Matching;

/// <summary>
/// The property tests run from a fresh random seed each time (so each run explores new cases), and a failure
/// must say which seed failed so it replays: CsCheck puts it in the message the test log shows, and
/// <c>CsCheck_Seed=&lt;seed&gt; dotnet test --filter …</c> runs that case again.
/// </summary>
public sealed partial class PropertySeedTests
{
    private static void HalfTheTimeFalse(int i) => Assert.True(i < 50);

    [Fact]
    public void Property_Failing_NamesTheSeedInItsMessage_AndThatSeedReplaysTheFailure()
    {
        var failure = Assert.Throws<CsCheckException>(() => Gen.Int[0, 99].Sample(HalfTheTimeFalse, iter: 200));

        var seed = SeedInMessage().Match(failure.Message);
        Assert.True(seed.Success, failure.Message);
        var replay = Assert.Throws<CsCheckException>(() => Gen.Int[0, 99].Sample(HalfTheTimeFalse, iter: 1, seed: seed.Groups[1].Value));
        Assert.Contains(seed.Groups[1].Value, replay.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("""Set seed: "([^"]+)" """)]
    private static partial Regex SeedInMessage();
}
