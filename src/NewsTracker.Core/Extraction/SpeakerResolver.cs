using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>A reference to an actor inside a sentence: a name, a description or a resolved pronoun.</summary>
internal readonly record struct Reference(int First, int Last, int Actor, bool Possessive, bool Person);

/// <summary>
/// Who a sentence is about, for attributing what is said in it. Collects every sentence's references
/// (names, descriptions, and he/she/his/her resolved to the subject of the nearest earlier sentence that
/// names a person) and answers "the clause subject before this point" and "the name after this point".
/// </summary>
internal sealed class SpeakerResolver
{
    readonly ArticleText article;
    readonly List<Reference>[] bySentence;

    public SpeakerResolver(ArticleText article, List<ArticleActor> actors, List<Mention> mentions)
    {
        this.article = article;
        bySentence = new List<Reference>[article.Sentences.Count];
        for (int s = 0; s < bySentence.Length; s++) bySentence[s] = [];
        foreach (var m in mentions)
            bySentence[article.SentenceOfToken[m.First]].Add(new Reference(m.First, m.Last, m.Actor, m.Possessive, actors[m.Actor].Kind == ActorKind.Person));
        for (int s = 0; s < bySentence.Length; s++)
        {
            var refs = bySentence[s];
            refs.Sort((x, y) => x.First.CompareTo(y.First));
            for (int t = article.SentenceTokenStart[s]; t < article.SentenceEnd(s); t++)
            {
                if (article.Tokens[t].Length is < 2 or > 3 || !article.IsIn(t, Lexicon.PersonalPronouns)) continue;
                bool subject = article.IsIn(t, Lexicon.SubjectPronouns);
                int actor = ResolvePronoun(s, t);
                if (actor >= 0) InsertSorted(refs, new Reference(t, t, actor, !subject, true));
            }
        }
    }

    static void InsertSorted(List<Reference> refs, Reference r)
    {
        int i = refs.Count;
        while (i > 0 && refs[i - 1].First > r.First) i--;
        refs.Insert(i, r);
    }

    public IReadOnlyList<Reference> In(int sentence) => bySentence[sentence];

    /// <summary>A pronoun means the subject (first person named, not as a possessive) earlier in its sentence, else the first person of the nearest earlier sentence naming one.</summary>
    int ResolvePronoun(int sentence, int token)
    {
        foreach (var r in bySentence[sentence])
        {
            if (r.First >= token) break;
            if (r.Person && !r.Possessive) return r.Actor;
        }
        for (int s = sentence - 1; s >= 0 && s >= sentence - 4; s--)
            foreach (var r in bySentence[s])
                if (r.Person) return r.Actor;
        return -1;
    }

    /// <summary>
    /// The subject of the clause that holds <paramref name="token"/>: the first person (not a possessive) between the
    /// clause start and the token who is followed by a speech verb ("Asked whether Putin would join, Leavitt said:"),
    /// else the first person there at all; a clause starts at the sentence start or after ", while", "; ", ", but",
    /// "whereas". Falls back to the sentence's first such person before the token.
    /// </summary>
    public int SubjectBefore(int sentence, int token)
    {
        int start = article.SentenceTokenStart[sentence];
        int clause = start;
        for (int t = token - 1; t > start; t--)
        {
            // ", while Macron stressed" (the comma may sit inside a closing quote: '...,” while')
            bool afterPunct = t > start && article.Tokens[t - 1].Kind == TokenKind.Punct;
            if (article.IsPunct(t, ';') || article.Is(t, "whereas") || ((article.Is(t, "while") || article.Is(t, "but")) && afterPunct))
            {
                clause = t + 1;
                break;
            }
        }
        int found = FirstSpeaker(sentence, clause, token);
        if (found < 0) found = FirstPerson(sentence, clause, token, possessiveOk: false);
        return found >= 0 || clause == start ? found : FirstPerson(sentence, start, token, possessiveOk: false);
    }

    /// <summary>The first person in [from, to) followed, after at most three auxiliaries or adverbs, by a speech verb.</summary>
    int FirstSpeaker(int sentence, int from, int to)
    {
        foreach (var r in bySentence[sentence])
        {
            if (r.First < from || r.First >= to || !r.Person || r.Possessive) continue;
            if (SpeechVerbAfter(r.Last, to) >= 0) return r.Actor;
        }
        return -1;
    }

    /// <summary>The speech verb right after a reference (skipping "has", "also", "-ly" adverbs...), or -1.</summary>
    public int SpeechVerbAfter(int last, int limit) => VerbAfter(last, limit, Lexicon.SpeechVerbs);

    /// <summary>
    /// A verb of <paramref name="verbs"/> right after a reference, skipping auxiliaries, "-ly" adverbs and one
    /// parenthetical between commas ("Merz, who hosted the talks, said"; "Peskov, asked about it, said"), or -1.
    /// </summary>
    public int VerbAfter(int last, int limit, WordSet verbs)
    {
        int i = last + 1;
        if (article.IsPunct(i, ','))
        {
            int close = i + 1;
            while (close < limit && close <= i + 16 && !article.IsPunct(close, ',')) close++;
            if (close >= limit || close > i + 16) return -1;
            i = close + 1;
        }
        for (int stop = i + 3; i < limit && i <= stop; i++)
        {
            if (article.IsIn(i, verbs)) return i;
            if (!(article.IsIn(i, Lexicon.Auxiliaries) || article.Word(i).EndsWith("ly", StringComparison.Ordinal))) return -1;
        }
        return -1;
    }

    /// <summary>The first person referred to in [from, to) of a sentence.</summary>
    public int FirstPerson(int sentence, int from, int to, bool possessiveOk)
    {
        foreach (var r in bySentence[sentence])
            if (r.First >= from && r.First < to && r.Person && (possessiveOk || !r.Possessive)) return r.Actor;
        return -1;
    }

    /// <summary>The single person a sentence refers to, if it refers to exactly one (possessives included).</summary>
    public int OnlyPerson(int sentence)
    {
        int only = -1;
        foreach (var r in bySentence[sentence])
        {
            if (!r.Person) continue;
            if (only >= 0 && only != r.Actor) return -1;
            only = r.Actor;
        }
        return only;
    }

    /// <summary>An organisation that is the clause subject, when no person is ("the Kremlin said").</summary>
    public int FirstOrganization(int sentence, int from, int to)
    {
        foreach (var r in bySentence[sentence])
            if (r.First >= from && r.First < to && !r.Person && !r.Possessive) return r.Actor;
        return -1;
    }

    /// <summary>The reference that starts exactly at <paramref name="token"/>, if any.</summary>
    public Reference? At(int sentence, int token)
    {
        foreach (var r in bySentence[sentence])
            if (r.First == token) return r;
        return null;
    }
}
