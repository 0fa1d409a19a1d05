using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Style.Tests;

/// <summary>
/// Every test in the repository is named as a sentence that says what holds, words joined by underscores
/// (<c>Two_frames_in_the_same_millisecond_keep_both_files</c>), so a failing test reads as the broken promise.
/// </summary>
public sealed partial class TestNameTests
{
    /// <summary>Names kept as they are spelled inside a sentence name.</summary>
    private static readonly HashSet<string> ProperNames =
        ["OpenCv", "OpenCvSharpExtern", "NuGet", "Conv2D", "DepthwiseConv2D", "Convolution2D"];

    [Fact]
    public void Every_test_name_is_a_sentence_of_words_joined_by_underscores()
    {
        var tests = TestMethods().ToList();
        Assert.True(tests.Count > 100, $"found only {tests.Count} tests: is the tests/ folder read?");

        var notSentences = tests.Where(t => !IsSentence(t.Name)).Select(t => $"{t.File}: {t.Name}").ToList();

        Assert.True(notSentences.Count == 0, "test names that are not sentences:\n" + string.Join('\n', notSentences));
    }

    [Theory]
    [InlineData("Two_frames_in_the_same_millisecond_keep_both_files", true)]
    [InlineData("Converted_model_matches_OpenCv_running_the_original", true)]
    [InlineData("Accepts_the_first_second_of_2000", true)]
    [InlineData("TwoFramesInTheSameMillisecondKeepBothFiles", false)]
    [InlineData("NonJpegBytes_AreRejected", false)]
    [InlineData("Rejects", false)]
    public void The_sentence_rule_tells_sentences_from_other_names(string name, bool isSentence) =>
        Assert.Equal(isSentence, IsSentence(name));

    private static bool IsSentence(string name)
    {
        var words = name.Split('_');
        return words.Length >= 2
            && char.IsUpper(words[0][0])
            && words.All(w => w.Length > 0 && (ProperNames.Contains(w) || !CamelHump().IsMatch(w)));
    }

    private static IEnumerable<(string File, string Name)> TestMethods()
    {
        var tests = Path.Combine(RepoPaths.Root, "tests");
        foreach (var file in Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (Match m in TestMethod().Matches(File.ReadAllText(file)))
            {
                yield return (Path.GetRelativePath(RepoPaths.Root, file), m.Groups["name"].Value);
            }
        }
    }

    /// <summary>A [Fact] or [Theory] attribute, any further attributes, then the method's declaration.</summary>
    [GeneratedRegex(@"\[(Fact|Theory)\b[^\n]*\n(\s*\[[^\n]*\n)*\s*public\s+(async\s+)?[\w<>]+\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    /// <summary>A lower-case letter followed by an upper-case one: two words run together.</summary>
    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelHump();
}
