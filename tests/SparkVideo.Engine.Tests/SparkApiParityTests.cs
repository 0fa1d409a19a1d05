using System.Reflection;
using SparkVideo.ChildProcesses;
using SparkVideo.SparkApi;

namespace SparkVideo.Engine.Tests;

/// <summary>
/// The engine keeps Spark's shape where it claims to: every public type of SparkVideo.Engine.Sql (and .Streaming,
/// .Types) is a type of Microsoft.Spark 2.3.1 under the same name, and each of its public members is listed there with
/// the same signature (parameter names, defaults and modifiers included). The engine may offer fewer members
/// (API-PARITY.md says which); engine-only API lives outside these namespaces.
/// </summary>
public sealed class SparkApiParityTests
{
    private const string EngineNamespace = "SparkVideo.Engine.Sql";
    private const string SparkNamespace = "Microsoft.Spark.Sql";

    private static readonly ApiListing Listing =
        ApiListing.Read(RepoPaths.InRepo("harness/MicrosoftSparkStandIn/microsoft-spark-2.3.1-api.txt"));

    private static IEnumerable<Type> EngineSqlTypes => typeof(SparkSession).Assembly.GetExportedTypes()
        .Where(t => t.Namespace is { } ns && (ns == EngineNamespace || ns.StartsWith(EngineNamespace + ".", StringComparison.Ordinal)));

    [Fact]
    public void Every_public_type_of_the_engines_Sql_namespaces_is_a_Microsoft_Spark_type_of_the_same_name()
    {
        var missing = EngineSqlTypes.Select(SparkName).Where(name => Listing.Find(name) is null).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "engine types Microsoft.Spark 2.3.1 does not have: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_public_member_of_those_types_has_the_signature_Microsoft_Spark_gives_it()
    {
        var differences =
            from pair in EngineTypesWithTheirSparkTypes
            from member in pair.Type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            let signature = ListingSignature.Of(member, MapNamespace)
            where signature is not null && !pair.Listed.Members.Contains(signature)
            select $"{pair.Listed.Name}: {signature}" + Nearest(pair.Listed, signature);

        var found = differences.Order(StringComparer.Ordinal).ToList();
        Assert.True(found.Count == 0, "engine members not in Microsoft.Spark 2.3.1 as written:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Each_engine_type_derives_from_and_implements_only_what_its_Spark_type_does()
    {
        // Interfaces a System base brings (Exception's ISerializable) come with that base on both sides.
        var differences =
            from pair in EngineTypesWithTheirSparkTypes
            let sparkBases = Ancestors(pair.Listed).ToHashSet(StringComparer.Ordinal)
            from engineBase in pair.Type.GetInterfaces().Except(pair.Type.BaseType?.GetInterfaces() ?? []).Prepend(pair.Type.BaseType)
            where engineBase is not null && engineBase != typeof(object) && engineBase != typeof(ValueType) && engineBase != typeof(Enum)
            let name = ListingSignature.TypeName(engineBase, MapNamespace)
            where !sparkBases.Contains(name)
            select $"{pair.Listed.Name}: {name}";

        var found = differences.ToList();
        Assert.True(found.Count == 0, "engine bases Microsoft.Spark 2.3.1's types do not have:\n" + string.Join("\n", found));
    }

    [Fact]
    public void A_member_Spark_does_not_have_is_caught()
    {
        // The check itself: a signature differing from Spark's only in a parameter name is not in the listing.
        var column = Listing.Find("Microsoft.Spark.Sql.Column")!;
        var alias = typeof(Column).GetMethod(nameof(Column.Alias))!;

        Assert.Contains(ListingSignature.Of(alias, MapNamespace), column.Members);
        Assert.DoesNotContain(ListingSignature.Of(alias, MapNamespace)!.Replace("alias)", "name)", StringComparison.Ordinal), column.Members);
    }

    /// <summary>Every base type and interface of a listed type, through the listed bases.</summary>
    private static IEnumerable<string> Ancestors(ListedType type)
    {
        foreach (var name in type.BaseNames)
        {
            yield return name;
            if (Listing.Find(name.Split('<')[0]) is { } listedBase)
            {
                foreach (var ancestor in Ancestors(listedBase))
                {
                    yield return ancestor;
                }
            }
        }
    }

    private static IEnumerable<(Type Type, ListedType Listed)> EngineTypesWithTheirSparkTypes =>
        EngineSqlTypes.Select(t => (t, Listing.Find(SparkName(t)))).Where(p => p.Item2 is not null).Select(p => (p.t, p.Item2!));

    private static string SparkName(Type type) => ListingSignature.TypeName(type, MapNamespace).Split('<')[0];

    private static string MapNamespace(string ns) =>
        ns == EngineNamespace || ns.StartsWith(EngineNamespace + ".", StringComparison.Ordinal) ? SparkNamespace + ns[EngineNamespace.Length..] : ns;

    /// <summary>Spark's members of the same name, to show how they differ.</summary>
    private static string Nearest(ListedType listed, string signature)
    {
        var name = signature.Split('(')[0].Split(' ')[^1];
        var sameName = listed.Members.Where(m => m.Split('(')[0].Split(' ')[^1] == name).ToList();
        return sameName.Count == 0 ? "   (no member of that name)" : "   (Spark: " + string.Join(" | ", sameName) + ")";
    }
}
