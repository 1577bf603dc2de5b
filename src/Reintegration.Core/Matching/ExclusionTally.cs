namespace Reintegration.Matching;

/// <summary>
/// Counts, while matching, the openings each hard rule excluded: one slot per
/// <see cref="ExclusionReason"/>, sized by the enum, and read back by each reason's name.
/// </summary>
internal sealed class ExclusionTally
{
    private static readonly int Slots = (int)Enum.GetValues<ExclusionReason>().Max() + 1;

    private readonly int[] _counts = new int[Slots];

    public void Add(ExclusionReason reason, int openings = 1) => _counts[(int)reason] += openings;

    public int this[ExclusionReason reason] => _counts[(int)reason];

    public ExclusionCounts ToCounts() => new(
        ReentryBan: this[ExclusionReason.ReentryBan],
        NonRefoulement: this[ExclusionReason.NonRefoulement],
        Relocation: this[ExclusionReason.Relocation],
        Closed: this[ExclusionReason.Closed],
        RefugeesNotAccepted: this[ExclusionReason.RefugeesNotAccepted],
        Licence: this[ExclusionReason.Licence]);
}
