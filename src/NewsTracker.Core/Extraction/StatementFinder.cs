namespace NewsTracker.Core.Extraction;

/// <summary>
/// Reported statements: a person (name, description or pronoun, not a possessive) followed, after at most three
/// auxiliaries or adverbs ("has", "also", "openly") or one parenthetical (", who hosted the talks,"), by a reporting verb ("insisted", "confirmed", "told X that").
/// The claim is the reported clause: from after the verb (and after "that") to the end of the sentence. Verbs that
/// take any object ("signaled a shift", "stressed the implications") report something only with "that" or
/// "on"/"for"; "said", "insisted" and their kin report without. Sentences with quotation marks or ending in a colon
/// are left to the quote finder, which attributes the quoted words themselves.
/// </summary>
internal static class StatementFinder
{
    /// <summary>Reporting verbs whose object is the reported clause even without "that" ("said Russia would ...").</summary>
    static readonly WordSet BareClauseVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "insisted", "insists", "claimed", "claims", "argued", "argues", "warned", "warns", "added", "believes", "told",
    };

    public static List<RawClaim> Find(ArticleText a, SpeakerResolver speakers, IReadOnlyList<RawClaim> quotes)
    {
        var claims = new List<RawClaim>();
        int q = 0;
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            int end = a.SentenceEnd(s);
            var sentence = a.Sentences[s];
            while (q < quotes.Count && quotes[q].Sentence.End <= sentence.Start) q++;
            bool quoted = q < quotes.Count && quotes[q].Sentence.Start < sentence.End;
            if (quoted || sentence.Of(a.Text).AsSpan().IndexOfAny("\"“”") >= 0 || a.IsPunct(end - 1, ':')) continue;
            foreach (var r in speakers.In(s))
            {
                if (r.Possessive) continue;
                int verb = speakers.VerbAfter(r.Last, end, Lexicon.ReportingVerbs);
                if (verb < 0) continue;
                int start = verb + 1;
                // "told reporters that", "conveyed to European leaders that": the clause starts after "that".
                bool that = false;
                for (int i = start; i < end && i <= verb + 6; i++)
                    if (a.Is(i, "that")) { start = i + 1; that = true; break; }
                if (!that && !a.IsIn(verb, BareClauseVerbs) && !a.Is(start, "on") && !a.Is(start, "for")) continue;
                int last = end - 1;
                while (last >= start && a.Tokens[last].Kind == TokenKind.Punct) last--;
                if (last - start < 2 || !a.Tokens[start].IsWord) continue;
                var span = new TextSpan(a.Tokens[start].Start, a.Tokens[last].End);
                claims.Add(new RawClaim(r.Actor, ClaimKind.Statement, span, a.Sentences[s]));
                break; // one statement per sentence: its first reporting clause covers the rest
            }
        }
        return claims;
    }
}
