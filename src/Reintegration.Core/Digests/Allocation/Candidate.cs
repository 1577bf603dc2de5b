namespace Reintegration.Digests.Allocation;

/// <summary>An opening a person may take, with its score: the input of an allocation.</summary>
public readonly record struct Candidate(string OpeningId, double Score);

/// <summary>A person's candidates, best first (ties by opening id), as the index returns them.</summary>
public sealed record Wishlist(string PersonId, IReadOnlyList<Candidate> Candidates);

/// <summary>The openings an allocation gave one person, best first.</summary>
public sealed record Assignment(string PersonId, IReadOnlyList<Candidate> Openings);
