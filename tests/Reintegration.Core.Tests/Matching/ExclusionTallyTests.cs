using Reintegration.Matching;

namespace Reintegration.Tests.Matching;

public sealed class ExclusionTallyTests
{
    public static TheoryData<ExclusionReason> Reasons => [.. Enum.GetValues<ExclusionReason>()];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Tally_OfOneReason_IsCountedUnderThePropertyOfItsName(ExclusionReason reason)
    {
        var tally = new ExclusionTally();
        tally.Add(reason, 3);

        var counts = tally.ToCounts();

        Assert.Equal(3, typeof(ExclusionCounts).GetProperty(reason.ToString())!.GetValue(counts));
        Assert.Equal(3, counts.Total);
    }

    [Fact]
    public void Counts_HaveOneValuePerReason_InTheReasonsOrder() =>
        Assert.Equal(
            Enum.GetNames<ExclusionReason>(),
            typeof(ExclusionCounts).GetConstructors().Single().GetParameters().Select(p => p.Name!));
}
