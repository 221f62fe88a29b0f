using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>An actor as one article knows it: a story actor or a person discovered in the text.</summary>
/// <param name="storyTitleWords">The title words of the story actor's role, if any; copied, as the article adds its own.</param>
internal sealed class ArticleActor(string name, ActorKind kind, string? role, bool discovered, HashSet<string>? storyTitleWords = null)
{
    public string Name { get; } = name;
    public ActorKind Kind { get; } = kind;
    public string? Role { get; set; } = role;
    public bool Discovered { get; } = discovered;
    public List<string> Forms { get; } = [];
    /// <summary>Words of every title seen for this actor (case-insensitive), for resolving "the French president".</summary>
    // Copying a set with the same comparer copies its buckets; adding its words one by one would rehash them.
    public HashSet<string> TitleWords { get; } = storyTitleWords is null
        ? new(StringComparer.OrdinalIgnoreCase)
        : new(storyTitleWords, storyTitleWords.Comparer);
    public bool FullNameSeen { get; set; }

    public bool HasTitleWord(ReadOnlySpan<char> word) => TitleWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Adds a title word, allocating its string only when it is new.</summary>
    public void AddTitleWord(ReadOnlySpan<char> word)
    {
        if (!HasTitleWord(word)) TitleWords.Add(word.ToString());
    }
}

/// <summary>Where an actor is referred to: by a name (alias, surname) or by a description ("the French president").</summary>
internal readonly record struct Mention(int Actor, int First, int Last, bool Possessive, bool ByName);

/// <summary>
/// Finds actors in an article. Story actors match by any alias (a token trie, case-sensitive so "trump card"
/// is no one); a story person whose surname is not an alias matches by surname once the full name appeared.
/// People the story does not list are discovered from a capitalized name with evidence that it is a person:
/// a title or nationality before it ("NATO Secretary General Mark Rutte", "Russian Alexander Vinnik"),
/// an appositive role ("Kirill Dmitriev, a Kremlin official"), or a speech verb after it ("Jane Doe said").
/// Bylines and headline-case lines never yield people. Descriptions ("the French president") resolve to the
/// latest actor whose titles contain their words.
/// </summary>
internal sealed class ActorMatcher
{
    readonly IReadOnlyList<StoryActor> storyActors;
    readonly PhraseTrie aliases = new(ignoreCase: false);
    readonly PhraseTrie surnames = new(ignoreCase: false);
    readonly HashSet<string>[] storyTitleWords;

    public ActorMatcher(StoryDefinition story)
    {
        storyActors = story.Actors;
        storyTitleWords = new HashSet<string>[storyActors.Count];
        for (int i = 0; i < storyActors.Count; i++)
        {
            var a = storyActors[i];
            aliases.Add(a.Name, i);
            foreach (var alias in a.Aliases) aliases.Add(alias, i);
            if (a.Kind == ActorKind.Person)
            {
                var parts = a.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 1) surnames.Add(parts[^1], i);
            }
            storyTitleWords[i] = TitleWordsOf(a.Role);
        }
    }

    /// <summary>The words of a role, plus the demonym of any country it names ("President of France" adds "french").</summary>
    static HashSet<string> TitleWordsOf(string? role)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(role)) return words;
        foreach (var t in Tokenizer.Tokenize(role))
            if (t.IsWord) words.Add(role[t.Start..t.End]);
        foreach (var (country, demonyms) in Lexicon.DemonymsByCountry)
            if (role.Contains(country, StringComparison.OrdinalIgnoreCase)) words.UnionWith(demonyms);
        return words;
    }

    public (List<ArticleActor> Actors, List<Mention> Mentions) Find(ArticleText a)
    {
        var actors = new List<ArticleActor>();
        var mentions = new List<Mention>();
        var byStoryIndex = new Dictionary<int, int>();
        var discoveredSurnames = new Dictionary<string, int>(StringComparer.Ordinal);
        var surnameLookup = discoveredSurnames.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = a.Tokens;
        var text = a.Text;

        for (int s = 0; s < a.Sentences.Count; s++)
        {
            int end = a.SentenceEnd(s);
            bool heading = a.IsHeading(s);
            bool byline = IsBylineSentence(a, s);
            for (int t = a.SentenceTokenStart[s]; t < end; t++)
            {
                if (!tokens[t].IsWord) continue;
                int story = aliases.Match(text, tokens, t, end, out int len);
                if (story < 0)
                {
                    story = surnames.Match(text, tokens, t, end, out len);
                    if (story >= 0 && !(byStoryIndex.TryGetValue(story, out var seen) && actors[seen].FullNameSeen)) story = -1;
                }
                if (story >= 0)
                {
                    int id = StoryActorId(story, actors, byStoryIndex);
                    var actor = actors[id];
                    if (len > 1 || storyActors[story].Kind == ActorKind.Organization) actor.FullNameSeen = true;
                    AddForm(actor, text[tokens[t].Start..tokens[t + len - 1].End]);
                    LearnTitle(a, t, actor);
                    mentions.Add(new Mention(id, t, t + len - 1, tokens[t + len - 1].Possessive, true));
                    t += len - 1;
                    continue;
                }
                if (a.Is(t, "the")) { TryDescription(a, t, actors, mentions); continue; }
                if (!tokens[t].Capitalized) continue;
                bool nameGoesOn = t + 1 < end && (tokens[t + 1].IsWord ? tokens[t + 1].Capitalized || Lexicon.NameParticles.Contains(a.Word(t + 1))
                                                       : a.IsPunct(t + 1, '-') && tokens[t].End == tokens[t + 1].Start);
                int nameLen = tokens[t].Possessive || !nameGoesOn || heading || byline || a.IsIn(t, Lexicon.Titles) ? 0 : NameLength(a, t, end);
                if (nameLen == 0 || !LooksLikePerson(a, t, nameLen, end))
                {
                    // A discovered person's surname alone ("Fogel", "Fogel's"). A title ("Mr Zelensky") starts no name itself.
                    if (discoveredSurnames.Count > 0 && surnameLookup.TryGetValue(a.Word(t), out var known))
                        mentions.Add(new Mention(known, t, t, tokens[t].Possessive, true));
                    continue;
                }
                string name = text[tokens[t].Start..tokens[t + nameLen - 1].End];
                int pid = DiscoveredId(name, actors, discoveredSurnames, a.Word(t + nameLen - 1).ToString());
                var person = actors[pid];
                person.FullNameSeen = true;
                AddForm(person, name);
                var role = LearnTitle(a, t, person) ?? AppositiveRole(a, t + nameLen, end) ?? RoleBeforeComma(a, t);
                person.Role ??= role;
                if (role is not null) foreach (var w in role.Split(' ')) person.TitleWords.Add(w);
                mentions.Add(new Mention(pid, t, t + nameLen - 1, tokens[t + nameLen - 1].Possessive, true));
                t += nameLen - 1;
            }
        }
        return (actors, mentions);
    }

    int StoryActorId(int story, List<ArticleActor> actors, Dictionary<int, int> byStoryIndex)
    {
        if (byStoryIndex.TryGetValue(story, out var id)) return id;
        var s = storyActors[story];
        var actor = new ArticleActor(s.Name, s.Kind, s.Role, discovered: false, storyTitleWords[story]);
        actors.Add(actor);
        return byStoryIndex[story] = actors.Count - 1;
    }

    /// <summary>Discovered people merge by surname when their first names agree ("Steve"/"Steven", "J."/"John").</summary>
    static int DiscoveredId(string name, List<ArticleActor> actors, Dictionary<string, int> bySurname, string surname)
    {
        if (bySurname.TryGetValue(surname, out var id) && FirstNamesAgree(actors[id].Name, name)) return id;
        actors.Add(new ArticleActor(name, ActorKind.Person, null, discovered: true));
        id = actors.Count - 1;
        bySurname.TryAdd(surname, id);
        return id;
    }

    static bool FirstNamesAgree(string a, string b)
    {
        var fa = a.Split(' ')[0].TrimEnd('.');
        var fb = b.Split(' ')[0].TrimEnd('.');
        return fa.StartsWith(fb, StringComparison.OrdinalIgnoreCase) || fb.StartsWith(fa, StringComparison.OrdinalIgnoreCase);
    }

    static void AddForm(ArticleActor actor, string form)
    {
        if (!actor.Forms.Contains(form)) actor.Forms.Add(form);
    }

    /// <summary>Lines that credit the writer ("By Jane Doe", "Author: Jane Doe", "Reporting by ...").</summary>
    static bool IsBylineSentence(ArticleText a, int s)
    {
        int start = a.SentenceTokenStart[s], end = a.SentenceEnd(s);
        for (int t = start; t < end && t < start + 3; t++)
            if (a.IsIn(t, Lexicon.BylineWords)) return true;
        return false;
    }

    /// <summary>How many tokens from <paramref name="t"/> form a person-shaped name (2-4 words), or 0.</summary>
    static int NameLength(ArticleText a, int t, int end)
    {
        var tokens = a.Tokens;
        int n = 0, fullWords = 0, hyphens = 0;
        while (t + n < end && n < 5 + hyphens)
        {
            var tok = tokens[t + n];
            // "Jean-Noel Barrot": a hyphen joining two capitalized words without spaces stays inside the name.
            if (n > 0 && a.IsPunct(t + n, '-') && t + n + 1 < end && tokens[t + n + 1].Capitalized
                && tokens[t + n - 1].End == tok.Start && tok.End == tokens[t + n + 1].Start && !tokens[t + n - 1].Possessive)
            {
                n++;
                hyphens++;
                continue;
            }
            if (!tok.IsWord) break;
            var w = a.Word(t + n);
            bool initial = w.Length <= 4 && w[^1] == '.';
            bool particle = !tok.Capitalized && Lexicon.NameParticles.Contains(w) && t + n + 1 < end
                            && (tokens[t + n + 1].Capitalized || Lexicon.NameParticles.Contains(a.Word(t + n + 1))); // "von der Leyen"
            bool nameWord = tok.Capitalized && !initial && w.Length >= 2 && char.IsLower(w[1])
                && !Lexicon.NotNameWords.Contains(w)
                && !Lexicon.Demonyms.Contains(w)
                && !Lexicon.RoleNouns.Contains(w)
                && Lexicon.Month(w) == 0 && Lexicon.Weekday(w) is null;
            if (!(nameWord || initial || particle)) break;
            if (nameWord) fullWords++;
            n++;
            if (tok.Possessive) break;
        }
        if (n - hyphens > 4 || fullWords == 0 || n - hyphens < 2) return 0;
        // A name ends on a real name word, not an initial or particle.
        var lastWord = a.Word(t + n - 1);
        if (lastWord[^1] == '.' || !tokens[t + n - 1].Capitalized) return 0;
        return n;
    }

    /// <summary>Evidence that a name belongs to a person: a title or nationality before it, a role after it, a speech verb.</summary>
    static bool LooksLikePerson(ArticleText a, int t, int len, int end)
    {
        int after = t + len;
        if (a.IsIn(after, Lexicon.BylineWords)) return false; // "James Carter Senior News Editor"
        if (after < end && a.Tokens[after].IsWord && a.Tokens[after].Capitalized) return false; // part of a longer proper name
        int before = t - 1;
        if (a.IsPunct(before, '.') && a.IsIn(before - 1, Lexicon.Titles)) return true;
        if (a.IsIn(before, Lexicon.Titles) || a.IsIn(before, Lexicon.RoleNouns) || a.IsIn(before, Lexicon.Demonyms)) return true;
        if (a.IsPunct(before, ',') && a.IsIn(before - 1, Lexicon.RoleNouns)) return true; // "A Kremlin official, Kirill Dmitriev,"
        // "Ambassador to NATO Matthew Whitaker", "Minister of Defence Jane Doe": a role noun a few title words back.
        for (int i = before; i >= before - 3 && i >= a.SentenceTokenStart[a.SentenceOfToken[t]]; i--)
        {
            if (a.IsIn(i, Lexicon.RoleNouns)) return i < before;
            if (!(a.Tokens[i].IsWord && (a.Tokens[i].Capitalized || a.Is(i, "of") || a.Is(i, "to") || a.Is(i, "for")))) break;
        }
        if (a.IsIn(after, Lexicon.SpeechVerbs)) return true;
        return AppositiveRole(a, after, end) is not null;
    }

    /// <summary>
    /// ", a Kremlin official" / ", chair of the committee" / ", Ukraine's ambassador" after a name: the role words up to
    /// and including the role noun. Without an article the role noun must come first or second.
    /// </summary>
    static string? AppositiveRole(ArticleText a, int after, int end)
    {
        if (!a.IsPunct(after, ',')) return null;
        bool article = a.Is(after + 1, "a") || a.Is(after + 1, "an") || a.Is(after + 1, "the");
        int first = article ? after + 2 : after + 1;
        int reach = article ? 6 : 2;
        for (int i = first; i < end && i < first + reach; i++)
        {
            if (!a.Tokens[i].IsWord) return null;
            if (a.IsIn(i, Lexicon.RoleNouns))
                return a.Text[a.Tokens[first].Start..a.Tokens[i].End];
        }
        return null;
    }

    /// <summary>"A Kremlin official, Kirill Dmitriev": the role words before the comma, back to the article or start.</summary>
    static string? RoleBeforeComma(ArticleText a, int t)
    {
        int roleNoun = t - 2;
        if (!a.IsPunct(t - 1, ',') || !a.IsIn(roleNoun, Lexicon.RoleNouns)) return null;
        int first = roleNoun, floor = a.SentenceTokenStart[a.SentenceOfToken[t]];
        while (first - 1 >= floor && first > roleNoun - 4 && a.Tokens[first - 1].IsWord && !a.IsIn(first - 1, Lexicon.FunctionWords)) first--;
        return a.Text[a.Tokens[first].Start..a.Tokens[roleNoun].End];
    }

    /// <summary>
    /// The title written right before a name ("French President", "NATO Secretary General", "U.S. envoy"), added
    /// to the actor's title words. Returns it, or null when the words before the name are no title.
    /// </summary>
    static string? LearnTitle(ArticleText a, int t, ArticleActor actor)
    {
        int s = a.SentenceTokenStart[a.SentenceOfToken[t]];
        int first = t;
        for (int i = t - 1; i >= s && i >= t - 5; i--)
        {
            var tok = a.Tokens[i];
            if (!tok.IsWord || tok.Possessive) break;
            bool titleWord = a.IsIn(i, Lexicon.RoleNouns) || a.IsIn(i, Lexicon.RoleModifiers) || a.IsIn(i, Lexicon.Demonyms) || a.IsIn(i, Lexicon.Titles)
                || IsAcronym(a.Word(i)) || (tok.Capitalized && !a.IsIn(i, Lexicon.FunctionWords) && i > s);
            if (!titleWord || (a.Is(i, "of") && !a.IsIn(i - 1, Lexicon.RoleNouns))) break;
            first = i;
        }
        // Trim leading words that are no part of a title (a sentence's first word, a place).
        while (first < t && !(a.IsIn(first, Lexicon.RoleNouns) || a.IsIn(first, Lexicon.RoleModifiers) || a.IsIn(first, Lexicon.Demonyms)
                              || a.IsIn(first, Lexicon.Titles) || IsAcronym(a.Word(first))))
            first++;
        bool hasRole = false;
        for (int i = first; i < t; i++) hasRole |= a.IsIn(i, Lexicon.RoleNouns) || a.IsIn(i, Lexicon.Titles) || a.IsIn(i, Lexicon.Demonyms);
        if (first >= t || !hasRole) return null;
        for (int i = first; i < t; i++) actor.AddTitleWord(a.Word(i));
        return a.Text[a.Tokens[first].Start..a.Tokens[t - 1].End];
    }

    static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length < 2) return false;
        foreach (var c in w) if (!(char.IsUpper(c) || c == '.')) return false;
        return true;
    }

    /// <summary>
    /// "the French president", "the Ukrainian leader", "The President's": a definite description that names a
    /// role, resolved to the most recently mentioned actor whose title words hold all its qualifiers and its head
    /// (generic heads such as "leader" or "official" only need the qualifiers).
    /// </summary>
    static void TryDescription(ArticleText a, int t, List<ArticleActor> actors, List<Mention> mentions)
    {
        if (!a.Is(t, "the")) return;
        int end = a.SentenceEnd(a.SentenceOfToken[t]);
        int head = -1;
        for (int i = t + 1; i < end && i <= t + 4; i++)
        {
            if (!a.Tokens[i].IsWord) return;
            if (a.IsIn(i, Lexicon.RoleNouns)) { head = i; break; }
            if (!(a.IsIn(i, Lexicon.Demonyms) || a.IsIn(i, Lexicon.RoleModifiers) || IsAcronym(a.Word(i)))) return;
        }
        if (head < 0) return;
        while (head + 1 < end && !a.Tokens[head].Possessive && a.IsIn(head + 1, Lexicon.RoleNouns)) head++; // "the secretary general"
        bool nameFollows = !a.Tokens[head].Possessive && head + 1 < end && a.Tokens[head + 1].IsWord && a.Tokens[head + 1].Capitalized;
        if (nameFollows) return; // "the President Trump": the name itself is the mention
        bool generic = a.Is(head, "leader") || a.Is(head, "official");
        for (int m = mentions.Count - 1; m >= 0; m--)
        {
            var actor = actors[mentions[m].Actor];
            if (actor.Kind != ActorKind.Person) continue;
            bool fits = generic || actor.HasTitleWord(a.Word(head));
            for (int i = t + 1; i < head && fits; i++) fits = actor.HasTitleWord(a.Word(i));
            if (!fits) continue;
            if (generic && head == t + 1) return; // "the leader" alone is too vague
            mentions.Add(new Mention(mentions[m].Actor, t, head, a.Tokens[head].Possessive, false));
            return;
        }
    }
}
