namespace Reintegration.Digests.Allocation;

/// <summary>
/// Recommends no opening to more people than its capacity (ceil(multiplier × unfilled positions)),
/// and gives whoever finds an opening full their next best alternative instead of nothing.
/// <para>
/// It works in rounds, so that everyone gets a first recommendation before anyone gets a second.
/// Within a round the strongest claims go first: each person bids with their best candidate that
/// still has room; the highest bid wins its place (ties by person id, then opening id), and a person
/// whose candidate filled up meanwhile bids again with their next. The result depends only on the
/// wishlists and capacities, never on the order they were given in.
/// </para>
/// </summary>
public static class CongestionAware
{
    public static IReadOnlyList<Assignment> Allocate(IReadOnlyList<Wishlist> wishlists, IReadOnlyDictionary<string, int> capacity, int k)
    {
        var left = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        var chosen = wishlists.ToDictionary(w => w.PersonId, _ => new List<Candidate>(), StringComparer.Ordinal);
        var next = wishlists.ToDictionary(w => w.PersonId, _ => 0, StringComparer.Ordinal);
        var byPerson = wishlists.ToDictionary(w => w.PersonId, StringComparer.Ordinal);

        for (var round = 0; round < k; round++)
        {
            var bids = new PriorityQueue<(string Person, Candidate Candidate), (double, string, string)>(BidOrder.Instance);
            foreach (var wishlist in wishlists)
            {
                Bid(wishlist.PersonId);
            }

            while (bids.TryDequeue(out var bid, out _))
            {
                if (left.GetValueOrDefault(bid.Candidate.OpeningId) > 0)
                {
                    left[bid.Candidate.OpeningId]--;
                    chosen[bid.Person].Add(bid.Candidate);
                }
                else
                {
                    Bid(bid.Person);
                }
            }

            void Bid(string person)
            {
                var candidates = byPerson[person].Candidates;
                for (var i = next[person]; i < candidates.Count; i++)
                {
                    if (left.GetValueOrDefault(candidates[i].OpeningId) > 0)
                    {
                        next[person] = i + 1;
                        bids.Enqueue((person, candidates[i]), (candidates[i].Score, person, candidates[i].OpeningId));
                        return;
                    }
                }

                next[person] = candidates.Count;
            }
        }

        return wishlists.Select(w => new Assignment(w.PersonId, chosen[w.PersonId])).ToList();
    }

    /// <summary>The recommendation cap of an opening with this many unfilled positions.</summary>
    public static int Capacity(int unfilled, double multiplier) => unfilled <= 0 ? 0 : (int)Math.Ceiling(multiplier * unfilled);

    /// <summary>Highest score first; ties by person id, then opening id (ordinal).</summary>
    private sealed class BidOrder : IComparer<(double Score, string Person, string Opening)>
    {
        public static readonly BidOrder Instance = new();

        public int Compare((double Score, string Person, string Opening) x, (double Score, string Person, string Opening) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byPerson = string.CompareOrdinal(x.Person, y.Person);
            return byPerson != 0 ? byPerson : string.CompareOrdinal(x.Opening, y.Opening);
        }
    }
}
