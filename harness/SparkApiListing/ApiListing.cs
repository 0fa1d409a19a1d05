namespace SparkVideo.SparkApi;

/// <summary>
/// The listing of a package's public API: one type a line (<c>kind Namespace.Type : bases where constraints</c>),
/// its constructors, properties, fields and methods indented two spaces below, types outside System fully qualified.
/// </summary>
public sealed class ApiListing
{
    private readonly Dictionary<string, ListedType> _byName;

    private ApiListing(IReadOnlyList<ListedType> types)
    {
        Types = types;
        _byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ListedType> Types { get; }

    /// <summary>The listed type of that full name (without type parameters), or null.</summary>
    public ListedType? Find(string fullName) => _byName.GetValueOrDefault(fullName);

    public static ApiListing Read(string path) => Parse(File.ReadAllLines(path));

    public static ApiListing Parse(IEnumerable<string> lines)
    {
        var types = new List<ListedType>();
        string? header = null;
        var members = new List<string>();
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal))
            {
                if (header is null)
                {
                    throw new FormatException($"a member line before any type: '{line}'");
                }
                members.Add(line.Trim());
                continue;
            }
            if (header is not null)
            {
                types.Add(new ListedType(header, members));
            }
            header = line.Trim();
            members = [];
        }
        if (header is not null)
        {
            types.Add(new ListedType(header, members));
        }
        return new ApiListing(types);
    }
}
