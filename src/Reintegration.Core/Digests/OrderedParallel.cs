namespace Reintegration.Digests;

/// <summary>
/// Per-person work of a digest run, on every core, results in the people's order. People are handed out a few at a time
/// to whichever core is free. PLINQ over a list splits it into one fixed range per core instead, and people differ in
/// cost (the fields of some hold far more openings than others'): measured over a run's candidates, one core then
/// idled for a quarter of the phase.
/// </summary>
internal static class OrderedParallel
{
    public static TResult[] Select<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> selector)
    {
        var results = new TResult[items.Count];
        Parallel.For(
            0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = selector(items[i]));
        return results;
    }
}
