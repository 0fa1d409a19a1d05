using System.CommandLine;

namespace SparkVideo.CommandLine;

/// <summary>
/// Options declared together with the property of the options record each one sets, so that an option is declared,
/// added to its command and mapped onto the record in one place.
/// </summary>
public sealed class RecordOptions<TRecord>
    where TRecord : class
{
    private readonly List<Option> _options = [];
    private readonly List<Func<TRecord, ParseResult, TRecord>> _setters = [];

    /// <summary>Declares <paramref name="option"/>, whose value <paramref name="set"/> puts into the record (with a <c>with</c> expression).</summary>
    public Option<TValue> Add<TValue>(Option<TValue> option, Func<TRecord, TValue, TRecord> set)
    {
        _options.Add(option);
        // Every option bound here has a default or is nullable, so the parsed value is what the record holds.
        _setters.Add((record, result) => set(record, result.GetValue(option)!));
        return option;
    }

    /// <summary>Declares <paramref name="option"/> whose value the caller maps onto the record itself.</summary>
    public Option<TValue> Add<TValue>(Option<TValue> option)
    {
        _options.Add(option);
        return option;
    }

    /// <summary>Adds every declared option to <paramref name="command"/>, in the order they were declared.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in _options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The record with every declared option's value set on <paramref name="defaults"/>.</summary>
    public TRecord Bind(ParseResult result, TRecord defaults) =>
        _setters.Aggregate(defaults, (record, set) => set(record, result));
}
