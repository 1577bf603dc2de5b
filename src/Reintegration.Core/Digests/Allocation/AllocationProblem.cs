namespace Reintegration.Digests.Allocation;

/// <summary>
/// What an allocation decides: each person's candidates, how many people each opening may be
/// recommended to, and how many recommendations a person gets at most.
/// <para>
/// <see cref="Capacity"/> is the one place an opening's cap comes from (see <see cref="CongestionCap"/>):
/// an allocation never computes a cap itself, so a different rule (a fair share per centre, say)
/// replaces the table, not the algorithms. An opening missing from it has no room.
/// </para>
/// </summary>
public sealed record AllocationProblem(IReadOnlyList<Wishlist> Wishlists, IReadOnlyDictionary<string, int> Capacity, int PerPerson);

/// <summary>An allocation: what each person of the problem gets, best first, in the order of its wishlists.</summary>
public delegate IReadOnlyList<Assignment> Allocator(AllocationProblem problem);
