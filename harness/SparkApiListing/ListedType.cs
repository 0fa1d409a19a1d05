namespace SparkVideo.SparkApi;

/// <summary>One type of the listing: its header line (<c>sealed class Microsoft.Spark.Sql.Column : Base, IFace</c>) and its member lines.</summary>
public sealed record ListedType(string Header, IReadOnlyList<string> Members)
{
    private static readonly string[] Kinds = ["class", "interface", "enum", "struct"];

    /// <summary>The words before the name: <c>sealed class</c>, <c>static class</c>, <c>interface</c>, <c>enum</c>.</summary>
    public string Modifiers => string.Join(' ', HeaderWords.TakeWhile(w => !IsKindWord(w)).Append(Kind));

    /// <summary>class, interface, enum or struct.</summary>
    public string Kind => HeaderWords.First(IsKindWord);

    /// <summary>The full name with its type parameters: <c>Microsoft.Spark.ML.Feature.JavaModel&lt;M&gt;</c>.</summary>
    public string FullName => HeaderWords.SkipWhile(w => !IsKindWord(w)).Skip(1).First();

    /// <summary>The full name without type parameters.</summary>
    public string Name => FullName.Split('<')[0];

    public string Namespace => Name[..Name.LastIndexOf('.')];

    /// <summary>The simple name with its type parameters: <c>JavaModel&lt;M&gt;</c>.</summary>
    public string SimpleName => FullName[(Name.LastIndexOf('.') + 1)..];

    /// <summary>What follows the name: <c>: Base, IFace where M : Constraint</c>, or empty.</summary>
    public string Tail
    {
        get
        {
            var afterKind = Header[(Header.IndexOf(" " + Kind + " ", StringComparison.Ordinal) + Kind.Length + 2)..];
            return afterKind[FullName.Length..].Trim();
        }
    }

    /// <summary>The base class and interfaces after ':', as written (up to any 'where').</summary>
    public IReadOnlyList<string> BaseNames
    {
        get
        {
            if (!Tail.StartsWith(':'))
            {
                return [];
            }
            var where = Tail.IndexOf(" where ", StringComparison.Ordinal);
            return ExplicitImplementations.SplitTopLevel(where < 0 ? Tail[1..] : Tail[1..where]);
        }
    }

    private IEnumerable<string> HeaderWords => Header.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsKindWord(string word) => Kinds.Contains(word);
}
