using System.Text;

namespace SparkVideo.Engine.Sql.Types;

/// <summary>
/// Parses Spark's DDL schema strings: "timestamp DOUBLE, frame_width INT, data STRUCT&lt;a: STRING&gt;",
/// with optional backticked names, NOT NULL and COMMENT 'text'.
/// </summary>
internal sealed class DdlSchemaParser
{
    private readonly string _text;
    private int _pos;

    private DdlSchemaParser(string text) => _text = text;

    /// <summary>Parses a schema given as DDL or as the JSON of a StructType (Spark tries JSON first).</summary>
    public static StructType ParseSchema(string schema)
    {
        string trimmed = schema.Trim();
        if (trimmed.StartsWith('{'))
        {
            return DataType.ParseDataType(trimmed) as StructType
                ?? throw new ArgumentException($"Schema JSON is not a struct: {schema}");
        }
        var parser = new DdlSchemaParser(schema);
        StructType result = parser.ParseFields(endChar: null);
        parser.SkipSpace();
        if (parser._pos != parser._text.Length)
        {
            throw parser.Error("unexpected text");
        }
        return result;
    }

    private StructType ParseFields(char? endChar)
    {
        var fields = new List<StructField>();
        while (true)
        {
            SkipSpace();
            if (endChar is { } end && Peek() == end)
            {
                break;
            }
            string name = ReadName();
            SkipSpace();
            if (Peek() == ':')
            {
                _pos++;
            }
            DataType type = ReadType();
            bool nullable = true;
            while (true)
            {
                SkipSpace();
                if (TryKeyword("NOT"))
                {
                    SkipSpace();
                    if (!TryKeyword("NULL"))
                    {
                        throw Error("expected NULL after NOT");
                    }
                    nullable = false;
                }
                else if (TryKeyword("COMMENT"))
                {
                    SkipSpace();
                    ReadQuoted();
                }
                else
                {
                    break;
                }
            }
            fields.Add(new StructField(name, type, nullable));
            SkipSpace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }
            break;
        }
        if (fields.Count == 0)
        {
            throw Error("a schema needs at least one field");
        }
        return new StructType(fields);
    }

    private DataType ReadType()
    {
        SkipSpace();
        string word = ReadWord().ToUpperInvariant();
        switch (word)
        {
            case "STRING":
                return new StringType();
            case "VARCHAR" or "CHAR":
                SkipParenthesised();
                return new StringType();
            case "DOUBLE":
                return new DoubleType();
            case "FLOAT" or "REAL":
                return new FloatType();
            case "INT" or "INTEGER":
                return new IntegerType();
            case "BIGINT" or "LONG":
                return new LongType();
            case "BOOLEAN":
                return new BooleanType();
            case "TIMESTAMP":
                return new TimestampType();
            case "STRUCT":
                SkipSpace();
                Expect('<');
                StructType inner = ParseFields('>');
                SkipSpace();
                Expect('>');
                return inner;
            default:
                throw Error($"unsupported data type '{word}' (the engine supports STRING, DOUBLE, FLOAT, INT, BIGINT, BOOLEAN, TIMESTAMP, STRUCT)");
        }
    }

    private string ReadName()
    {
        if (Peek() != '`')
        {
            string word = ReadWord();
            return word.Length > 0 ? word : throw Error("expected a field name");
        }
        _pos++;
        var name = new StringBuilder();
        while (_pos < _text.Length)
        {
            char c = _text[_pos++];
            if (c != '`')
            {
                name.Append(c);
            }
            else if (Peek() == '`')
            {
                name.Append('`');
                _pos++;
            }
            else
            {
                return name.ToString();
            }
        }
        throw Error("unterminated backticked name");
    }

    private string ReadWord()
    {
        int start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }
        return _text[start.._pos];
    }

    private void ReadQuoted()
    {
        char quote = Peek();
        if (quote is not ('\'' or '"'))
        {
            throw Error("expected a quoted comment");
        }
        int close = _text.IndexOf(quote, _pos + 1);
        _pos = close < 0 ? throw Error("unterminated comment") : close + 1;
    }

    private void SkipParenthesised()
    {
        SkipSpace();
        if (Peek() == '(')
        {
            int close = _text.IndexOf(')', _pos);
            _pos = close < 0 ? throw Error("unterminated '('") : close + 1;
        }
    }

    private bool TryKeyword(string keyword)
    {
        int save = _pos;
        if (string.Equals(ReadWord(), keyword, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        _pos = save;
        return false;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }
        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private ArgumentException Error(string what) =>
        new($"Cannot parse the schema DDL \"{_text}\" at position {_pos}: {what}.");
}
