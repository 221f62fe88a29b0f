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
        "urged", "urges", "urging", "demanded", "demands", "seeks", "seeking", "sought", "pushing", "pushed", "push",
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
        var negotiators = Negotiators(a, people);
        var events = new List<ExtractedEvent>();
        foreach (var c in clusters)
        {
            // Talks that name no sides in their sentence are held by the delegations the article names.
            if (c.Type == EventType.Talks && c.Participants.Count < 2)
                foreach (int n in negotiators)
                    if (!c.Participants.Contains(n)) c.Participants.Add(n);
            // A prisoner exchange between countries names no people, but its date makes it one real event. Any other
            // event needs someone taking part: "talks in Istanbul" alone tells a reader nothing they can follow.
            bool enough = c.Type == EventType.Exchange
                ? c.Participants.Count > 0 || c.Date is not null || c.Place is not null
                : c.Participants.Count >= 2 || (c.Participants.Count == 1 && (c.Place is not null || c.Date is not null));
            // With a place but no one named, it may still report an event known from elsewhere.
            bool reference = !enough && c.Participants.Count == 0 && c.Place is not null;
            if (!enough && !reference) continue;
            var date = c.Date ?? (c.Planned ? null
                : c.Current ? new EventDate(published.Year, published.Month, published.Day)
                : new EventDate(published.Year, published.Month, null));
            events.Add(new ExtractedEvent(c.Type, date, c.Planned, c.Place, c.Participants.Select(p => actors[p].Name).ToList(), a.Sentences[c.FirstSentence], reference));
        }
        return events;
    }

    /// <summary>
    /// The people the article names as negotiators or heads of a delegation: "Russia's chief negotiator Vladimir
    /// Medinsky", "the delegation led by Rustem Umerov", "Umerov, who headed the Ukrainian delegation".
    /// </summary>
    static List<int> Negotiators(ArticleText a, PeopleIndex people)
    {
        var found = new List<int>();
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            int start = a.SentenceTokenStart[s], end = a.SentenceEnd(s);
            foreach (var r in people.Refs.In(s))
            {
                if (!r.Person || r.Actor < 0 || found.Contains(r.Actor)) continue;
                bool before = false;
                for (int i = r.First - 1; i >= start && i >= r.First - 5 && !before; i--)
                    before = a.IsIn(i, NegotiatorWords) || (a.Is(i, "by") && (a.Is(i - 1, "led") || a.Is(i - 1, "headed"))
                                                                  && Before(a, i - 1, "delegation", 3)); // "the delegation (is) led by"
                bool after = false;
                for (int i = r.Last + 1; i < end && i <= r.Last + 3 && !after; i++)
                    if (a.Is(i, "led") || a.Is(i, "leads") || a.Is(i, "headed") || a.Is(i, "heads") || a.Is(i, "leading") || a.Is(i, "heading"))
                        for (int j = i + 1; j < end && j <= i + 4 && !after; j++) after = a.Is(j, "delegation") || a.Is(j, "talks") || a.Is(j, "negotiations");
                if (before || after) found.Add(r.Actor);
            }
        }
        return found;
    }

    static readonly WordSet NegotiatorWords = new(["negotiator", "negotiators"], StringComparer.OrdinalIgnoreCase);

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

    static readonly WordSet PhoneWords = new(["phone", "telephone", "telephonic", "video", "videoconference"], StringComparer.OrdinalIgnoreCase);

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
                bool phone = a.IsIn(t - 1, PhoneWords) || a.Is(t + 1, "with") || a.Is(t + 1, "between");
                return phone ? (EventType.Call, false) : null;
            case TriggerWord.Speak:
                for (int i = t + 1; i < end && i <= t + 5; i++)
                    if (a.IsIn(i, PhoneWords)) return (EventType.Call, true);
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
        // "Ukraine talks", "the Russia-US negotiations": a country, or a pair of them, in front names the parties or
        // the subject, not where it happens ("the Alaska summit", "the Istanbul talks" do).
        if (placeStart < placeEnd && (a.IsPunct(placeStart - 1, '-') || a.IsPunct(placeStart - 1, '–') || IsCountry(a, placeStart, placeEnd)))
            placeStart = placeEnd;
        if (placeStart < placeEnd && !heading && !verb) d.Place = a.Text[a.Tokens[placeStart].Start..a.Tokens[placeEnd - 1].End];

        // After: "met Putin", "a meeting with X and Y", "talks between X, Y and Z".
        int j = trigger + 1;
        while (j < seg.NextTrigger && j <= trigger + 3 && (IsDateWord(a, j) || a.Is(j, "on") || a.Is(j, "last") || a.Is(j, "this"))) j++; // "a call Monday with Putin"
        if (!(a.IsIn(j, ListPrepositions) || verb)) j = trigger + 1;
        bool withList = false;
        if (verb && j < seg.NextTrigger && PersonAhead(a, people, j, seg.NextTrigger) >= 0) CollectList(a, people, d, j, seg.NextTrigger);
        else if (j < seg.NextTrigger && a.IsIn(j, ListPrepositions))
        {
            int before = d.Participants.Count;
            CollectList(a, people, d, j + 1, seg.NextTrigger);
            withList = a.Is(j, "with") && d.Participants.Count > before;
        }
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
        // One meets, talks or speaks *with* someone: "Zelensky wrapped up talks with envoys Witkoff and Kushner" has three sides.
        if ((d.Participants.Count < 2 || withList) && type is not EventType.Exchange && !IsTrilateral(a, trigger, segStart, segEnd) && (d.Participants.Count > 0 || verb || GovernedByParticipationVerb(a, trigger, sentStart)))
            AddSubject(a, people, d, trigger, sentStart, sentEnd);

        if (d.Participants.Count == 0 && type is not EventType.Exchange) AddGathered(a, people, d, trigger, sentEnd);
        if (!heading) d.Place ??= PlaceAfter(a, people, trigger, seg.NextTrigger, visit: type == EventType.Visit) ?? PlaceOfTrip(a, people, trigger, sentStart);
        d.Planned = IsPlanned(a, trigger, segStart, segEnd, verb, previous);
        d.Current = !d.Planned && IsToldInThePresent(a, trigger, sentStart);
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
            if (people.StartsAt[k] >= 0)
            {
                // "Trump's special envoy to the Middle East, Steve Witkoff", "a Putin aide": the name describes whom
                // the event is with; the one described takes part, not the one named.
                if (DescribedPersonAfter(a, people, k, to) is int described) { k = described - 1; continue; }
                Add(d, people.Actor(k)); k = people.LastOf[k]; continue;
            }
            if (a.Is(k, "delegation") || a.Is(k, "delegations"))
            {
                // "the Russian delegation, led by Vladimir Medinsky": the delegation's head stands for it.
                int by = a.IsPunct(k + 1, ',') ? k + 2 : k + 1;
                if ((a.Is(by, "led") || a.Is(by, "headed")) && a.Is(by + 1, "by") && PersonAhead(a, people, by + 2, to) is int head and >= 0)
                {
                    Add(d, people.Actor(head));
                    k = people.LastOf[head];
                }
                continue;
            }
            if (a.IsPunct(k, ',') || a.IsPunct(k, '-') || a.IsPunct(k, '.')) continue;
            if (a.Is(k, "and") || a.Is(k, "both") || a.Is(k, "all") || a.Is(k, "the") || a.Is(k, "as") || a.Is(k, "well") || a.Is(k, "other")) continue;
            var tok = a.Tokens[k];
            if (tok.IsWord && (tok.Capitalized || a.IsIn(k, Lexicon.RoleNouns) || a.IsIn(k, PluralRoleNouns) || a.IsIn(k, Lexicon.Demonyms) || a.IsIn(k, Lexicon.RoleModifiers)))
            {
                if (a.Is(k, "in") || a.Is(k, "at")) break;
                continue;
            }
            break;
        }
    }

    /// <summary>
    /// When the person named at <paramref name="k"/> only describes someone else ("Trump's special envoy, Steve
    /// Witkoff", "Trump envoy Steve Witkoff", "a Putin aide"), the first token after the description (the described
    /// person, or where the list goes on); null when the name stands for its person.
    /// </summary>
    static int? DescribedPersonAfter(ArticleText a, PeopleIndex people, int k, int to)
    {
        int last = people.LastOf[k];
        int i = last + 1;
        while (i < to && a.IsIn(i, Lexicon.RoleModifiers)) i++;
        if (i >= to || !a.IsIn(i, Lexicon.RoleNouns) && !a.IsIn(i, PluralRoleNouns)) return null;
        if (!a.Tokens[last].Possessive && !(a.Tokens[last].IsWord && a.Tokens[i].IsWord && !a.Tokens[i].Capitalized)) return null;
        // The role phrase runs on through "to the Middle East" or "for the region" up to the described person, or to a
        // comma and then them.
        bool attached = false; // after "to", "for" or "of", the words say where or what the role is for
        for (int n = i + 1; n < to && n <= i + 8; n++)
        {
            if (people.StartsAt[n] >= 0) return n;
            if (a.IsPunct(n, ',')) return people.StartsAt[Math.Min(n + 1, to - 1)] >= 0 ? n + 1 : n;
            var tok = a.Tokens[n];
            attached |= a.Is(n, "to") || a.Is(n, "for") || a.Is(n, "of");
            if (!tok.IsWord || !(attached || tok.Capitalized || a.IsIn(n, Lexicon.RoleModifiers))) return n;
        }
        return i + 1;
    }

    static readonly WordSet PluralRoleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "envoys", "officials", "ministers", "leaders", "negotiators", "diplomats", "advisers", "advisors", "aides", "counterparts",
        "representatives", "delegates", "presidents", "secretaries", "son-in-law", "daughter", "wife", "husband", "brother", "son",
    };

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
        for (int i = trigger - 1; i >= sentStart && i >= trigger - 8; i--)
        {
            if (a.IsPunct(i, ',') || a.IsPunct(i, ';')) return false;
            if (a.IsIn(i, ParticipationVerbs)) return true;
        }
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

    /// <summary>"Monday's summit in Rome brought Lopez and Smith together", "the talks involved X and Y": the event as the subject gathers its participants.</summary>
    static void AddGathered(ArticleText a, PeopleIndex people, EventDraft d, int trigger, int sentEnd)
    {
        for (int k = trigger + 1; k < sentEnd && k <= trigger + 8; k++)
        {
            if (a.IsPunct(k, ',') || a.IsPunct(k, ';') || a.Is(k, "that") || a.Is(k, "which")) return;
            if (!a.IsIn(k, GatheringVerbs)) continue;
            for (int n = k + 1; n < sentEnd && !a.IsPunct(n, ';'); n++)
                if (people.StartsAt[n] >= 0 && people.Refs.SpeechVerbAfter(people.LastOf[n], sentEnd) < 0) Add(d, people.Actor(n));
            return;
        }
    }

    static readonly WordSet GatheringVerbs = new(["brought", "brings", "gathered", "gathers", "involved", "involves", "included", "includes", "featured", "united"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"has traveled to Washington for a meeting", "arrived in Istanbul for talks": where the trip leads is where the event is.</summary>
    static string? PlaceOfTrip(ArticleText a, PeopleIndex people, int trigger, int sentStart)
    {
        int i = trigger - 1;
        if (a.Is(i, "a") || a.Is(i, "the") || a.Is(i, "new") || a.Is(i, "further")) i--;
        if (!a.Is(i, "for")) return null;
        int end = i, first = i;
        while (first - 1 >= sentStart && a.Tokens[first - 1].IsWord && a.Tokens[first - 1].Capitalized && people.StartsAt[first - 1] < 0 && !people.InPersonName[first - 1])
            first--;
        if (first == end || !(a.Is(first - 1, "to") || a.Is(first - 1, "in"))) return null;
        if (IsCountry(a, first, end) && !a.Is(first - 1, "to")) return null;
        return a.Text[a.Tokens[first].Start..a.Tokens[end - 1].End];
    }

    static bool IsCountry(ArticleText a, int first, int end) =>
        Lexicon.DemonymsByCountry.ContainsKey(a.Text[a.Tokens[first].Start..a.Tokens[end - 1].End]);

    /// <summary>Words after a trigger that turn to what it is about ("talks on a ceasefire in Ukraine", "talks aimed at ending the war in Ukraine"): a place after them is not the venue.</summary>
    static readonly WordSet SubjectWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "for", "about", "over", "regarding", "concerning", "aimed", "to", "on", "toward", "towards",
    };

    /// <summary>"in Alaska", "at the White House" after the trigger, before the clause ends; for visits also "visit Moscow", "a trip to Kyiv".</summary>
    static string? PlaceAfter(ArticleText a, PeopleIndex people, int trigger, int segEnd, bool visit)
    {
        for (int k = trigger + 1; k < segEnd && k <= trigger + 12; k++)
        {
            if (a.IsPunct(k, ',') || a.IsPunct(k, ';') || a.Is(k, "which") || a.Is(k, "where")) return null;
            // "on Friday in Geneva" and "to Kyiv" (a visit) keep going; "on a ceasefire in Ukraine" is the subject.
            if (a.IsIn(k, SubjectWords) && !(visit && a.Is(k, "to")) && !(a.Is(k, "on") && IsDateWord(a, k + 1))) return null;
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

    static bool IsDateWord(ArticleText a, int k) => k < a.Tokens.Length && a.Tokens[k].IsWord
        && (Lexicon.Weekday(a.Word(k)) is not null || Lexicon.Month(a.Word(k)) > 0 || char.IsDigit(a.Text[a.Tokens[k].Start]));

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
                     || ((a.Is(i, "called") || a.Is(i, "calls") || a.Is(i, "calling")) && a.Is(i + 1, "for")) // "called for direct talks"
                     || (a.Is(i, "following") && (a.Is(i + 1, "week") || a.Is(i + 1, "month") || a.Is(i + 1, "day")));
            bool h = !p && (a.IsIn(i, HeldCues) || a.Is(i, "following") || (a.Is(i, "followed") && i < trigger && !a.Is(i + 1, "by")));
            if (!p && !h) continue;
            int distance = Math.Abs(i - trigger);
            if (distance < best) { best = distance; planned = p; }
        }
        if (a.Is(trigger, "met") || a.Is(trigger, "hosted") || a.Is(trigger, "visited")) return false;
        if (best == int.MaxValue) planned = ModalEarlierInClause(a, trigger, segStart); // "X and Y will be in Paris from ... for talks"
        return planned;
    }

    /// <summary>"Fidan meets the delegation", "Zelensky is meeting Trump", "has met", "are holding talks".</summary>
    static bool IsToldInThePresent(ArticleText a, int trigger, int sentStart)
    {
        if (a.Is(trigger, "meets") || a.Is(trigger, "hosts") || a.Is(trigger, "visits") || a.Is(trigger, "speaks")) return true;
        for (int i = trigger - 1; i >= sentStart && i >= trigger - 3; i--)
        {
            if (a.Is(i, "has") || a.Is(i, "have")) return a.Is(trigger, "met") || a.Is(trigger, "hosted") || a.Is(trigger, "visited") || a.Is(trigger, "spoken") || a.Is(i + 1, "held");
            if (a.Is(i, "is") || a.Is(i, "are")) return a.Word(trigger).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || a.Is(i + 1, "holding") || a.Is(i + 1, "hosting");
            if (!a.Tokens[i].IsWord) return false;
        }
        return false;
    }

    static bool ModalEarlierInClause(ArticleText a, int trigger, int segStart)
    {
        for (int i = trigger - 1; i >= segStart && i >= trigger - 20; i--)
        {
            if (a.IsPunct(i, ',') || a.IsPunct(i, ';') || a.IsPunct(i, ':') || a.Is(i, "that") || a.Is(i, "after") || a.Is(i, "since")) return false;
            if (a.Is(i, "will") || a.Is(i, "shall") || (a.Is(i, "set") && a.Is(i + 1, "to")) || (a.Is(i, "due") && a.Is(i + 1, "to"))) return true;
        }
        return false;
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
