using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Readme.Tests;

/// <summary>
/// The bash commands of the README's code blocks and of the pages under docs/ it links to, as written, without their
/// trailing comments.
/// </summary>
public static partial class ReadmeCommands
{
    /// <summary>README.md, then docs/*.md by name.</summary>
    public static IReadOnlyList<string> Documents { get; } =
        [RepoPaths.InRepo("README.md"), .. Directory.GetFiles(RepoPaths.InRepo("docs"), "*.md").Order(StringComparer.Ordinal)];

    /// <summary>Declared after <see cref="Documents"/>, which it reads (static initializers run in order).</summary>
    public static IReadOnlyList<string> Bash { get; } = Read();

    private static List<string> Read() =>
        Documents
            .SelectMany(path => CodeBlock().Matches(File.ReadAllText(path)))
            .SelectMany(block => block.Groups["body"].Value.Split('\n'))
            .Select(line => TrailingComment().Replace(line, "").Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();
}
