using System.Globalization;
using System.Text;

namespace SparkVideo.Engine.Execution.Expressions;

/// <summary>
/// Parses the small SQL condition language DataFrame.Filter(string) accepts in the engine: column names, literals,
/// IS [NOT] NULL, =, ==, !=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=, AND, OR, NOT and parentheses.
/// </summary>
internal sealed class ConditionParser
{
    private readonly string _text;
    private int _pos;

    private ConditionParser(string text) => _text = text;

    public static Expression Parse(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var parser = new ConditionParser(condition);
        Expression result = parser.ParseOr();
        parser.SkipSpace();
        return parser._pos == condition.Length ? result : throw parser.Error("unexpected text");
    }

    private Expression ParseOr()
    {
        Expression left = ParseAnd();
        while (TryKeyword("OR"))
        {
            left = new LogicalExpression(left, ParseAnd(), isAnd: false);
        }
        return left;
    }

    private Expression ParseAnd()
    {
        Expression left = ParseNot();
        while (TryKeyword("AND"))
        {
            left = new LogicalExpression(left, ParseNot(), isAnd: true);
        }
        return left;
    }

    private Expression ParseNot() => TryKeyword("NOT") ? new NotExpression(ParseNot()) : ParsePredicate();

    private Expression ParsePredicate()
    {
        Expression left = ParseOperand();
        if (TryKeyword("IS"))
        {
            bool negated = TryKeyword("NOT");
            return TryKeyword("NULL") ? new IsNullExpression(left, negated) : throw Error("expected NULL");
        }
        SkipSpace();
        foreach (string op in new[] { "==", "!=", "<>", "<=", ">=", "=", "<", ">" })
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                string normalized = op switch { "==" => "=", "<>" => "!=", _ => op };
                return new ComparisonExpression(left, ParseOperand(), normalized);
            }
        }
        return left;
    }

    private Expression ParseOperand()
    {
        SkipSpace();
        char c = Peek();
        if (c == '(')
        {
            _pos++;
            Expression inner = ParseOr();
            SkipSpace();
            return Peek() == ')' ? Advance(inner) : throw Error("expected ')'");
        }
        if (c is '\'' or '"')
        {
            return new LiteralExpression(ReadString(c));
        }
        if (char.IsDigit(c) || (c == '-' && char.IsDigit(PeekAt(1))))
        {
            return new LiteralExpression(ReadNumber());
        }
        if (TryKeyword("NULL")) return new LiteralExpression(null);
        if (TryKeyword("TRUE")) return new LiteralExpression(true);
        if (TryKeyword("FALSE")) return new LiteralExpression(false);
        return ReadIdentifier();
    }

    private Expression ReadIdentifier()
    {
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '`')
            {
                int close = _text.IndexOf('`', _pos + 1);
                _pos = close < 0 ? throw Error("unclosed backtick") : close + 1;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '.')
            {
                _pos++;
            }
            else
            {
                break;
            }
        }
        return _pos > start ? ColumnReference.Parse(_text[start.._pos]) : throw Error("expected a column, literal or '('");
    }

    private string ReadString(char quote)
    {
        var value = new StringBuilder();
        _pos++;
        while (_pos < _text.Length)
        {
            char c = _text[_pos++];
            if (c == '\\' && _pos < _text.Length)
            {
                value.Append(_text[_pos++]);
            }
            else if (c == quote)
            {
                return value.ToString();
            }
            else
            {
                value.Append(c);
            }
        }
        throw Error("unterminated string literal");
    }

    private object ReadNumber()
    {
        int start = _pos;
        _pos++;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E'))
        {
            _pos++;
        }
        string number = _text[start.._pos];
        if (int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i)) return i;
        if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : throw Error($"bad number {number}");
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        int end = _pos + keyword.Length;
        bool matches = end <= _text.Length
            && string.Compare(_text, _pos, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (end == _text.Length || !(char.IsLetterOrDigit(_text[end]) || _text[end] is '_' or '.'));
        if (matches)
        {
            _pos = end;
        }
        return matches;
    }

    private Expression Advance(Expression e)
    {
        _pos++;
        return e;
    }

    private char Peek() => PeekAt(0);

    private char PeekAt(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private AnalysisException Error(string what) =>
        new($"[PARSE_SYNTAX_ERROR] Cannot parse the condition \"{_text}\" at position {_pos}: {what}.");
}
