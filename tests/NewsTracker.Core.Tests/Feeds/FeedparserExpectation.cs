using System.Globalization;
using System.Text;
using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

public enum Verdict { Pass, Fail, NotApplicable }

/// <summary>
/// Evaluates feedparser's "Expect:" lines, which are Python expressions over feedparser's result dict, against
/// a <see cref="ParsedFeed"/>. A tiny interpreter for the forms the corpus uses: and/or/not, chained == and !=,
/// subscripts, attribute access, has_key/get, ord/len, and str/number/tuple/dict/None literals.
/// Keys the app does not model (tags, enclosures, rights, bozo, version, ...) make a check "not applicable";
/// a conjunction is applicable when any of its parts is.
/// </summary>
public static class FeedparserExpectation
{
    public static (Verdict Verdict, string Detail) Evaluate(string expression, ParsedFeed? feed, string? parseError)
    {
        var tree = new ExpressionParser(expression).ParseAll();
        var scope = new Scope(feed);
        var verdict = Condition(tree, scope);
        if (verdict == Verdict.NotApplicable)
            return (verdict, "nothing the app models is checked");
        if (feed is null)
            return (Verdict.Fail, "parse failed: " + parseError);
        return (verdict, verdict == Verdict.Pass ? "" : $"{scope.Error} got {Describe(feed)}");
    }

    private static string Describe(ParsedFeed feed)
    {
        var first = feed.Items.Count > 0 ? feed.Items[0] : null;
        return $"encoding={feed.Encoding} feed.title={feed.Title} feed.link={feed.Link} items={feed.Items.Count} " +
            (first is null ? "" : $"entries[0]={first}");
    }

    // ---- values ----

    /// <summary>A key that feedparser would have but the app does not model.</summary>
    private sealed class NotModeledException : Exception;

    /// <summary>What raises in Python (KeyError, IndexError, TypeError): the expectation fails.</summary>
    private sealed class PythonErrorException(string message) : Exception(message);

    /// <summary>A feedparser dict restricted to the keys the app models; a null value is an absent key.</summary>
    private sealed class Mapping(Dictionary<string, object?> modeled)
    {
        public object? this[string key] =>
            modeled.TryGetValue(key, out var value)
                ? value ?? throw new PythonErrorException("KeyError: " + key)
                : throw new NotModeledException();

        public bool HasKey(string key) =>
            modeled.TryGetValue(key, out var value) ? value is not null : throw new NotModeledException();
    }

    /// <summary>A list whose missing elements are empty mappings, so unmodeled keys stay recognisable after a failed parse.</summary>
    private sealed class MappingList(IReadOnlyList<Mapping> items, Func<Mapping> empty)
    {
        public Mapping this[int index] => index >= 0 && index < items.Count ? items[index] : empty();
        public int Count => items.Count;
    }

    private sealed record BoundMethod(Mapping Target, string Name);

    /// <summary>
    /// A charset name, equal to a string that names the same charset in any case ("Big5", "big5"): charset names are
    /// case-insensitive (RFC 2978), and chardet, which feedparser reports for a detected charset, writes them in upper case.
    /// </summary>
    private sealed record CharsetName(string Name);

    private sealed class Scope(ParsedFeed? feed)
    {
        /// <summary>The last Python error raised while evaluating, for the failure message.</summary>
        public string? Error { get; set; }

        public object? Lookup(string name) => name switch
        {
            "entries" => new MappingList(feed?.Items.Select(Entry).ToList() ?? [], () => Entry(null)),
            "feed" => new Mapping(new() { ["title"] = feed?.Title, ["link"] = feed?.Link }),
            "encoding" => feed?.Encoding is { } encoding ? new CharsetName(encoding) : throw new PythonErrorException("no encoding"),
            "None" => null,
            "True" => true,
            "False" => false,
            _ => throw new NotModeledException(), // bozo, bozo_exception, version, feedparser, datetime
        };

        private static Mapping Entry(FeedItem? item) => new(new()
        {
            ["title"] = item?.Title,
            ["link"] = item?.Link,
            ["id"] = item?.Id,
            ["guid"] = item?.Id,
            ["description"] = item?.Summary,
            ["summary"] = item?.Summary,
            ["content"] = new MappingList([new Mapping(new() { ["value"] = item?.Content })], () => new Mapping([])),
            ["author"] = item?.Author,
            ["author_detail"] = new Mapping(new() { ["name"] = item?.Author }),
            ["title_detail"] = new Mapping(new() { ["value"] = item?.Title }),
            ["summary_detail"] = new Mapping(new() { ["value"] = item?.Summary }),
            ["published_parsed"] = item?.Published is { } published ? TimeTupleOf(published) : null,
            ["updated_parsed"] = item?.Updated is { } updated ? TimeTupleOf(updated) : null,
        });
    }

    /// <summary>Python's time.struct_time in UTC: (year, month, day, hour, minute, second, weekday Mon=0, yearday, isdst=0).</summary>
    public static List<object?> TimeTupleOf(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return [(long)utc.Year, (long)utc.Month, (long)utc.Day, (long)utc.Hour, (long)utc.Minute, (long)utc.Second,
            (long)(((int)utc.DayOfWeek + 6) % 7), (long)utc.DayOfYear, 0L];
    }

    // ---- evaluation ----

    private static Verdict Condition(Node node, Scope scope)
    {
        switch (node)
        {
            case Not not:
                return Condition(not.Operand, scope) switch
                {
                    Verdict.Pass => Verdict.Fail,
                    Verdict.Fail => Verdict.Pass,
                    _ => Verdict.NotApplicable,
                };
            case Logical logical:
            {
                var verdicts = logical.Operands.Select(operand => Condition(operand, scope)).ToList();
                if (verdicts.All(v => v == Verdict.NotApplicable))
                    return Verdict.NotApplicable;
                var decisive = logical.IsAnd ? Verdict.Fail : Verdict.Pass;
                return verdicts.Contains(decisive) ? decisive : logical.IsAnd ? Verdict.Pass : Verdict.Fail;
            }
            case Literal:
                return Verdict.NotApplicable; // "Expect: 1" only says "does not crash"
            default:
                try
                {
                    return Truthy(Value(node, scope)) ? Verdict.Pass : Verdict.Fail;
                }
                catch (NotModeledException)
                {
                    return Verdict.NotApplicable;
                }
                catch (PythonErrorException e)
                {
                    scope.Error = e.Message + ";";
                    return Verdict.Fail;
                }
        }
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long n => n != 0,
        double d => d != 0,
        string s => s.Length > 0,
        CharsetName => true,
        List<object?> list => list.Count > 0,
        MappingList list => list.Count > 0,
        _ => true,
    };

    private static object? Value(Node node, Scope scope) => node switch
    {
        Literal literal => literal.Value,
        Name name => scope.Lookup(name.Identifier),
        TupleNode tuple => tuple.Items.Select(item => Value(item, scope)).ToList(),
        DictNode dict => dict.Entries.ToDictionary(entry => (string)Value(entry.Key, scope)!, entry => Value(entry.Value, scope)),
        Subscript subscript => Index(Value(subscript.Target, scope), Value(subscript.Index, scope)),
        Attribute attribute => Value(attribute.Target, scope) switch
        {
            Mapping mapping when attribute.Member is "has_key" or "get" => new BoundMethod(mapping, attribute.Member),
            Mapping mapping => mapping[attribute.Member],
            _ => throw new NotModeledException(),
        },
        Call call => Invoke(call, scope),
        Comparison comparison => Compare(comparison, scope),
        Not or Logical => Condition(node, scope) switch
        {
            Verdict.Pass => true,
            Verdict.Fail => false,
            _ => throw new NotModeledException(),
        },
        _ => throw new InvalidOperationException("unknown node " + node),
    };

    private static object? Index(object? target, object? index) => (target, index) switch
    {
        (Mapping mapping, string key) => mapping[key],
        (MappingList list, long i) => list[(int)i],
        (List<object?> list, long i) => i >= 0 && i < list.Count ? list[(int)i] : throw new PythonErrorException("IndexError"),
        (string text, long i) => i >= 0 && i < text.Length ? text[(int)i].ToString() : throw new PythonErrorException("IndexError"),
        _ => throw new PythonErrorException($"cannot index {target} with {index}"),
    };

    private static object? Invoke(Call call, Scope scope)
    {
        if (call.Function is Name { Identifier: "isinstance" })
            throw new NotModeledException();
        var arguments = call.Arguments.Select(argument => Value(argument, scope)).ToList();
        switch (call.Function)
        {
            case Name { Identifier: "ord" }:
                return arguments[0] is string { Length: 1 } character ? (long)character[0] : throw new PythonErrorException("ord() expects one character");
            case Name { Identifier: "len" }:
                return arguments[0] switch
                {
                    string text => (long)text.Length,
                    List<object?> list => (long)list.Count,
                    MappingList list => (long)list.Count,
                    _ => throw new PythonErrorException("len() of unsized object"),
                };
        }
        return Value(call.Function, scope) switch
        {
            BoundMethod { Name: "has_key" } method => method.Target.HasKey((string)arguments[0]!),
            BoundMethod { Name: "get" } method => method.Target.HasKey((string)arguments[0]!) ? method.Target[(string)arguments[0]!] : null,
            _ => throw new NotModeledException(),
        };
    }

    private static bool Compare(Comparison comparison, Scope scope)
    {
        var values = comparison.Operands.Select(operand => Value(operand, scope)).ToList();
        for (int i = 0; i < comparison.Operators.Count; i++)
        {
            bool equal = PythonEquals(values[i], values[i + 1]);
            if (equal != (comparison.Operators[i] == "=="))
                return false;
        }
        return true;
    }

    private static bool PythonEquals(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (long a, long b) => a == b,
        (long a, double b) => a == b,
        (double a, long b) => a == b,
        (double a, double b) => a == b,
        (bool a, bool b) => a == b,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (CharsetName a, string b) => string.Equals(a.Name, b, StringComparison.OrdinalIgnoreCase),
        (string a, CharsetName b) => string.Equals(a, b.Name, StringComparison.OrdinalIgnoreCase),
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => PythonEquals(pair.First, pair.Second)),
        (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && PythonEquals(pair.Value, other)),
        _ => false,
    };

    // ---- syntax ----

    private abstract record Node;
    private sealed record Literal(object? Value) : Node;
    private sealed record Name(string Identifier) : Node;
    private sealed record TupleNode(List<Node> Items) : Node;
    private sealed record DictNode(List<KeyValuePair<Node, Node>> Entries) : Node;
    private sealed record Subscript(Node Target, Node Index) : Node;
    private sealed record Attribute(Node Target, string Member) : Node;
    private sealed record Call(Node Function, List<Node> Arguments) : Node;
    private sealed record Comparison(List<Node> Operands, List<string> Operators) : Node;
    private sealed record Not(Node Operand) : Node;
    private sealed record Logical(bool IsAnd, List<Node> Operands) : Node;

    private enum TokenKind { Name, String, Number, Symbol, End }

    private sealed record Token(TokenKind Kind, string Text, object? Value = null);

    /// <summary>Recursive descent over Python's precedence: or, and, not, comparison, postfix, atom.</summary>
    private sealed class ExpressionParser(string source)
    {
        private readonly List<Token> tokens = Tokenize(source);
        private int position;

        private Token Current => tokens[position];

        public Node ParseAll()
        {
            var node = ParseOr();
            if (Current.Kind != TokenKind.End)
                throw new FormatException($"unexpected '{Current.Text}' in: {source}");
            return node;
        }

        private bool Accept(string text)
        {
            if ((Current.Kind is TokenKind.Symbol or TokenKind.Name) && Current.Text == text)
            {
                position++;
                return true;
            }
            return false;
        }

        private void Expect(string text)
        {
            if (!Accept(text))
                throw new FormatException($"expected '{text}' but found '{Current.Text}' in: {source}");
        }

        private Node ParseOr() => ParseLogical("or", ParseAnd, isAnd: false);

        private Node ParseAnd() => ParseLogical("and", ParseNot, isAnd: true);

        private Node ParseLogical(string keyword, Func<Node> operand, bool isAnd)
        {
            var operands = new List<Node> { operand() };
            while (Accept(keyword))
                operands.Add(operand());
            return operands.Count == 1 ? operands[0] : new Logical(isAnd, operands);
        }

        private Node ParseNot() => Accept("not") ? new Not(ParseNot()) : ParseComparison();

        private Node ParseComparison()
        {
            var operands = new List<Node> { ParsePostfix() };
            var operators = new List<string>();
            while (Current.Kind == TokenKind.Symbol && Current.Text is "==" or "!=")
            {
                operators.Add(Current.Text);
                position++;
                operands.Add(ParsePostfix());
            }
            return operators.Count == 0 ? operands[0] : new Comparison(operands, operators);
        }

        private Node ParsePostfix()
        {
            var node = ParseAtom();
            while (true)
            {
                if (Accept("["))
                {
                    node = new Subscript(node, ParseOr());
                    Expect("]");
                }
                else if (Accept("."))
                {
                    node = new Attribute(node, Current.Text);
                    position++;
                }
                else if (Accept("("))
                {
                    var arguments = new List<Node>();
                    while (!Accept(")"))
                    {
                        arguments.Add(ParseOr());
                        Accept(",");
                    }
                    node = new Call(node, arguments);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParseAtom()
        {
            var token = Current;
            position++;
            switch (token.Kind)
            {
                case TokenKind.String:
                    var text = new StringBuilder((string)token.Value!);
                    while (Current.Kind == TokenKind.String) // adjacent literals concatenate
                        text.Append((string)tokens[position++].Value!);
                    return new Literal(text.ToString());
                case TokenKind.Number:
                    return new Literal(token.Value);
                case TokenKind.Name:
                    return new Name(token.Text);
                case TokenKind.Symbol when token.Text == "-" && Current.Kind == TokenKind.Number:
                    var number = tokens[position++].Value;
                    return new Literal(number is long n ? -n : -(double)number!);
                case TokenKind.Symbol when token.Text == "(":
                {
                    var items = new List<Node>();
                    bool isTuple = false;
                    while (!Accept(")"))
                    {
                        items.Add(ParseOr());
                        if (Accept(",")) isTuple = true;
                    }
                    return isTuple || items.Count == 0 ? new TupleNode(items) : items[0];
                }
                case TokenKind.Symbol when token.Text == "{":
                {
                    var entries = new List<KeyValuePair<Node, Node>>();
                    while (!Accept("}"))
                    {
                        var key = ParseOr();
                        Expect(":");
                        entries.Add(new(key, ParseOr()));
                        Accept(",");
                    }
                    return new DictNode(entries);
                }
                default:
                    throw new FormatException($"unexpected '{token.Text}' in: {source}");
            }
        }

        private static List<Token> Tokenize(string source)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < source.Length)
            {
                char c = source[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }
                int prefixLength = 0;
                while (i + prefixLength < source.Length && "uUrRbB".Contains(source[i + prefixLength]) && prefixLength < 2)
                    prefixLength++;
                if (i + prefixLength < source.Length && source[i + prefixLength] is '\'' or '"')
                {
                    bool raw = source.AsSpan(i, prefixLength).ContainsAny('r', 'R');
                    i += prefixLength;
                    tokens.Add(new Token(TokenKind.String, "string", ReadString(source, ref i, raw)));
                    continue;
                }
                if (char.IsLetter(c) || c == '_')
                {
                    int start = i;
                    while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                        i++;
                    tokens.Add(new Token(TokenKind.Name, source[start..i]));
                    continue;
                }
                if (char.IsAsciiDigit(c))
                {
                    int start = i;
                    while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] == '.'))
                        i++;
                    var literal = source[start..i];
                    object value = literal.Contains('.')
                        ? (object)double.Parse(literal, CultureInfo.InvariantCulture)
                        : (object)long.Parse(literal, CultureInfo.InvariantCulture);
                    tokens.Add(new Token(TokenKind.Number, literal, value));
                    continue;
                }
                if (i + 1 < source.Length && source.Substring(i, 2) is "==" or "!=")
                {
                    tokens.Add(new Token(TokenKind.Symbol, source.Substring(i, 2)));
                    i += 2;
                    continue;
                }
                if ("()[]{},.:-".Contains(c))
                {
                    tokens.Add(new Token(TokenKind.Symbol, c.ToString()));
                    i++;
                    continue;
                }
                throw new FormatException($"unexpected character '{c}' in: {source}");
            }
            tokens.Add(new Token(TokenKind.End, "<end>"));
            return tokens;
        }

        private static string ReadString(string source, ref int i, bool raw)
        {
            char quote = source[i];
            bool triple = i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote;
            string terminator = triple ? new string(quote, 3) : quote.ToString();
            i += terminator.Length;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= source.Length)
                    throw new FormatException("unterminated string in: " + source);
                if (string.CompareOrdinal(source, i, terminator, 0, terminator.Length) == 0)
                {
                    i += terminator.Length;
                    return value.ToString();
                }
                char c = source[i++];
                if (c != '\\' || raw)
                {
                    value.Append(c);
                    continue;
                }
                char escape = source[i++];
                switch (escape)
                {
                    case 'n': value.Append('\n'); break;
                    case 't': value.Append('\t'); break;
                    case 'r': value.Append('\r'); break;
                    case '0': value.Append('\0'); break;
                    case '\\' or '\'' or '"': value.Append(escape); break;
                    case 'x': value.Append((char)Convert.ToInt32(source.Substring(i, 2), 16)); i += 2; break;
                    case 'u': value.Append((char)Convert.ToInt32(source.Substring(i, 4), 16)); i += 4; break;
                    case 'U': value.Append(char.ConvertFromUtf32(Convert.ToInt32(source.Substring(i, 8), 16))); i += 8; break;
                    default: value.Append('\\').Append(escape); break;
                }
            }
        }
    }
}
