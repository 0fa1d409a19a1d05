namespace SparkVideo.SparkApi;

/// <summary>
/// Members of a listed interface that a listed class implements without a public member of the same signature (the
/// package implements them explicitly, so the listing, which shows public members, does not show them): written as
/// explicit implementations so the stand-in compiles and the class still converts to the interface.
/// </summary>
internal static class ExplicitImplementations
{
    public static IEnumerable<string> For(ListedType type, ApiListing listing)
    {
        if (type.Kind != "class")
        {
            yield break;
        }
        var available = PublicMembersWithBases(type, listing).Select(Normalized).ToHashSet(StringComparer.Ordinal);
        foreach (var (interfaceName, interfaceType) in Interfaces(type, listing))
        {
            var arguments = TypeArguments(interfaceName);
            foreach (var member in interfaceType.Members)
            {
                var concrete = Substitute(member, TypeParameters(interfaceType.FullName), arguments);
                if (!available.Contains(Normalized(concrete)))
                {
                    yield return ExplicitMember(concrete, interfaceName);
                }
            }
        }
    }

    private static string ExplicitMember(string member, string interfaceName)
    {
        var open = member.IndexOf('(', StringComparison.Ordinal);
        var property = member.IndexOf(" { ", StringComparison.Ordinal);
        var end = open >= 0 && (property < 0 || open < property) ? open : property;
        var nameStart = member.LastIndexOf(' ', end - 1) + 1;
        var qualified = member[..nameStart] + interfaceName + "." + member[nameStart..];
        var body = property >= 0 && (open < 0 || property < open)
            ? qualified[..qualified.IndexOf(" { ", StringComparison.Ordinal)] + " { get => throw null; }"
            : qualified + " => throw null;";
        return StandInWriter.Qualify(body);
    }

    private static IEnumerable<string> PublicMembersWithBases(ListedType type, ApiListing listing)
    {
        for (ListedType? current = type; current is not null; current = BaseClass(current, listing))
        {
            foreach (var member in current.Members)
            {
                yield return member;
            }
        }
    }

    private static ListedType? BaseClass(ListedType type, ApiListing listing) =>
        BaseList(type).Select(b => listing.Find(b.Split('<')[0])).FirstOrDefault(t => t is { Kind: "class" });

    private static IEnumerable<(string Name, ListedType Type)> Interfaces(ListedType type, ApiListing listing)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<ListedType>([type]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            foreach (var name in BaseList(current))
            {
                if (listing.Find(name.Split('<')[0]) is not { } listed)
                {
                    continue;
                }
                if (listed.Kind == "class")
                {
                    pending.Enqueue(listed);
                }
                else if (listed.Kind == "interface" && seen.Add(name))
                {
                    yield return (name, listed);
                    pending.Enqueue(listed);
                }
            }
        }
    }

    private static IEnumerable<string> BaseList(ListedType type) => type.BaseNames;

    private static List<string> TypeParameters(string fullName) =>
        fullName.Contains('<', StringComparison.Ordinal) ? SplitTopLevel(fullName[(fullName.IndexOf('<') + 1)..^1]) : [];

    private static List<string> TypeArguments(string name) => TypeParameters(name);

    private static string Substitute(string member, List<string> parameters, List<string> arguments)
    {
        for (var i = 0; i < parameters.Count && i < arguments.Count; i++)
        {
            member = System.Text.RegularExpressions.Regex.Replace(member, $@"\b{parameters[i]}\b", arguments[i]);
        }
        return member;
    }

    /// <summary>A member's signature without modifiers and parameter names, for matching an implementation.</summary>
    private static string Normalized(string member)
    {
        var words = member.Split(' ').SkipWhile(w => w is "static" or "virtual" or "override" or "abstract");
        var text = string.Join(' ', words);
        return System.Text.RegularExpressions.Regex.Replace(text, @" \w+(?=[,)])| = [^,)]+", "");
    }

    internal static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<' or '(' or '[':
                    depth++;
                    break;
                case '>' or ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(text[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }
        if (text[start..].Trim().Length > 0)
        {
            parts.Add(text[start..].Trim());
        }
        return parts;
    }
}
