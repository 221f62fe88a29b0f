using System.Buffers;
using System.Text;

namespace NewsTracker.Core.Feeds;

/// <summary>Text made fit for an XML 1.0 document the app writes: characters XML forbids are dropped, since a writer would otherwise throw on them.</summary>
public static class XmlChars
{
    static readonly SearchValues<char> Suspect = SearchValues.Create(SuspectChars());

    static string SuspectChars()
    {
        var chars = new StringBuilder();
        for (char c = '\0'; c < ' '; c++)
            if (c is not ('\t' or '\n' or '\r')) chars.Append(c);
        for (char c = '\uD800'; c <= '\uDFFF'; c++) chars.Append(c);
        return chars.Append('\uFFFE').Append('\uFFFF').ToString();
    }

    /// <summary>The text without C0 controls other than tab, CR and LF, lone surrogates, U+FFFE and U+FFFF; the same string when it has none.</summary>
    public static string Valid(string text)
    {
        int first = text.AsSpan().IndexOfAny(Suspect);
        if (first < 0) return text;
        var kept = new StringBuilder(text.Length);
        kept.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
                continue;
            }
            if (!Suspect.Contains(c)) kept.Append(c);
        }
        return kept.ToString();
    }
}
