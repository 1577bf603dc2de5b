namespace Reintegration.Storage.Infrastructure;

/// <summary>One page of a listing, and the opaque token for the next (null on the last page).</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>What an upsert did with one item of a request.</summary>
public sealed record UpsertOutcome(int Index, string Id, string ExternalRef, bool Created);
