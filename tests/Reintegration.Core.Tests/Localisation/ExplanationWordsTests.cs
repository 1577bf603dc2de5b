using System.Text;
using Reintegration.Localisation;
using Reintegration.Tests.Matching;

namespace Reintegration.Tests.Localisation;

/// <summary>Every sentence the engine writes about a person and an opening, pinned word for word in each language.</summary>
public sealed class ExplanationWordsTests
{
    public static TheoryData<string> Languages => [.. Words.Codes];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Verdicts_ForEveryScene_ReadAsPinned(string language)
    {
        var text = new StringBuilder();
        foreach (var scene in Scenes.All)
        {
            var verdict = Build.Engine.Judge(scene.Profile, scene.Opening, Build.Query(language: language));
            text.Append($"## {scene.Name}\n");
            if (verdict.Match is { } match)
            {
                text.Append($"offered: {match.Pathway}, obtain: {match.Obtain}\n");
                foreach (var reason in match.Reasons)
                {
                    text.Append($"- {reason}\n");
                }
            }
            else
            {
                text.Append($"not offered ({verdict.ExcludedBy?.ToString() ?? "outside the field"}): {verdict.Explanation}\n");
            }

            text.Append('\n');
        }

        Golden.Verify($"verdicts.{language}.txt", Golden.WithoutSeededObtain(text.ToString()));
    }
}
