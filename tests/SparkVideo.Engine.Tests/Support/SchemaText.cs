namespace SparkVideo.Engine.Tests.Support;

/// <summary>
/// The short schema notation of the vector files: "a:int, b:string not null, s:struct&lt;x:int, y:double&gt;"
/// (types string, int, double, struct; "not null" makes a field non-nullable).
/// </summary>
internal static class SchemaText
{
    public static StructType Parse(string text) => new(SplitTopLevel(text).Select(ParseField));

    private static StructField ParseField(string text)
    {
        text = text.Trim();
        bool notNull = text.EndsWith(" not null", StringComparison.Ordinal);
        if (notNull)
        {
            text = text[..^" not null".Length];
        }
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return new StructField(text[..colon].Trim(), ParseType(text[(colon + 1)..].Trim()), isNullable: !notNull);
    }

    private static DataType ParseType(string text) => text switch
    {
        "string" => new StringType(),
        "int" => new IntegerType(),
        "double" => new DoubleType(),
        _ when text.StartsWith("struct<", StringComparison.Ordinal) && text.EndsWith('>') => Parse(text["struct<".Length..^1]),
        _ => throw new FormatException($"Unknown type in a vector schema: {text}"),
    };

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }
}
