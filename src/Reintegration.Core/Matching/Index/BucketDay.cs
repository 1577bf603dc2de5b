namespace Reintegration.Matching.Index;

/// <summary>
/// What one bucket's openings' own terms exclude on <see cref="Day"/>, so that a match counts its
/// exclusions from a few numbers, not by judging every opening: how many are closed, and of the others
/// how many take no refugees; the same by start day (so the openings a ban bars, a range of start days,
/// are counted by two binary searches); and the openings that ask for a licence, grouped by the
/// licences they ask for. Built for the first query of the day that reads the bucket, then shared.
/// </summary>
internal sealed class BucketDay
{
    private BucketDay(int day) => Day = day;

    public int Day { get; }

    /// <summary>The openings closed on the day (expired, or every position filled).</summary>
    public required int Closed { get; init; }

    /// <summary>Of the openings still open, those that take no refugees.</summary>
    public required int NotForRefugees { get; init; }

    /// <summary>Every opening's start day, in order.</summary>
    public required int[] Starts { get; init; }

    /// <summary>Of the openings before position i of <see cref="Starts"/>, how many are closed (one more entry than openings).</summary>
    public required int[] ClosedBefore { get; init; }

    /// <summary>Of the openings before position i of <see cref="Starts"/>, how many are open and take no refugees.</summary>
    public required int[] NotForRefugeesBefore { get; init; }

    /// <summary>The openings that ask for a licence, one group per set of licences asked.</summary>
    public required LicenceGroup[] LicenceGroups { get; init; }

    /// <summary>The bucket's day, from <paramref name="cached"/> when it is for <paramref name="today"/>, else built and cached.</summary>
    public static BucketDay For(ref BucketDay? cached, OpeningKey[] keys, CandidateOpening[] openings, int[] licensed, int today)
    {
        var day = Volatile.Read(ref cached);
        if (day is null || day.Day != today)
        {
            day = Of(keys, openings, licensed, today);
            Volatile.Write(ref cached, day);
        }

        return day;
    }

    /// <summary>The position in <see cref="Starts"/> of the first opening starting on or after <paramref name="start"/>.</summary>
    public int FirstStartingFrom(int start)
    {
        var (from, to) = (0, Starts.Length);
        while (from < to)
        {
            var middle = from + (to - from) / 2;
            (from, to) = Starts[middle] < start ? (middle + 1, to) : (from, middle);
        }

        return from;
    }

    private static BucketDay Of(OpeningKey[] keys, CandidateOpening[] openings, int[] licensed, int today)
    {
        var starts = Array.ConvertAll(keys, k => k.StartDay);
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(starts, order);
        var (closedBefore, notForRefugeesBefore) = (new int[keys.Length + 1], new int[keys.Length + 1]);
        for (var i = 0; i < order.Length; i++)
        {
            var (closed, notForRefugees) = TermsOf(keys[order[i]], today);
            closedBefore[i + 1] = closedBefore[i] + (closed ? 1 : 0);
            notForRefugeesBefore[i + 1] = notForRefugeesBefore[i] + (notForRefugees ? 1 : 0);
        }

        var groups = licensed
            .GroupBy(i => string.Join('\n', openings[i].Licences), StringComparer.Ordinal)
            .Select(g => LicenceGroup.Of(g.ToArray(), keys, openings, today))
            .ToArray();
        return new BucketDay(today)
        {
            Closed = closedBefore[^1],
            NotForRefugees = notForRefugeesBefore[^1],
            Starts = starts,
            ClosedBefore = closedBefore,
            NotForRefugeesBefore = notForRefugeesBefore,
            LicenceGroups = groups,
        };
    }

    /// <summary>
    /// Whether the opening is closed on the day, and whether, open, it takes no refugees: as
    /// <see cref="Eligibility.OpenAndReachableRule.CheckTerms"/> judges.
    /// </summary>
    private static (bool Closed, bool NotForRefugees) TermsOf(in OpeningKey key, int today)
    {
        var closed = key.ExpiresDay < today || !key.HasUnfilled;
        return (closed, !closed && !key.AcceptsRefugees);
    }

    /// <summary>
    /// The openings of a bucket that ask for the same licences (<see cref="Example"/> is one of them), and
    /// how many of them are open on the day, and open to refugees: what the licence rule excludes of them
    /// from a person who lacks one, where no earlier rule does.
    /// </summary>
    internal sealed record LicenceGroup(CandidateOpening Example, int[] Openings, int Open, int OpenToRefugees)
    {
        public static LicenceGroup Of(int[] members, OpeningKey[] keys, CandidateOpening[] openings, int today)
        {
            var (open, openToRefugees) = (0, 0);
            foreach (var i in members)
            {
                if (!TermsOf(keys[i], today).Closed)
                {
                    open++;
                    openToRefugees += keys[i].AcceptsRefugees ? 1 : 0;
                }
            }

            return new LicenceGroup(openings[members[0]], members, open, openToRefugees);
        }
    }
}
