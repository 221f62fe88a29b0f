using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>
/// Events: summits, meetings, calls, talks, prisoner exchanges and visits, one per real event in the article.
/// <para>Each trigger word ("summit", "met", "phone call", "prisoner swap"...) reads the part of its sentence
/// nearer to it than to any other trigger. Participants are the people in front of it ("the Trump-Putin call",
/// "Zelenskyy and Trump's February encounter", "their meeting"), after it ("a meeting with X and Y", "met X",
/// "talks between X, Y and Z"), everyone in the sentence for a trilateral meeting or an exchange, and the
/// sentence's subject when that leaves fewer than two. The place is "in/at X" after it or a place name before it
/// ("the Alaska summit"); the date comes from <see cref="DateResolver"/>; planned or held from the nearest cue
/// ("readiness to meet", "scheduled", "next week" vs "after meeting", "last Friday", "took place").</para>
/// <para>Mentions of one event are merged by <see cref="EventMentionMerger"/>. A held event with no date in its text gets the date
/// of the event it happened during ("a call during the White House meetings"), else the month of publication.
/// Events with neither two participants, nor a place, nor one participant and a date say too little and are dropped.</para>
/// </summary>
internal static class EventFinder
{
    static readonly WordSet PlannedCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "would", "could", "may", "might", "plan", "plans", "planned", "planning", "scheduled", "schedule", "expected",
        "expects", "upcoming", "proposed", "possible", "potential", "prospective", "future", "next", "coming", "arrange",
        "arranging", "prepare", "preparing", "readiness", "ready", "willing", "willingness", "hopes", "hope", "wants", "want",
        "invited", "invite", "proposal", "propose", "potentially", "prospect", "possibility", "should", "agenda", "likely", "soon",
        "imagine", "envisage", "envisaged", "envision", "mooted", "floated", "offered", "offer", "offers", "invitation", "due",
    };

    static readonly WordSet HeldCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "met", "hosted", "visited", "held", "took", "concluded", "last", "previous", "ago", "yesterday", "earlier", "recent",
        "recently", "after", "during", "since", "ended", "wrapped", "follows",
    };

    static readonly WordSet FrontingPrepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "after", "during", "following", "before", "despite", "in", "on", "at", "with", "since", "amid", "ahead", "when", "while", "as",
    };

    static readonly WordSet ListPrepositions = new(StringComparer.OrdinalIgnoreCase) { "with", "between", "among", "involving", "including", "featuring", "of" };

    public static List<ExtractedEvent> Find(ArticleText a, List<ArticleActor> actors, List<Mention> mentions, SpeakerResolver refs, DateOnly published)
    {
        var people = new PeopleIndex(a, actors, mentions, refs);
        var drafts = new List<EventDraft>();
        var triggers = new List<(int Token, EventType Type, bool Verb)>();
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            triggers.Clear();
            int start = a.SentenceTokenStart[s], end = a.SentenceEnd(s);
            for (int t = start; t < end; t++)
                if (TriggerAt(a, t, end, people) is (EventType type, bool verb)) triggers.Add((t, type, verb));
            int firstOfSentence = drafts.Count;
            for (int k = 0; k < triggers.Count; k++)
            {
                int segStart = k == 0 ? start : (triggers[k - 1].Token + triggers[k].Token) / 2 + 1;
                int segEnd = k == triggers.Count - 1 ? end : (triggers[k].Token + triggers[k + 1].Token) / 2 + 1;
                int prevTrigger = k == 0 ? start - 1 : triggers[k - 1].Token;
                int nextTrigger = k == triggers.Count - 1 ? end : triggers[k + 1].Token;
                var d = Read(a, people, triggers[k].Token, triggers[k].Type, triggers[k].Verb, s, new Segment(segStart, segEnd, prevTrigger, nextTrigger), published,
                    k > 0 ? drafts[^1] : null);
                drafts.Add(d);
            }
            // "... a call with Putin during the White House meetings": the call's date is the meetings' date.
            for (int i = firstOfSentence; i < drafts.Count; i++)
                for (int j = firstOfSentence; j < drafts.Count; j++)
                    if (j != i && drafts[j].Trigger > drafts[i].Trigger && Before(a, drafts[j].Trigger, "during", 4)) drafts[i].Anchor = j;
        }
        var clusters = EventMentionMerger.Merge(a, drafts);
        foreach (var d in drafts)
        {
            if (d.Anchor < 0 || d.Cluster < 0 || drafts[d.Anchor].Cluster < 0) continue;
            var own = clusters[d.Cluster];
            if (own.Date is null) own.Date = clusters[drafts[d.Anchor].Cluster].Date;
        }
        var events = new List<ExtractedEvent>();
        foreach (var c in clusters)
        {
            // A prisoner exchange between countries names no people, but its date makes it one real event.
            bool enough = c.Participants.Count >= 2 || c.Place is not null || (c.Participants.Count == 1 && c.Date is not null)
                          || (c.Type == EventType.Exchange && c.Date is not null);
            if (!enough) continue;
            var date = c.Date ?? (c.Planned ? null : new EventDate(published.Year, published.Month, null));
            events.Add(new ExtractedEvent(c.Type, date, c.Planned, c.Place, c.Participants.Select(p => actors[p].Name).ToList(), a.Sentences[c.FirstSentence]));
        }
        return events;
    }

    /// <summary>Person references by token, for the participant scans.</summary>
    sealed class PeopleIndex
    {
        public readonly int[] StartsAt, LastOf, EndsAt;
        public readonly bool[] InMention, InPersonName;
        public readonly SpeakerResolver Refs;

        public PeopleIndex(ArticleText a, List<ArticleActor> actors, List<Mention> mentions, SpeakerResolver refs)
        {
            int n = a.Tokens.Length;
            StartsAt = new int[n]; LastOf = new int[n]; EndsAt = new int[n]; InMention = new bool[n]; InPersonName = new bool[n];
            Array.Fill(StartsAt, -1); Array.Fill(EndsAt, -1);
            Refs = refs;
            foreach (var m in mentions)
                for (int t = m.First; t <= m.Last; t++) InMention[t] = true;
            for (int s = 0; s < a.Sentences.Count; s++)
                foreach (var r in refs.In(s))
                {
                    if (!r.Person) continue;
                    StartsAt[r.First] = r.Actor; LastOf[r.First] = r.Last; EndsAt[r.Last] = r.First;
                    for (int t = r.First; t <= r.Last; t++) InPersonName[t] = true;
                }
        }

        public int Actor(int first) => StartsAt[first];
    }

    enum TriggerWord { Summit, MeetingNoun, MeetVerb, Gathering, Host, Talks, Call, Speak, Exchange, Visit, Visited }

    static readonly Dictionary<string, TriggerWord> TriggerWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["summit"] = TriggerWord.Summit, ["summits"] = TriggerWord.Summit,
        ["meeting"] = TriggerWord.MeetingNoun, ["meetings"] = TriggerWord.MeetingNoun,
        ["meet"] = TriggerWord.MeetVerb, ["meets"] = TriggerWord.MeetVerb, ["met"] = TriggerWord.MeetVerb,
        ["encounter"] = TriggerWord.Gathering, ["gathering"] = TriggerWord.Gathering,
        ["hosted"] = TriggerWord.Host, ["hosts"] = TriggerWord.Host, ["hosting"] = TriggerWord.Host, ["host"] = TriggerWord.Host,
        ["talks"] = TriggerWord.Talks, ["negotiations"] = TriggerWord.Talks, ["discussions"] = TriggerWord.Talks,
        ["call"] = TriggerWord.Call, ["calls"] = TriggerWord.Call, ["conversation"] = TriggerWord.Call,
        ["spoke"] = TriggerWord.Speak, ["spoken"] = TriggerWord.Speak, ["talked"] = TriggerWord.Speak,
        ["speak"] = TriggerWord.Speak, ["speaks"] = TriggerWord.Speak, ["speaking"] = TriggerWord.Speak,
        ["exchange"] = TriggerWord.Exchange, ["exchanges"] = TriggerWord.Exchange, ["swap"] = TriggerWord.Exchange, ["swaps"] = TriggerWord.Exchange,
        ["exchanged"] = TriggerWord.Exchange, ["swapped"] = TriggerWord.Exchange,
        ["visit"] = TriggerWord.Visit, ["visits"] = TriggerWord.Visit, ["trip"] = TriggerWord.Visit, ["visited"] = TriggerWord.Visited,
    };

    static readonly Dictionary<string, TriggerWord>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup = TriggerWords.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly WordStarts TriggerStarts = WordStarts.Of(TriggerWords.Keys, ignoreCase: true);

    static readonly WordSet PrisonerWords = new(["prisoner", "prisoners", "POW", "POWs", "captives", "detainees"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether token <paramref name="t"/> names an event, its type, and whether it is a verb ("met X") rather than a noun.</summary>
    static (EventType, bool)? TriggerAt(ArticleText a, int t, int end, PeopleIndex people)
    {
        if (!a.Tokens[t].IsWord || !TriggerStarts.MayStart(a.Word(t)) || !TriggerLookup.TryGetValue(a.Word(t), out var word)) return null;
        switch (word)
        {
            case TriggerWord.Summit: return (EventType.Summit, false);
            case TriggerWord.MeetingNoun: return (EventType.Meeting, PersonAhead(a, people, t + 1, end) >= 0); // "after meeting Putin"
            case TriggerWord.MeetVerb: return (EventType.Meeting, true);
            case TriggerWord.Gathering: return (EventType.Meeting, false);
            case TriggerWord.Host: return PersonAhead(a, people, t + 1, end) >= 0 ? (EventType.Meeting, true) : null; // "hosted Zelensky"
            case TriggerWord.Talks: return (EventType.Talks, false);
            case TriggerWord.Call:
                bool phone = a.Is(t - 1, "phone") || a.Is(t - 1, "telephone") || a.Is(t - 1, "video") || a.Is(t + 1, "with") || a.Is(t + 1, "between");
                return phone ? (EventType.Call, false) : null;
            case TriggerWord.Speak:
                for (int i = t + 1; i < end && i <= t + 5; i++)
                    if (a.Is(i, "phone") || a.Is(i, "telephone")) return (EventType.Call, true);
                return null;
            case TriggerWord.Exchange:
                // "prisoner swap", "exchanged 390 prisoners", "prisoners ... in the first stage of a swap"
                for (int i = Math.Max(a.SentenceTokenStart[a.SentenceOfToken[t]], t - 10); i < end && i <= t + 4; i++)
                    if (a.IsIn(i, PrisonerWords)) return (EventType.Exchange, a.Word(t).EndsWith("ed", StringComparison.OrdinalIgnoreCase));
                return null;
            case TriggerWord.Visit: return (EventType.Visit, false);
            default: return (EventType.Visit, true);
        }
    }

    /// <summary>The tokens nearer a trigger than any other (for dates and cues), and its neighbouring triggers (for scans).</summary>
    readonly record struct Segment(int Start, int End, int PreviousTrigger, int NextTrigger);

    /// <summary>The first token of a person named at <paramref name="t"/>, after any title words ("Ukrainian President Volodymyr Zelenskiy"), or -1.</summary>
    static int PersonAhead(ArticleText a, PeopleIndex people, int t, int end)
    {
        for (int i = t; i < end && i <= t + 4; i++)
        {
            if (people.StartsAt[i] >= 0) return i;
            var tok = a.Tokens[i];
            bool title = tok.IsWord && (tok.Capitalized || a.IsIn(i, Lexicon.RoleNouns) || a.IsIn(i, Lexicon.RoleModifiers) || a.IsIn(i, Lexicon.Demonyms));
            if (!title && !a.IsPunct(i, '.')) return -1;
        }
        return -1;
    }

    /// <summary>Verbs whose subject takes part in the event they govern ("Trump held talks", "conducted a call").</summary>
    static readonly WordSet ParticipationVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "hosted", "hosts", "hosting", "held", "holds", "hold", "convened", "attended", "attends", "conducted", "had", "has",
        "organized", "organised", "chaired", "joined", "scheduled", "arranged", "requested", "sought", "proposed", "led",
        "host", "attend", "convene", "chair", "join", "lead", "leads", "attending", "leading", "joining",
        "announced", "announces", "announcing", "plans", "planning", "proposes",
    };

    static EventDraft Read(ArticleText a, PeopleIndex people, int trigger, EventType type, bool verb, int s, Segment seg, DateOnly published, EventDraft? previous)
    {
        int segStart = seg.Start, segEnd = seg.End;
        var d = new EventDraft { Type = type, Trigger = trigger, Sentence = s };
        int sentStart = a.SentenceTokenStart[s], sentEnd = a.SentenceEnd(s);
        bool heading = a.IsHeading(s);

        // In front: "the Trump-Putin phone call", "Zelenskyy and Trump's contentious February encounter", "their meeting".
        int placeEnd = trigger, placeStart = trigger;
        bool placeRun = true;
        for (int i = trigger - 1; i > seg.PreviousTrigger && i >= trigger - 8; i--)
        {
            if (people.EndsAt[i] >= 0) { Add(d, people.Actor(people.EndsAt[i])); i = people.EndsAt[i]; placeRun = false; continue; }
            var tok = a.Tokens[i];
            if (!tok.IsWord)
            {
                if (a.IsPunct(i, '-') || a.IsPunct(i, '–')) { placeRun = false; continue; }
                break;
            }
            if (a.Is(i, "their")) { foreach (var p in LastPeople(a, people, i, 2)) Add(d, p); break; }
            if (a.IsIn(i, Lexicon.PossessivePronouns)) { if (people.StartsAt[i] >= 0) Add(d, people.Actor(i)); break; }
            if (a.Is(i, "the") || a.Is(i, "this") || a.Is(i, "that") || a.Is(i, "such") || a.Is(i, "these")) { d.Definite = true; break; }
            if (tok.Possessive && !tok.Capitalized || Lexicon.Weekday(a.Word(i)) is not null && tok.Possessive) { d.Definite = true; break; } // "Monday's summit"
            if (a.Is(i, "and")) { placeRun = false; continue; }
            if (a.IsIn(i, Lexicon.FunctionWords) || a.Is(i, "is") || a.Is(i, "was") || a.Is(i, "has") || a.Is(i, "had") || a.Is(i, "be")) break;
            if (!tok.Capitalized && a.Word(i).EndsWith("ed", StringComparison.Ordinal)) break;
            bool placeWord = tok.Capitalized && !people.InMention[i] && Lexicon.Month(a.Word(i)) == 0 && Lexicon.Weekday(a.Word(i)) is null
                             && !a.IsIn(i, Lexicon.Demonyms) && !a.IsIn(i, Lexicon.RoleNouns) && !tok.Possessive;
            if (placeRun && placeWord) placeStart = i;
            else placeRun = false;
        }
        // One capitalized word at the start of a sentence says nothing about a proper name ("Peace talks are looming").
        if (placeStart == sentStart && placeEnd - placeStart == 1) placeStart = placeEnd;
        if (placeStart < placeEnd && !heading && !verb) d.Place = a.Text[a.Tokens[placeStart].Start..a.Tokens[placeEnd - 1].End];

        // After: "met Putin", "a meeting with X and Y", "talks between X, Y and Z".
        int j = trigger + 1;
        if (verb && j < seg.NextTrigger && PersonAhead(a, people, j, seg.NextTrigger) >= 0) CollectList(a, people, d, j, seg.NextTrigger);
        else if (j < seg.NextTrigger && a.IsIn(j, ListPrepositions)) CollectList(a, people, d, j + 1, seg.NextTrigger);
        if (a.IsPunct(sentEnd - 1, ':')) AddListBelow(a, people, d, s); // "The meeting included:" and a list of names

        if (type == EventType.Exchange)
        {
            int before = d.Participants.Count;
            AddExchanged(people, d, trigger + 1, sentEnd);
            if (d.Participants.Count == before) AddExchanged(people, d, sentStart, sentEnd);
        }
        else if (IsTrilateral(a, trigger, segStart, segEnd)) AddAll(a, people, d, sentStart, sentEnd);
        else if (verb) AddVerbSubjects(a, people, d, trigger, seg.PreviousTrigger);
        if (type is EventType.Visit && d.Participants.Count == 0) AddVerbSubjects(a, people, d, trigger, seg.PreviousTrigger);
        if (d.Participants.Count < 2 && type is not EventType.Exchange && !IsTrilateral(a, trigger, segStart, segEnd) && (d.Participants.Count > 0 || verb || GovernedByParticipationVerb(a, trigger, sentStart)))
            AddSubject(a, people, d, trigger, sentStart, sentEnd);

        if (!heading) d.Place ??= PlaceAfter(a, people, trigger, seg.NextTrigger, visit: type == EventType.Visit);
        d.Planned = IsPlanned(a, trigger, segStart, segEnd, verb, previous);
        var reading = DateResolver.Read(a, segStart, segEnd, trigger, published, d.Planned);
        if (reading.Planned is bool p2) d.Planned = p2;
        d.Date = reading.Date;
        (d.From, d.To) = reading.HasRange ? (reading.From, reading.To)
            : d.Planned ? (published, published.AddYears(1)) : (published.AddDays(-RecentDays), published);
        return d;
    }

    /// <summary>How far back a held event with no date in the text is taken to lie: news reports recent events.</summary>
    const int RecentDays = 31;

    /// <summary>Names listed on the short lines below a sentence ending in a colon (bullets, one per line).</summary>
    static void AddListBelow(ArticleText a, PeopleIndex people, EventDraft d, int s)
    {
        for (int n = s + 1; n < a.Sentences.Count && n <= s + 15; n++)
        {
            int from = a.SentenceTokenStart[n], to = a.SentenceEnd(n);
            if (to - from > 14 || a.ParagraphOfSentence[n] == a.ParagraphOfSentence[s]) break;
            AddAll(a, people, d, from, to);
        }
    }

    static void Add(EventDraft d, int actor)
    {
        if (actor >= 0 && !d.Participants.Contains(actor)) d.Participants.Add(actor);
    }

    static void CollectList(ArticleText a, PeopleIndex people, EventDraft d, int from, int to)
    {
        for (int k = from; k < to && k < from + 16; k++)
        {
            if (people.StartsAt[k] >= 0) { Add(d, people.Actor(k)); k = people.LastOf[k]; continue; }
            if (a.IsPunct(k, ',') || a.IsPunct(k, '-') || a.IsPunct(k, '.')) continue;
            if (a.Is(k, "and") || a.Is(k, "both") || a.Is(k, "all") || a.Is(k, "the") || a.Is(k, "as") || a.Is(k, "well") || a.Is(k, "other")) continue;
            var tok = a.Tokens[k];
            if (tok.IsWord && (tok.Capitalized || a.IsIn(k, Lexicon.RoleNouns) || a.IsIn(k, Lexicon.Demonyms) || a.IsIn(k, Lexicon.RoleModifiers)))
            {
                if (a.Is(k, "in") || a.Is(k, "at")) break;
                continue;
            }
            break;
        }
    }

    /// <summary>
    /// The subject of a verb trigger: the nearest person before it in its clause ("Witkoff last met Putin",
    /// "Putin's readiness to meet"), with anyone joined to that person by "and" ("Trump and Zelensky to meet").
    /// </summary>
    static void AddVerbSubjects(ArticleText a, PeopleIndex people, EventDraft d, int trigger, int previousTrigger)
    {
        int floor = Math.Max(previousTrigger + 1, a.SentenceTokenStart[a.SentenceOfToken[trigger]]);
        for (int i = trigger - 1; i >= floor && i >= trigger - 10; i--)
        {
            if (a.IsPunct(i, ',') || a.IsPunct(i, ';') || a.Is(i, "that") || a.Is(i, "which") || a.Is(i, "who")) return;
            if (people.EndsAt[i] < 0) continue;
            int first = people.EndsAt[i];
            Add(d, people.Actor(first));
            while (a.Is(first - 1, "and") || a.IsPunct(first - 1, ','))
            {
                int prev = first - 2;
                while (prev >= floor && prev > first - 6 && people.EndsAt[prev] < 0 && a.Tokens[prev].IsWord && (a.Tokens[prev].Capitalized || a.IsIn(prev, Lexicon.RoleNouns))) prev--;
                if (prev < floor || people.EndsAt[prev] < 0) return;
                first = people.EndsAt[prev];
                Add(d, people.Actor(first));
            }
            return;
        }
    }

    static bool GovernedByParticipationVerb(ArticleText a, int trigger, int sentStart)
    {
        for (int i = trigger - 1; i >= sentStart && i >= trigger - 5; i--)
            if (a.IsIn(i, ParticipationVerbs)) return true;
        return false;
    }

    /// <summary>Everyone named in [from, to) except whoever only reports the exchange ("..., Zelensky said").</summary>
    static void AddExchanged(PeopleIndex people, EventDraft d, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (people.StartsAt[k] >= 0 && people.Refs.SpeechVerbAfter(people.LastOf[k], to) < 0) Add(d, people.Actor(k));
    }

    static void AddAll(ArticleText a, PeopleIndex people, EventDraft d, int from, int to)
    {
        for (int k = from; k < to; k++)
            if (people.StartsAt[k] >= 0) Add(d, people.Actor(k));
    }

    /// <summary>The sentence's subject joins an event it talks about: the first person before the trigger, or after the comma closing a fronted phrase ("During a call with Putin, Trump ...").</summary>
    static void AddSubject(ArticleText a, PeopleIndex people, EventDraft d, int trigger, int sentStart, int sentEnd)
    {
        // "After a phone call with Putin, Trump announces ...": the subject comes after a fronted phrase's comma.
        int from = sentStart;
        for (int k = sentStart; k < trigger && k < sentStart + 5; k++)
            if (a.IsPunct(k, ':')) { from = k + 1; break; } // "October 16: After ...", "KYIV: ..."
        if (a.IsIn(from, FrontingPrepositions))
            for (int k = from; k < trigger; k++)
                if (a.IsPunct(k, ',')) { from = k + 1; break; }
        for (int k = from; k < trigger; k++)
            if (people.StartsAt[k] >= 0 && !d.Participants.Contains(people.Actor(k))) { AddWithConjuncts(a, people, d, k, trigger); return; }
        int comma = -1;
        for (int k = sentStart; k < sentEnd; k++)
            if (a.IsPunct(k, ',')) { comma = k; break; }
        if (comma < trigger) return;
        for (int k = comma + 1; k < sentEnd; k++)
            if (people.StartsAt[k] >= 0 && !d.Participants.Contains(people.Actor(k))) { AddWithConjuncts(a, people, d, k, sentEnd); return; }
    }

    /// <summary>A person and everyone joined to them by "and" ("Witkoff and Jared Kushner held talks").</summary>
    static void AddWithConjuncts(ArticleText a, PeopleIndex people, EventDraft d, int first, int limit)
    {
        Add(d, people.Actor(first));
        int k = people.LastOf[first] + 1;
        while (k < limit && (a.Is(k, "and") || a.IsPunct(k, ',')))
        {
            int next = PersonAhead(a, people, k + 1, limit);
            if (next < 0) return;
            Add(d, people.Actor(next));
            k = people.LastOf[next] + 1;
        }
    }

    /// <summary>The last <paramref name="count"/> different people referred to before a token ("their meeting").</summary>
    static IEnumerable<int> LastPeople(ArticleText a, PeopleIndex people, int token, int count)
    {
        var found = new List<int>();
        int floor = a.SentenceTokenStart[Math.Max(0, a.SentenceOfToken[token] - 1)];
        for (int k = token - 1; k >= floor && found.Count < count; k--)
            if (people.StartsAt[k] >= 0 && !found.Contains(people.Actor(k))) found.Add(people.Actor(k));
        return found;
    }

    static bool IsTrilateral(ArticleText a, int trigger, int segStart, int segEnd)
    {
        for (int i = Math.Max(segStart, trigger - 3); i < trigger; i++)
            if (a.Is(i, "trilateral") || a.Is(i, "three-way") || a.Is(i, "tripartite")) return true;
        for (int i = segStart; i + 1 < segEnd; i++)
            if (a.Is(i, "all") && a.Is(i + 1, "three")) return true;
        return false;
    }

    /// <summary>"in Alaska", "at the White House" after the trigger, before the clause ends; for visits also "visit Moscow", "a trip to Kyiv".</summary>
    static string? PlaceAfter(ArticleText a, PeopleIndex people, int trigger, int segEnd, bool visit)
    {
        for (int k = trigger + 1; k < segEnd && k <= trigger + 12; k++)
        {
            if (a.IsPunct(k, ',') || a.IsPunct(k, ';') || a.Is(k, "which") || a.Is(k, "where")) return null;
            bool directObject = visit && k == trigger + 1 && a.Tokens[k].Capitalized;
            if (!(a.Is(k, "in") || a.Is(k, "at") || (visit && a.Is(k, "to")) || directObject)) continue;
            int m = directObject ? k : k + 1;
            if (a.Is(m, "the")) m++;
            int first = m;
            while (m < segEnd && a.Tokens[m].IsWord && a.Tokens[m].Capitalized && people.StartsAt[m] < 0 && !people.InPersonName[m]
                   && Lexicon.Month(a.Word(m)) == 0 && Lexicon.Weekday(a.Word(m)) is null && !a.IsIn(m, Lexicon.Demonyms))
            {
                m++;
                if (a.Tokens[m - 1].Possessive) break;
            }
            if (m > first) return a.Text[a.Tokens[first].Start..a.Tokens[m - 1].End];
        }
        return null;
    }

    /// <summary>Planned or held, from the cue nearest the trigger in its part of the sentence; held when there is none.</summary>
    static bool IsPlanned(ArticleText a, int trigger, int segStart, int segEnd, bool verb, EventDraft? previous)
    {
        if (previous is not null && Before(a, trigger, "followed", 5) && Before(a, trigger, "by", 4)) return previous.Planned; // "..., followed by a summit"
        if (verb && a.Is(trigger - 1, "to")) return true; // "agreed to meet", "readiness to meet"
        int best = int.MaxValue;
        bool planned = false;
        for (int i = Math.Max(segStart, trigger - CueReach); i < segEnd && i <= trigger + CueReach; i++)
        {
            if (i == trigger || !a.Tokens[i].IsWord) continue;
            bool p = a.IsIn(i, PlannedCues) || (a.Is(i, "set") && (a.Is(i + 1, "for") || a.Is(i + 1, "to")))
                     || (a.Is(i, "following") && (a.Is(i + 1, "week") || a.Is(i + 1, "month") || a.Is(i + 1, "day")));
            bool h = !p && (a.IsIn(i, HeldCues) || a.Is(i, "following") || (a.Is(i, "followed") && i < trigger && !a.Is(i + 1, "by")));
            if (!p && !h) continue;
            int distance = Math.Abs(i - trigger);
            if (distance < best) { best = distance; planned = p; }
        }
        if (a.Is(trigger, "met") || a.Is(trigger, "hosted") || a.Is(trigger, "visited")) return false;
        return planned;
    }

    /// <summary>How far (in tokens) a tense cue can sit from its trigger: farther words describe something else.</summary>
    const int CueReach = 8;

    static bool Before(ArticleText a, int token, string word, int within)
    {
        int s = a.SentenceTokenStart[a.SentenceOfToken[token]];
        for (int i = token - 1; i >= s && i >= token - within; i--)
            if (a.Is(i, word)) return true;
        return false;
    }
}
