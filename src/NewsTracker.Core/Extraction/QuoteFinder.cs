using System.Buffers;
using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>A claim before topics are attached: who, which words, which sentence(s).</summary>
internal readonly record struct RawClaim(int Speaker, ClaimKind Kind, TextSpan Span, TextSpan Sentence);

/// <summary>
/// Direct quotes and who said them. Quotation marks are paired per line (curly, straight, and single quotes
/// that are not apostrophes); a quote inside another quote belongs to the outer one. The speaker is, in order:
/// a name or pronoun with a speech verb right after the closing mark ("..." Trump said / said Trump);
/// "according to X"; the subject of the clause before the opening mark ("Trump revealed that Putin had '...'" is
/// Trump's); a person named after the quote ("as suggested by envoy X"); the only person the sentence refers to;
/// the speaker of the quote just before (a quote continuing after "Trump said."); the subject of a sentence
/// ending in a colon just before. Quotes nobody says ("so-called 'x'", quotes with no person around) are dropped.
/// </summary>
internal static class QuoteFinder
{
    readonly record struct QuoteMarks(int Open, int Close, bool Closed); // char index of each mark; Close is the line end when unclosed

    public static List<RawClaim> Find(ArticleText a, SpeakerResolver speakers)
    {
        var claims = new List<RawClaim>();
        int previousSpeaker = -1, previousSentence = -10;
        // Quotes left open at a line's end whose speaker is named only where the quote goes on, on the next line.
        var pending = new List<(TextSpan Span, TextSpan Sentence, int Paragraph)>();
        foreach (var q in Pair(a.Text))
        {
            int innerStart = q.Open + 1, innerEnd = q.Close;
            while (innerStart < innerEnd && char.IsWhiteSpace(a.Text[innerStart])) innerStart++;
            // The comma before a closing mark ('"positive," he said') is the sentence's, not the speaker's.
            while (innerEnd > innerStart && (char.IsWhiteSpace(a.Text[innerEnd - 1]) || a.Text[innerEnd - 1] is ',' or ';' or ':')) innerEnd--;
            if (innerEnd - innerStart < 2) continue;
            int openTok = FirstTokenAt(a, q.Open);
            int closeTok = FirstTokenAt(a, q.Close); // for an unclosed quote: the first token after its line
            int s0 = a.SentenceOfToken[openTok];
            int s1 = a.SentenceOfToken[Math.Max(openTok, closeTok - (q.Closed ? 0 : 1))];
            if (IsScareQuote(a, openTok)) continue;
            int speaker = Attribute(a, speakers, openTok, closeTok, s0, s1);
            if (speaker < 0 && !HasAnyPerson(speakers, s0, s1) && !HasOwnAttribution(a, openTok, closeTok, s0, s1))
            {
                if (previousSpeaker >= 0 && s0 - previousSentence <= 1 && a.ParagraphOfSentence[s0] - a.ParagraphOfSentence[Math.Max(previousSentence, 0)] <= 1)
                    speaker = previousSpeaker; // a quote running on after its attribution
                else if (s0 > 0 && EndsWithColon(a, s0 - 1))
                    speaker = speakers.FirstPerson(s0 - 1, a.SentenceTokenStart[s0 - 1], a.SentenceEnd(s0 - 1), possessiveOk: false);
            }
            var sentence = new TextSpan(a.Sentences[s0].Start, a.Sentences[s1].End);
            if (speaker < 0)
            {
                if (!q.Closed && !HasAnyPerson(speakers, s0, s1)) pending.Add((new TextSpan(innerStart, innerEnd), sentence, a.ParagraphOfSentence[s0]));
                else pending.Clear();
                continue;
            }
            if (pending.Count > 0 && pending[^1].Paragraph == a.ParagraphOfSentence[s0] - 1 && a.Sentences[s0].Start == LineStart(a.Text, q.Open))
                foreach (var p in pending) claims.Add(new RawClaim(speaker, ClaimKind.Quote, p.Span, p.Sentence));
            pending.Clear();
            claims.Add(new RawClaim(speaker, ClaimKind.Quote, new TextSpan(innerStart, innerEnd), sentence));
            previousSpeaker = speaker;
            previousSentence = s1;
        }
        claims.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return claims;
    }

    static int LineStart(string text, int index)
    {
        int start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        while (start < index && char.IsWhiteSpace(text[start])) start++;
        return start;
    }

    static int Attribute(ArticleText a, SpeakerResolver speakers, int openTok, int closeTok, int s0, int s1)
    {
        // "..." Trump said / "...," said Trump / "...," the French president told reporters
        int after = closeTok + 1;
        if (a.IsPunct(after, ',')) after++;
        if (after < a.SentenceEnd(s1))
        {
            if (a.IsIn(after, Lexicon.SpeechVerbs) && speakers.At(s1, after + 1) is { Possessive: false } r1) return r1.Actor;
            // '..." Kremlin spokesman Dmitry Peskov said': the person before the verb, not the organisation in his title.
            int verb = -1, person = -1, organization = -1;
            for (int i = after; i < a.SentenceEnd(s1) && i <= after + 8 && verb < 0; i++)
            {
                if (speakers.At(s1, i) is { Possessive: false } r)
                {
                    if (r.Person) person = r.Actor; else if (organization < 0) organization = r.Actor;
                    i = r.Last;
                    verb = speakers.SpeechVerbAfter(r.Last, a.SentenceEnd(s1));
                    continue;
                }
                var tok = a.Tokens[i];
                if (!(tok.IsWord && (tok.Capitalized || a.IsIn(i, Lexicon.RoleNouns) || a.IsIn(i, Lexicon.RoleModifiers) || a.IsIn(i, Lexicon.Demonyms)) || a.IsPunct(i, '.'))) break;
            }
            if (verb >= 0 && (person >= 0 || organization >= 0)) return person >= 0 ? person : organization;
        }
        for (int s = s0; s <= s1; s++)
        {
            int start = a.SentenceTokenStart[s], end = a.SentenceEnd(s);
            for (int t = start; t + 2 < end; t++)
                if (a.Is(t, "according") && a.Is(t + 1, "to") && speakers.At(s, t + 2) is { } r) return r.Actor;
        }
        int subject = speakers.SubjectBefore(s0, openTok);
        if (subject >= 0) return subject;
        int afterQuote = speakers.FirstPerson(s1, closeTok, a.SentenceEnd(s1), possessiveOk: false);
        if (afterQuote >= 0) return afterQuote;
        int only = speakers.OnlyPerson(s0);
        if (only >= 0) return only;
        return speakers.FirstOrganization(s0, a.SentenceTokenStart[s0], openTok);
    }

    static bool HasAnyPerson(SpeakerResolver speakers, int s0, int s1)
    {
        for (int s = s0; s <= s1; s++)
            foreach (var r in speakers.In(s))
                if (r.Person) return true;
        return false;
    }

    /// <summary>A speech verb outside the quote ('"...," a senior official said'): someone unnamed speaks, not the last speaker.</summary>
    static bool HasOwnAttribution(ArticleText a, int openTok, int closeTok, int s0, int s1)
    {
        for (int t = a.SentenceTokenStart[s0]; t < a.SentenceEnd(s1); t++)
        {
            if (t >= openTok && t <= closeTok) continue;
            if (a.IsIn(t, Lexicon.SpeechVerbs)) return true;
        }
        return false;
    }

    static bool EndsWithColon(ArticleText a, int sentence)
    {
        int last = a.SentenceEnd(sentence) - 1;
        return last >= a.SentenceTokenStart[sentence] && a.IsPunct(last, ':');
    }

    /// <summary>'so-called "x"', 'dubbed "x"', 'the term "x"': the writer's own distance, not anyone's words.</summary>
    static bool IsScareQuote(ArticleText a, int openTok)
    {
        int p = openTok - 1;
        if (a.Is(p, "called") && a.IsPunct(p - 1, '-') && a.Is(p - 2, "so")) return true;
        if (a.Is(p, "called") && a.Is(p - 1, "so")) return true;
        return a.Is(p, "dubbed") || a.Is(p, "termed") || a.Is(p, "labelled") || a.Is(p, "labeled") || a.Is(p, "branded")
               || (a.Is(p, "as") && a.Is(p - 1, "known")) || (a.Is(p, "term") && a.Is(p - 1, "the")) || (a.Is(p, "word") && a.Is(p - 1, "the"));
    }

    /// <summary>The first token starting at or after <paramref name="charIndex"/> (Tokens.Length if none).</summary>
    static int FirstTokenAt(ArticleText a, int charIndex)
    {
        int lo = 0, hi = a.Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (a.Tokens[mid].Start < charIndex) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    static readonly SearchValues<char> QuotationMarks = SearchValues.Create("“”\"‘’'");

    /// <summary>
    /// Pairs quotation marks line by line. Double quotes (curly or straight) nest single ones, which are then
    /// ignored; single quotes count only at the top level and only where they cannot be apostrophes.
    /// An opening mark left unclosed runs to the end of its line (multi-paragraph quotes reopen on the next line).
    /// </summary>
    static IEnumerable<QuoteMarks> Pair(string text)
    {
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.Length;
            int open = -1;
            char openChar = '\0';
            for (int i = lineStart; i < lineEnd; i++)
            {
                // Only a quotation mark opens or closes a quote, so the scan jumps from one to the next.
                int toMark = text.AsSpan(i, lineEnd - i).IndexOfAny(QuotationMarks);
                if (toMark < 0) break;
                i += toMark;
                char c = text[i];
                bool before = i == lineStart || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or '-' or ':';
                bool afterLetter = i + 1 < lineEnd && !char.IsWhiteSpace(text[i + 1]);
                if (open < 0)
                {
                    if (c == '“' || (c == '"' && before && afterLetter) || ((c == '‘' || c == '\'') && before && afterLetter && char.IsLetterOrDigit(text[i + 1])))
                    {
                        open = i;
                        openChar = c;
                    }
                    continue;
                }
                bool closes = openChar switch
                {
                    '“' => c == '”' || c == '"',
                    '"' => c == '"' || c == '”',
                    _ => (c == '’' || c == '\'') && (i + 1 >= lineEnd || !char.IsLetter(text[i + 1])),
                };
                if (!closes) continue;
                yield return new QuoteMarks(open, i, true);
                open = -1;
            }
            if (open >= 0 && openChar is '“' or '"') yield return new QuoteMarks(open, lineEnd, false);
            lineStart = lineEnd + 1;
        }
    }
}
