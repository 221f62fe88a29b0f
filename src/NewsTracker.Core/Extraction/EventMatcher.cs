namespace NewsTracker.Core.Extraction;

/// <summary>
/// Decides whether two event reports (from one article or from several) are the same real event, and merges them.
/// The rules, in order:
/// <list type="bullet">
/// <item>Type group: calls only match calls, exchanges only exchanges; summits, meetings, talks, visits and other
/// gatherings form one group (the same summit is "talks" in one article and "a meeting" in the next).</item>
/// <item>Dates must be compatible: two days must be equal; a day matches its month; two months must be equal;
/// a missing date matches anything.</item>
/// <item>Two planned reports with different participant lists are different plans (a Putin–Zelenskyy meeting is not
/// the trilateral summit) unless the same place or day ties them.</item>
/// <item>A planned report and a held report are one event whose status changed only when they share the day or the place.</item>
/// </list>
/// Then <see cref="Score"/> adds evidence: 2 for the same place, 2 for the same day (1 for dates that agree only
/// on the month), 1 per shared participant (up to 3), minus 1 for different places. <see cref="SameEvent"/> is Score ≥ 2.
/// </summary>
public static class EventMatcher
{
    public const double Threshold = 2;

    /// <summary>Call, exchange, or everything else where people gather.</summary>
    public static EventType GroupOf(EventType type) => type is EventType.Call or EventType.Exchange ? type : EventType.Meeting;

    public static bool DatesCompatible(EventDate? a, EventDate? b)
    {
        if (a is null || b is null) return true;
        if (a.Year != b.Year || a.Month != b.Month) return false;
        return a.Day is null || b.Day is null || a.Day == b.Day;
    }

    /// <summary>0 when the two reports cannot be one event; otherwise the evidence that they are (see the class summary).</summary>
    public static double Score(ExtractedEvent a, ExtractedEvent b) => Score(a, b, beat: double.NegativeInfinity);

    /// <summary>
    /// <see cref="Score"/>, or 0 once it is clear that the score cannot be above <paramref name="beat"/>: comparing the
    /// participants is most of the cost, and place and day bound what they can add (at most 3, and at most one per
    /// participant of <paramref name="a"/>).
    /// </summary>
    static double Score(ExtractedEvent a, ExtractedEvent b, double beat)
    {
        if (GroupOf(a.Type) != GroupOf(b.Type) || !DatesCompatible(a.Date, b.Date)) return 0;
        bool samePlace = a.Place is not null && b.Place is not null && SamePlace(a.Place, b.Place);
        bool placeConflict = a.Place is not null && b.Place is not null && !samePlace;
        bool sameDay = a.Date?.Day is not null && b.Date?.Day is not null && a.Date == b.Date;
        double evidence = (samePlace ? 2 : 0) - (placeConflict ? 1 : 0) + (sameDay ? 2 : a.Date is not null && b.Date is not null ? 1 : 0);
        if (evidence + Math.Min(3, a.Participants.Count) <= beat) return 0;

        int shared = SharedParticipants(a, b);
        if (a.Planned && b.Planned)
        {
            bool sameCast = a.Participants.Count == 0 || b.Participants.Count == 0
                            || (shared == a.Participants.Count && shared == b.Participants.Count);
            if (!sameCast && !samePlace && !sameDay) return 0;
        }
        else if (a.Planned != b.Planned && !sameDay && !samePlace) return 0;
        return Math.Max(Math.Min(shared, 3) + evidence, 0.001); // compatible but without evidence: above 0, below the threshold
    }

    public static bool SameEvent(ExtractedEvent a, ExtractedEvent b) => Score(a, b) >= Threshold;

    /// <summary>
    /// The index of the known event a new report belongs to (the best <see cref="Score"/> at or above
    /// <see cref="Threshold"/>), or -1 when it is a new event. Store the result of <see cref="Merge"/> in its place.
    /// </summary>
    public static int BestMatch(ExtractedEvent report, IReadOnlyList<ExtractedEvent> known)
    {
        int best = -1;
        double bestScore = Threshold;
        for (int i = 0; i < known.Count; i++)
        {
            // Scores are whole numbers (or 0.001): until a match is found one must reach the threshold, then beat it.
            double score = Score(known[i], report, beat: best < 0 ? Threshold - 0.5 : bestScore);
            if (score >= bestScore && (best < 0 || score > bestScore)) { best = i; bestScore = score; }
        }
        return best;
    }

    /// <summary>
    /// One report of two: the more specific date, the first place named, every participant, the stronger type
    /// (a summit stays a summit), held once either report says it happened, and the first report's sentence.
    /// </summary>
    public static ExtractedEvent Merge(ExtractedEvent a, ExtractedEvent b)
    {
        var participants = new List<string>(a.Participants.Count + b.Participants.Count);
        participants.AddRange(a.Participants);
        for (int i = 0; i < b.Participants.Count; i++)
            if (!Contains(participants, b.Participants[i])) participants.Add(b.Participants[i]);
        var date = a.Date is null ? b.Date : b.Date is null ? a.Date : a.Date.Day is not null ? a.Date : b.Date.Day is not null ? b.Date : a.Date;
        var type = TypeRank(b.Type) < TypeRank(a.Type) ? b.Type : a.Type;
        return new ExtractedEvent(type, date, a.Planned && b.Planned, a.Place ?? b.Place, participants, a.Sentence);
    }

    /// <summary>Which type names a merged event: the most specific (a summit stays a summit when another report says "talks").</summary>
    internal static int TypeRank(EventType t) => t switch
    {
        EventType.Summit => 0, EventType.Call => 1, EventType.Exchange => 2, EventType.Meeting => 3,
        EventType.Talks => 4, EventType.Visit => 5, _ => 6,
    };

    internal static int SharedParticipants(ExtractedEvent a, ExtractedEvent b)
    {
        // Indexed loops, not foreach or Any(lambda): this runs for every stored candidate of every reported event, and
        // foreach over an IReadOnlyList boxes an enumerator. Those boxes were 23% of everything ingestion allocated.
        int shared = 0;
        for (int i = 0; i < a.Participants.Count; i++)
            if (Contains(b.Participants, a.Participants[i])) shared++;
        return shared;
    }

    static bool Contains(IReadOnlyList<string> people, string person)
    {
        for (int i = 0; i < people.Count; i++)
            if (SamePerson(person, people[i])) return true;
        return false;
    }

    /// <summary>
    /// Story actors always carry their canonical name; people discovered in two articles may be spelled
    /// "Steve Witkoff" and "Steven Witkoff": same surname and first names that agree are one person.
    /// </summary>
    internal static bool SamePerson(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return true;
        if (a.Length == 0 || b.Length == 0) return false;
        // Most pairs compared are two different people whose surnames end differently: one look at the last letters
        // settles them without searching both names (this runs for every participant pair of every candidate event).
        char ea = a[^1], eb = b[^1];
        if (char.IsAscii(ea) && char.IsAscii(eb) && (ea | 0x20) != (eb | 0x20)) return false;
        int sa = a.LastIndexOf(' '), sb = b.LastIndexOf(' ');
        if (sa < 0 || sb < 0 || !a.AsSpan(sa).Equals(b.AsSpan(sb), StringComparison.OrdinalIgnoreCase)) return false;
        var fa = a.AsSpan(0, a.IndexOf(' ')).TrimEnd('.');
        var fb = b.AsSpan(0, b.IndexOf(' ')).TrimEnd('.');
        return fa.StartsWith(fb, StringComparison.OrdinalIgnoreCase) || fb.StartsWith(fa, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Places compare without case and without a leading "the" ("the White House" = "White House").</summary>
    public static bool SamePlace(string a, string b) =>
        string.Equals(StripThe(a), StripThe(b), StringComparison.OrdinalIgnoreCase);

    static string StripThe(string place) =>
        place.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? place[4..] : place;
}
