namespace Reintegration.Digests.Allocation;

/// <summary>Each person gets their own top k, whatever everyone else gets: the baseline congestion is measured against.</summary>
public static class PlainTopK
{
    public static IReadOnlyList<Assignment> Allocate(IReadOnlyList<Wishlist> wishlists, int k) =>
        wishlists.Select(w => new Assignment(w.PersonId, w.Candidates.Take(k).ToList())).ToList();
}
