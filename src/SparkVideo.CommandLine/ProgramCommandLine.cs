using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SparkVideo.CommandLine;

/// <summary>
/// Parses and runs a program's root command the same way for every program: a usage error is one line,
/// <c>error: &lt;message&gt; (see --help)</c> on stderr, and exit code 2; a runtime failure is
/// <c>error: &lt;message&gt;</c> and exit code 1. Neither ever shows a URL's credentials (<see cref="UrlCredentials"/>).
/// </summary>
public static class ProgramCommandLine
{
    /// <summary>
    /// Runs <paramref name="root"/> on <paramref name="args"/>. Signals are left to the program: the invocation
    /// sets ProcessTerminationTimeout to null, so System.CommandLine installs no Ctrl+C handler of its own, and each
    /// program stops on SIGINT/SIGTERM in its own way.
    /// </summary>
    /// <param name="preflight">Checked after a good parse, unless help was asked for: a problem it returns is a
    /// runtime error (e.g. a native library that cannot load), and the command does not run.</param>
    public static int Run(RootCommand root, string[] args, Func<string?>? preflight = null)
    {
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return UsageError(parseResult.Errors[0].Message);
        }
        if (preflight is not null && parseResult.Action is not HelpAction && preflight() is { } problem)
        {
            return RuntimeError(problem);
        }
        try
        {
            return parseResult.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            return UsageError(e.Message);
        }
        catch (Exception e)
        {
            // A bug, not a user's mistake: the one-line error first, then the stack trace to report.
            RuntimeError($"unexpected {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine(e.StackTrace);
            return ExitCodes.RuntimeError;
        }
    }

    /// <summary>Prints <c>error: message (see --help)</c> on stderr; returns <see cref="ExitCodes.UsageError"/>.</summary>
    public static int UsageError(string message)
    {
        Console.Error.WriteLine(UsageErrorLine(message));
        return ExitCodes.UsageError;
    }

    /// <summary>The line <see cref="Run"/> prints for a command line that does not parse, or null when it parses.</summary>
    public static string? UsageErrorLine(ParseResult parseResult) =>
        parseResult.Action is ParseErrorAction ? UsageErrorLine(parseResult.Errors[0].Message) : null;

    // A parser message may echo a token, and a token may be a camera URL with its password.
    private static string UsageErrorLine(string message) => $"error: {UrlCredentials.Redact(OneLine(message))} (see --help)";

    /// <summary>
    /// A parser message on one line: System.CommandLine lists the accepted values of an enum option one per line
    /// ("Did you mean one of the following?\nGeneral\nLandscape"); they follow the first line, comma-separated.
    /// </summary>
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 1 ? message.Trim() : $"{lines[0]} {string.Join(", ", lines.Skip(1))}";
    }

    /// <summary>Prints <c>error: message</c> on stderr; returns <see cref="ExitCodes.RuntimeError"/>.</summary>
    public static int RuntimeError(string message)
    {
        Console.Error.WriteLine($"error: {UrlCredentials.Redact(message)}");
        return ExitCodes.RuntimeError;
    }
}
