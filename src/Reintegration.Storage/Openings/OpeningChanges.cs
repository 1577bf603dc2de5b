using Reintegration.Matching;

namespace Reintegration.Storage.Openings;

/// <summary>
/// What a write did to the open openings: those now open as they are, and the ids no longer open. The
/// store returns it; <see cref="IndexSynchronizer.Apply"/>, the one writer of the in-memory index, applies it.
/// </summary>
public sealed record OpeningChanges(IReadOnlyList<OpeningListing> Upserted, IReadOnlyList<string> Removed)
{
    /// <summary>
    /// The change-log rows the write logged these changes in: the instance that applies them need not
    /// fetch their openings again when its refresh reads those rows (after an import, every one of them).
    /// </summary>
    public IReadOnlyList<string> Logged { get; init; } = [];

    public static readonly OpeningChanges None = new([], []);

    public static OpeningChanges Of(StoredOpening opening) => opening.Closed ? new([], [opening.Id]) : new([opening.ToListing()], []);
}

/// <summary>The result of a write to the openings, and what it changed.</summary>
public sealed record OpeningWrite<T>(T Result, OpeningChanges Changes);
