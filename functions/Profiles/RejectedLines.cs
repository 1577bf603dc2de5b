using System.Text.Json;
using Reintegration.Functions.Http;

namespace Reintegration.Functions.Profiles;

/// <summary>
/// The rows an import refused: every one counted, the first <see cref="MaxListed"/> listed with every
/// error — as long as the answer stays within <see cref="MaxAnswerBytes"/>, so that a file of broken
/// rows cannot make an answer many times its own size.
/// </summary>
public sealed class RejectedLines(long fileBytes)
{
    public const int MaxListed = 100;

    private const int MinimumBudget = 64 * 1024;
    private const int BudgetPerFileByte = 4;

    private readonly List<RejectedLine> _listed = [];
    private long _bytes;

    /// <summary>The most the listed rows may take: 64 KiB, or four times the file, whichever is larger.</summary>
    public long MaxAnswerBytes { get; } = Math.Max(MinimumBudget, BudgetPerFileByte * fileBytes);

    public IReadOnlyList<RejectedLine> Listed => _listed;

    public int Count { get; private set; }

    public void Add(RejectedLine line)
    {
        Count++;
        if (_listed.Count >= MaxListed || _bytes < 0)
        {
            return;
        }

        var size = JsonSerializer.SerializeToUtf8Bytes(line, ApiJsonContext.Web.RejectedLine).Length;
        if (_bytes + size > MaxAnswerBytes)
        {
            // Rows are listed in file order: once one does not fit, none after it is listed either.
            _bytes = -1;
            return;
        }

        _bytes += size;
        _listed.Add(line);
    }
}
