using System.Text.RegularExpressions;
using SparkVideo.ChildProcesses;

namespace SparkVideo.Readme.Tests;

/// <summary>The bash commands of the README's code blocks, as written, without their trailing comments.</summary>
public static partial class ReadmeCommands
{
    public static IReadOnlyList<string> Bash { get; } = Read();

    private static List<string> Read()
    {
        var readme = File.ReadAllText(RepoPaths.InRepo("README.md"));
        return CodeBlock().Matches(readme)
            .SelectMany(block => block.Groups["body"].Value.Split('\n'))
            .Select(line => TrailingComment().Replace(line, "").Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Distinct()
            .ToList();
    }

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();
}
