using Reintegration.Storage.Infrastructure;

namespace Reintegration.Functions.Profiles;

/// <summary>The answer to an upsert of profiles or openings: one result per item, in request order.</summary>
public sealed record UpsertResponse(IReadOnlyList<UpsertOutcome> Results);

/// <summary>The answer to a CSV import.</summary>
/// <summary>
/// What an import did: profiles created and updated, and the rows refused — all of them counted in
/// <see cref="RejectedCount"/>, the first of them listed in <see cref="Rejected"/> with every error (see <see cref="ImportFunction"/>).
/// </summary>
public sealed record ImportResponse(int Created, int Updated, IReadOnlyList<RejectedLine> Rejected, int RejectedCount);

/// <summary>A CSV line that was not stored, and why.</summary>
public sealed record RejectedLine(int Line, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>A page of stored items (each a JSON object: the document with its id and time).</summary>
public sealed record ItemPage(IReadOnlyList<System.Text.Json.Nodes.JsonObject> Items, string? ContinuationToken);
