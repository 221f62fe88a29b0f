using System.Buffers;

namespace NewsTracker.Core.Extraction;

internal enum TokenKind : byte { Word, Punct }

/// <summary>
/// One word or punctuation mark of an article. Words keep internal apostrophes ("can't") and
/// dotted initials ("U.S.", "J.D."); a possessive "'s" is not a token of its own but a flag on its word,
/// so "Trump's" matches the alias "Trump" and still tells rules that it is not a clause subject.
/// </summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind, bool Capitalized, bool Possessive)
{
    public int Length => End - Start;
    public bool IsWord => Kind == TokenKind.Word;
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, End - Start);
}

internal static class Tokenizer
{
    public static Token[] Tokenize(string text)
    {
        // Every token holds at least one character, so a buffer as long as the text never grows; it is pooled,
        // and only the exact array is allocated (a growing list cost three arrays of tokens per article).
        var buffer = ArrayPool<Token>.Shared.Rent(text.Length);
        try
        {
            int count = Tokenize(text, buffer);
            return buffer.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(buffer);
        }
    }

    static int Tokenize(string text, Token[] tokens)
    {
        int count = 0;
        int n = text.Length, i = 0;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (!char.IsLetterOrDigit(c))
            {
                tokens[count++] = new Token(i, i + 1, TokenKind.Punct, false, false);
                i++;
                continue;
            }
            int start = i;
            bool possessive = false;
            int end;
            if (IsInitialAt(text, i))
            {
                // "J." "J.D." "U.S.": letters each followed by a dot.
                int j = i;
                while (IsInitialAt(text, j)) j += 2;
                end = j;
            }
            else
            {
                int j = i;
                while (j < n)
                {
                    char d = text[j];
                    if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) is System.Globalization.UnicodeCategory.NonSpacingMark) { j++; continue; }
                    if (IsApostrophe(d))
                    {
                        bool sAfter = j + 1 < n && (text[j + 1] == 's' || text[j + 1] == 'S') && (j + 2 >= n || !char.IsLetterOrDigit(text[j + 2]));
                        if (sAfter) { possessive = true; end = j; tokens[count++] = Word(text, start, end, possessive); i = j + 2; goto next; }
                        if (j + 1 < n && char.IsLetter(text[j + 1])) { j++; continue; } // can't, O'Brien
                        if (j > start && (text[j - 1] == 's' || text[j - 1] == 'S') && (j + 1 >= n || !char.IsLetterOrDigit(text[j + 1])))
                        { possessive = true; tokens[count++] = Word(text, start, j, possessive); i = j + 1; goto next; } // leaders'
                        break;
                    }
                    // 1,000 and 5.5 stay one number.
                    if ((d == ',' || d == '.') && j + 1 < n && char.IsDigit(text[j + 1]) && char.IsDigit(text[j - 1])) { j++; continue; }
                    break;
                }
                end = j;
            }
            tokens[count++] = Word(text, start, end, possessive);
            i = end;
        next:;
        }
        return count;
    }

    static Token Word(string text, int start, int end, bool possessive) =>
        new(start, end, TokenKind.Word, char.IsUpper(text[start]), possessive);

    /// <summary>A single letter followed by a dot, not part of a longer word ("J." in "J. D. Vance", "U" in "U.S.").</summary>
    static bool IsInitialAt(string text, int i) =>
        i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.'
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';
}
