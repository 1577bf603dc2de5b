using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Reintegration.Matching;
using Reintegration.Matching.Eligibility;
using Reintegration.Matching.Scoring;

namespace Reintegration.Benchmarks.Lucene;

/// <summary>
/// The same openings in Lucene.NET, set up as well as we know how: one document per opening with a
/// keyword field for its bucket (country and ISCO sub-major group, as the index's buckets), its
/// country, licences and two yes/no terms; start and expiry days as trie-encoded numeric fields; its
/// position in the compiled openings as a doc value; one segment (force-merged), memory-mapped, one
/// searcher for every query. A query asks for the buckets of the person's fields in the countries no
/// rule bars whole, with the other hard rules as clauses that exclude (licences the person lacks, each
/// ban's countries over the start days it covers) and the filter that holds for every query of the
/// day (open, not expired; and open to refugees) cached per segment. Lucene only retrieves: each hit
/// is scored by the project's own scorer, with the same bounds the index uses to skip hopeless ones.
/// </summary>
internal sealed class LuceneEngine : IDisposable
{
    private readonly MatchingEngine _engine;
    private readonly CandidateOpening[] _openings;
    private readonly string[] _licences;
    private readonly System.IO.DirectoryInfo _folder;
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Filter _open;
    private readonly Filter _openToRefugees;

    public LuceneEngine(MatchingEngine engine, IReadOnlyList<OpeningListing> listings, DateOnly today)
    {
        _engine = engine;
        _openings = listings.Select(engine.Compile).ToArray();
        _licences = _openings.SelectMany(o => o.Licences).Distinct(StringComparer.Ordinal).ToArray();
        _folder = System.IO.Directory.CreateTempSubdirectory("reintegration-lucene-");
        _directory = new MMapDirectory(_folder);
        using (var analyzer = new KeywordAnalyzer())
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        }))
        {
            for (var i = 0; i < _openings.Length; i++)
            {
                writer.AddDocument(Document(_openings[i], i));
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
        var open = new BooleanQuery
        {
            { new TermQuery(new Term("open", "1")), Occur.MUST },
            { NumericRangeQuery.NewInt32Range("expires", today.DayNumber, null, true, true), Occur.MUST },
        };
        var openToRefugees = new BooleanQuery { { open, Occur.MUST }, { new TermQuery(new Term("refugees", "1")), Occur.MUST } };
        _open = new CachingWrapperFilter(new QueryWrapperFilter(open));
        _openToRefugees = new CachingWrapperFilter(new QueryWrapperFilter(openToRefugees));
    }

    /// <summary>The top k, ids and scores, best first (ties by id, as the index breaks them).</summary>
    public IReadOnlyList<(string Id, double Score)> Top(Domain.Profile profile, MatchQuery query)
    {
        var seeker = _engine.Compile(profile);
        var today = query.Today.DayNumber;
        var collector = new ScoringCollector(_engine, _openings, seeker, new TopK<CandidateOpening>(query.Top));
        _searcher.Search(new FilteredQuery(Query(seeker, today), seeker.IsRefugee ? _openToRefugees : _open), collector);
        return collector.Top.ToSortedList().Select(x => (x.Item.Id, x.Score)).ToList();
    }

    private Query Query(Seeker seeker, int today)
    {
        var fields = seeker.Occupations.Select(o => o.Isco.SubMajor).Distinct().ToArray();
        var buckets = new BooleanQuery();
        var countries = _engine.Countries.Count;
        for (var country = 0; country < countries; country++)
        {
            if (NonRefoulementRule.Bars(seeker, country) || RelocationRule.Bars(seeker, country)
                || ReentryBanRule.BarsWholeCountry(seeker, country, today))
            {
                continue;
            }

            foreach (var field in fields)
            {
                buckets.Add(new TermQuery(new Term("bucket", Bucket(country, field))), Occur.SHOULD);
            }
        }

        var query = new BooleanQuery { { buckets, Occur.MUST } };
        foreach (var licence in _licences.Where(l => !seeker.Licences.Contains(l)))
        {
            query.Add(new TermQuery(new Term("licence", licence)), Occur.MUST_NOT);
        }

        // A ban bars an opening when the day the person could start, max(today, availability, its start), falls in it.
        var earliest = Math.Max(today, seeker.AvailableDay);
        for (var country = 0; country < countries; country++)
        {
            foreach (var window in seeker.Bans[country])
            {
                if (earliest >= window.UntilDay)
                {
                    continue;
                }

                int? from = earliest >= window.FromDay ? null : window.FromDay;
                var banned = new BooleanQuery
                {
                    { new TermQuery(new Term("country", country.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.MUST },
                    { NumericRangeQuery.NewInt32Range("start", from, window.UntilDay - 1, true, true), Occur.MUST },
                };
                query.Add(banned, Occur.MUST_NOT);
            }
        }

        return query;
    }

    private static Document Document(CandidateOpening opening, int ordinal)
    {
        var document = new Document
        {
            new StringField("bucket", Bucket(opening.Country, opening.Isco.SubMajor), Field.Store.NO),
            new StringField("country", opening.Country.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField("open", opening.Unfilled > 0 ? "1" : "0", Field.Store.NO),
            new StringField("refugees", opening.AcceptsRefugees ? "1" : "0", Field.Store.NO),
            new Int32Field("start", opening.StartDay, Field.Store.NO),
            new Int32Field("expires", opening.ExpiresDay, Field.Store.NO),
            new NumericDocValuesField("ord", ordinal),
        };
        foreach (var licence in opening.Licences)
        {
            document.Add(new StringField("licence", licence, Field.Store.NO));
        }

        return document;
    }

    private static string Bucket(int country, int subMajor) => FormattableString.Invariant($"{country}|{subMajor}");

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>Scores each hit with the project's scorer, skipping those whose bound cannot enter the top k.</summary>
    private sealed class ScoringCollector(
        MatchingEngine engine, CandidateOpening[] openings, Seeker seeker, TopK<CandidateOpening> top) : ICollector
    {
        private NumericDocValues? _ordinals;

        public TopK<CandidateOpening> Top => top;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(global::Lucene.Net.Search.Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _ordinals = ((AtomicReader)context.Reader).GetNumericDocValues("ord");

        public void Collect(int doc)
        {
            var opening = openings[_ordinals!.Get(doc)];
            var scorer = engine.Scorer;
            var tier = LocationScore.TierOf(seeker, opening);
            if (scorer.QuickBound(seeker, opening, tier) < top.Threshold)
            {
                return;
            }

            var partial = scorer.PartialWithoutLocation(seeker, opening);
            if (scorer.UpperBound(partial, tier) < top.Threshold)
            {
                return;
            }

            top.Offer(opening, scorer.Complete(seeker, opening, partial, tier).Score, opening.Id);
        }
    }
}
