using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Reintegration.Domain;
using Reintegration.Validation;

namespace Reintegration.Functions.Profiles;

/// <summary>
/// Profiles from CSV (RFC 4180, comma-separated, UTF-8, header row). Lists inside a cell are
/// separated by ';' and their parts by ':' (see <see cref="Columns"/> and the README). Each row is
/// read on its own: a cell that cannot be read is an error of that row, keyed by the JSON field path.
/// </summary>
public static class ProfileCsv
{
    /// <summary>The columns, in their documented order; those of <see cref="RequiredColumns"/> must be in the header, the others may be left out.</summary>
    public static readonly string[] Columns =
    [
        "externalRef", "displayName", "citizenship", "status", "fledCountries", "voluntaryRepatriation",
        "homeCountry", "homeCity", "homeLat", "homeLon", "bans", "occupations", "skills", "licences", "languages",
        "availableFrom", "relocationWilling", "relocationCountries", "minWageAmount", "minWageCurrency", "consent", "consentGivenOn",
    ];

    /// <summary>The columns a header must have.</summary>
    public static readonly string[] RequiredColumns = ["externalRef", "displayName", "citizenship", "status", "homeCountry", "homeCity", "occupations", "consent", "consentGivenOn"];

    /// <summary>
    /// A row read from the file: the line it starts on, the profile read from it (a cell that could not
    /// be read is left at its empty default), and the cells that could not be read; null profile when
    /// the row's shape was wrong.
    /// </summary>
    public sealed record Row(int Line, Profile? Profile, ValidationErrors Errors);

    /// <summary>The header's problem (unknown or missing columns), or null when the header is usable.</summary>
    public static string? HeaderProblem(IReadOnlyList<string> header)
    {
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        var repeated = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return unknown.Count > 0 ? $"Unknown columns: {Shown(unknown)}. The columns are: {string.Join(", ", Columns)}."
            : missing.Count > 0 ? $"Missing columns: {string.Join(", ", missing)}."
            : repeated.Count > 0 ? $"Repeated columns: {Shown(repeated)}."
            : null;
    }

    /// <summary>Reads every row; throws <see cref="CsvFormatException"/> for a file that is not CSV at all or has an unusable header.</summary>
    public static IReadOnlyList<Row> Read(TextReader text)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(text, configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                throw new CsvFormatException("The file has no header row.");
            }

            if (HeaderProblem(header) is { } problem)
            {
                throw new CsvFormatException(problem);
            }

            var rows = new List<Row>();
            var previousEnd = csv.Parser.RawRow;
            while (csv.Read())
            {
                // A quoted cell may span lines: a row is reported at the line it starts on.
                var line = previousEnd + 1;
                previousEnd = csv.Parser.RawRow;
                var cells = header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal);
                if (cells.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (csv.Parser.Count != header.Length)
                {
                    var errors = new ValidationErrors();
                    errors.Add("$", $"The row has {csv.Parser.Count} cells; the header has {header.Length}.");
                    rows.Add(new Row(line, null, errors));
                    continue;
                }

                rows.Add(ReadRow(line, cells));
            }

            return rows;
        }
        catch (CsvHelperException e)
        {
            throw new CsvFormatException($"The file is not valid CSV near line {e.Context?.Parser?.RawRow ?? 0}.");
        }
    }

    private static Row ReadRow(int line, Dictionary<string, string> cells)
    {
        var errors = new ValidationErrors();
        var cell = new Cells(cells, errors);
        var profile = new Profile
        {
            ExternalRef = cell.Text("externalRef"),
            DisplayName = cell.Text("displayName"),
            Citizenship = cell.Text("citizenship"),
            Status = cell.Enum<PersonStatus>("status"),
            FledCountries = cell.List("fledCountries"),
            VoluntaryRepatriation = cell.Bool("voluntaryRepatriation", false),
            Home = new Location { Country = cell.Text("homeCountry"), City = cell.Text("homeCity"), Lat = cell.Double("homeLat", "home.lat"), Lon = cell.Double("homeLon", "home.lon") },
            Bans = cell.Parts("bans", 3, (parts, path) => new EntryBan { Country = parts[0], From = cell.Date(parts[1], $"{path}.from"), Until = cell.Date(parts[2], $"{path}.until") }),
            Occupations = cell.Parts("occupations", 2, (parts, path) => new OccupationExperience { Isco = parts[0], Years = cell.Int(parts[1], $"{path}.years") }),
            Skills = cell.List("skills"),
            Licences = cell.List("licences"),
            Languages = cell.Parts("languages", 2, (parts, _) => new LanguageSkill { Code = parts[0], Level = parts[1] }),
            AvailableFrom = cell.Date(cells.GetValueOrDefault("availableFrom", ""), "availableFrom"),
            Relocation = new Relocation { Willing = cell.Bool("relocationWilling", false), Countries = cell.List("relocationCountries") },
            MinMonthlyWage = cells.GetValueOrDefault("minWageAmount", "").Length == 0 && cells.GetValueOrDefault("minWageCurrency", "").Length == 0
                ? null
                : new Money { Amount = cell.Decimal("minWageAmount", "minMonthlyWage.amount"), Currency = cell.Text("minWageCurrency") },
            Consent = new Consent { DataProcessing = cell.Bool("consent", false), GivenOn = cell.Date(cells.GetValueOrDefault("consentGivenOn", ""), "consent.givenOn") },
        };
        return new Row(line, profile, errors);
    }

    private static string Shown(IEnumerable<string> names) => string.Join(", ", names.Select(n => n.Length <= 40 ? n : n[..40] + "…").Take(10));

    /// <summary>Reads cells, recording each unreadable one under its field path.</summary>
    private sealed class Cells(Dictionary<string, string> cells, ValidationErrors errors)
    {
        public string Text(string column) => cells.GetValueOrDefault(column, "");

        public IReadOnlyList<string> List(string column) =>
            Text(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>true or false, in any case (spreadsheets write TRUE); an empty cell is the fallback.</summary>
        public bool Bool(string column, bool fallback) =>
            Text(column) switch
            {
                "" => fallback,
                var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
                var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
                _ => Error(column, Expected.Boolean, fallback),
            };

        /// <summary>The enum the cell names (exactly one of its names, in any case); null (and an error) when it names none.</summary>
        public T? Enum<T>(string column) where T : struct, System.Enum =>
            EnumNames<T>.TryParse(Text(column), out var value) ? value : Error<T?>(column, Expected.OneOf<T>(), null);

        public double? Double(string column, string path) =>
            Text(column) is { Length: > 0 } text
                ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : Error<double?>(path, Expected.Number, null)
                : null;

        public decimal Decimal(string column, string path) =>
            decimal.TryParse(Text(column), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : Error(path, Expected.Number, 0m);

        public int Int(string text, string path) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : Error(path, Expected.WholeNumber, 0);

        public DateOnly? Date(string text, string path) =>
            text.Length == 0 ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
            : Error<DateOnly?>(path, Expected.Date, null);

        /// <summary>A ';'-separated list whose items have <paramref name="count"/> ':'-separated parts.</summary>
        public IReadOnlyList<T> Parts<T>(string column, int count, Func<string[], string, T> build)
        {
            var items = new List<T>();
            var list = List(column);
            for (var i = 0; i < list.Count; i++)
            {
                var parts = list[i].Split(':');
                var path = $"{column}[{i}]";
                if (parts.Length != count)
                {
                    errors.Add(path, $"Must have {count} parts separated by ':'.");
                    continue;
                }

                items.Add(build(parts.Select(p => p.Trim()).ToArray(), path));
            }

            return items;
        }

        private T Error<T>(string path, string message, T fallback)
        {
            errors.Add(path, message);
            return fallback;
        }
    }
}

/// <summary>A body that cannot be read as the profiles CSV at all.</summary>
public sealed class CsvFormatException(string message) : Exception(message);
