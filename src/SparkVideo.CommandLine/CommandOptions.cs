using System.CommandLine;

namespace SparkVideo.CommandLine;

/// <summary>Options with their default and their validation declared in one expression.</summary>
public static class CommandOptions
{
    /// <summary>An option whose default --help shows as <c>[default: value]</c>.</summary>
    public static Option<T> WithDefault<T>(string name, string description, T defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    /// <summary>Adds a validator: a value for which <paramref name="isValid"/> is false is a usage error with <paramref name="message"/>.</summary>
    public static Option<T> Require<T>(this Option<T> option, Func<T, bool> isValid, string message)
    {
        option.Validators.Add(result =>
        {
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                // Not a value of the type at all ("--port abc"): the parser reports that error itself.
                return;
            }
            if (!isValid(value))
            {
                result.AddError(message);
            }
        });
        return option;
    }

    /// <summary>Adds a validator whose message depends on the value: <paramref name="problem"/> returns null for a good value.</summary>
    public static Option<T> Check<T>(this Option<T> option, Func<T, string?> problem)
    {
        option.Validators.Add(result =>
        {
            if (problem(result.GetValueOrDefault<T>()) is { } message)
            {
                result.AddError(message);
            }
        });
        return option;
    }

    /// <summary>
    /// An enum option whose values --help shows in lower case (<c>&lt;none|guided|feather&gt;</c>, <c>[default: none]</c>),
    /// as the README writes them; parsing ignores case either way. Its default is the enum's zero value (an absent
    /// option reads as <c>default(T)</c>), since --help would print a default value in the enum's own case.
    /// </summary>
    public static Option<T> LowerCaseChoice<T>(string name, string description)
        where T : struct, Enum =>
        new(name)
        {
            Description = $"{description} [default: {default(T).ToString().ToLowerInvariant()}]",
            HelpName = string.Join('|', Enum.GetNames<T>().Select(value => value.ToLowerInvariant())),
        };

    /// <summary>Requires <paramref name="min"/> &lt;= value &lt;= <paramref name="max"/> ("--name must be between min and max").</summary>
    public static Option<int> Between(this Option<int> option, int min, int max) =>
        option.Require(value => value >= min && value <= max, $"{option.Name} must be between {min} and {max}");
}
