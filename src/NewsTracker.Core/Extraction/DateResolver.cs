namespace NewsTracker.Core.Extraction;

/// <summary>
/// What a time expression says about an event: its date (if it pins a day or month), the days it allows
/// (a week is a range even when it spans two months), and whether it lies ahead.
/// </summary>
internal readonly record struct DateReading(EventDate? Date, bool? Planned, DateOnly From, DateOnly To)
{
    public bool HasRange => From != default;

    public static DateReading Of(EventDate date, bool? planned)
    {
        var from = new DateOnly(date.Year, date.Month, date.Day ?? 1);
        var to = date.Day is null ? from.AddMonths(1).AddDays(-1) : from;
        return new DateReading(date, planned, from, to);
    }

    public static DateReading Week(DateOnly dayInWeek, bool? planned)
    {
        var monday = dayInWeek.AddDays(-(((int)dayInWeek.DayOfWeek + 6) % 7));
        var sunday = monday.AddDays(6);
        // A week pins a month only when all its days lie in one month.
        return new DateReading(monday.Month == sunday.Month ? new EventDate(monday.Year, monday.Month, null) : null, planned, monday, sunday);
    }
}

/// <summary>
/// Reads time expressions and resolves them against the publication date: "on Monday" / "Monday's" (the latest
/// such day up to publication for past events, the next one for planned events), "last Friday", "next Tuesday",
/// "yesterday", "tomorrow", "in June" / "February" (the latest such month for past events, the next for planned
/// ones), "August 15", "15 August 2025", "last week" / "the previous week" (a month when the week lies inside one),
/// "last month", "next week", "N days ago"; and "within two weeks" / "in the coming days", which only say "planned".
/// </summary>
internal static class DateResolver
{
    /// <summary>The time expression in [from, to) nearest to <paramref name="anchor"/>, or a reading with no date.</summary>
    public static DateReading Read(ArticleText a, int from, int to, int anchor, DateOnly published, bool planned)
    {
        DateReading best = default;
        int bestDistance = int.MaxValue;
        for (int t = from; t < to; t++)
        {
            if (!a.IsIn(t, DateWords) || DatesTheSpeaking(a, t)) continue;
            var reading = ReadAt(a, t, to, published, planned);
            if (reading is null) continue;
            int distance = Math.Abs(t - anchor);
            if (distance < bestDistance) { best = reading.Value; bestDistance = distance; }
        }
        return best;
    }

    /// <summary>Every word a time expression can hinge on; one look-up skips all other tokens.</summary>
    static readonly WordSet DateWords = new(
        Lexicon.MonthNames.Concat(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "yesterday", "tomorrow", "today", "tonight", "week", "weekend", "month", "ago", "within", "in"]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>"said on Monday that talks...", "told reporters Tuesday": the day the words were said, not the event's.</summary>
    static bool DatesTheSpeaking(ArticleText a, int t)
    {
        int i = t - 1;
        if (a.Is(i, "on")) i--;
        if (a.IsIn(i, Lexicon.SpeechVerbs)) return true;
        return a.Is(i, "reporters") && a.IsIn(i - 1, Lexicon.SpeechVerbs);
    }

    static DateReading? ReadAt(ArticleText a, int t, int to, DateOnly pub, bool planned)
    {
        var w = a.Word(t);
        int month = Lexicon.Month(w);
        if (month > 0 && IsMonthHere(a, t, to))
        {
            int i = t + 1;
            if (a.IsPunct(i, '.')) i++; // "Aug."
            int day = Number(a, i, to, 1, 31);
            if (day > 0) i++;
            else day = Number(a, t - 1, to, 1, 31); // "15 August"
            if (a.IsPunct(i, ',')) i++;
            int year = Number(a, i, to, 1900, 2200);
            bool? plannedCue = null;
            if (year == 0)
            {
                if (a.Is(t - 1, "next") || a.Is(t - 1, "coming")) { planned = true; plannedCue = true; }
                if (a.Is(t - 1, "last") || a.Is(t - 1, "previous")) { planned = false; plannedCue = false; }
                year = planned ? (month >= pub.Month ? pub.Year : pub.Year + 1) : (month <= pub.Month ? pub.Year : pub.Year - 1);
            }
            if (day > DateTime.DaysInMonth(year, month)) day = 0;
            return DateReading.Of(new EventDate(year, month, day > 0 ? day : null), plannedCue);
        }
        if (Lexicon.Weekday(w) is DayOfWeek weekday)
        {
            bool last = a.Is(t - 1, "last") || a.Is(t - 1, "past");
            bool next = a.Is(t - 1, "next") || a.Is(t - 1, "coming");
            bool ahead = next || (planned && !last);
            var date = ahead ? NextOrSame(pub, weekday, strictly: next) : LastOrSame(pub, weekday, strictly: last);
            return DateReading.Of(Day(date), next ? true : last ? false : null);
        }
        if (a.Is(t, "yesterday")) return DateReading.Of(Day(pub.AddDays(-1)), false);
        if (a.Is(t, "tomorrow")) return DateReading.Of(Day(pub.AddDays(1)), true);
        if (a.Is(t, "today") || a.Is(t, "tonight")) return DateReading.Of(Day(pub), null);
        if (a.Is(t, "week") || a.Is(t, "weekend"))
        {
            if (IsPast(a, t - 1)) return DateReading.Week(pub.AddDays(-7), false);
            if (IsFuture(a, t - 1)) return DateReading.Week(pub.AddDays(7), true);
            if (a.Is(t - 1, "this")) return DateReading.Week(pub, null);
        }
        if (a.Is(t, "month"))
        {
            if (IsPast(a, t - 1)) return DateReading.Of(Month(pub.AddMonths(-1)), false);
            if (IsFuture(a, t - 1)) return DateReading.Of(Month(pub.AddMonths(1)), true);
            if (a.Is(t - 1, "this") || a.Tokens[t].Possessive) return DateReading.Of(Month(pub), null);
        }
        if (a.Is(t, "ago"))
        {
            int n = NumberWord(a, t - 2);
            if (n > 0 && (a.Is(t - 1, "days") || a.Is(t - 1, "day"))) return DateReading.Of(Day(pub.AddDays(-n)), false);
            if (n > 0 && (a.Is(t - 1, "weeks") || a.Is(t - 1, "week"))) return DateReading.Week(pub.AddDays(-7 * n), false);
        }
        // "within two weeks", "in the coming days" lie ahead; "in two days" alone may count back ("the second call in two days").
        if ((a.Is(t, "within") && NumberWord(a, t + 1) > 0) || ((a.Is(t, "within") || a.Is(t, "in")) && a.Is(t + 1, "the") && a.Is(t + 2, "coming")))
        {
            for (int i = t + 1; i < to && i <= t + 4; i++)
                if (a.Is(i, "days") || a.Is(i, "weeks") || a.Is(i, "months")) return new DateReading(null, true, default, default);
        }
        return null;
    }

    static readonly WordSet MonthPrepositions = new(["in", "on", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "from", "between", "before", "after", "during", "and"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Full month names are months; "May" and abbreviations ("Mar", "Sept") only with a dot, a day or year after them,
    /// or a preposition before them, so "Mar-a-Lago" and "Trump May Meet Putin" name no month.
    /// </summary>
    static bool IsMonthHere(ArticleText a, int t, int to)
    {
        var w = a.Word(t);
        bool ambiguous = w.Length <= 4 && !w.Equals("June", StringComparison.OrdinalIgnoreCase) && !w.Equals("July", StringComparison.OrdinalIgnoreCase);
        if (!ambiguous) return true;
        if (a.IsPunct(t + 1, '.') && !w.Equals("May", StringComparison.OrdinalIgnoreCase)) return true;
        return Number(a, t + 1, to, 1, 2200) > 0 || a.IsIn(t - 1, MonthPrepositions);
    }

    static bool IsPast(ArticleText a, int t) => a.Is(t, "last") || a.Is(t, "previous") || a.Is(t, "past") || a.Is(t, "preceding");
    static bool IsFuture(ArticleText a, int t) => a.Is(t, "next") || a.Is(t, "following") || a.Is(t, "coming") || a.Is(t, "upcoming");

    static EventDate Day(DateOnly d) => new(d.Year, d.Month, d.Day);
    static EventDate Month(DateOnly d) => new(d.Year, d.Month, null);

    static DateOnly LastOrSame(DateOnly pub, DayOfWeek day, bool strictly)
    {
        int back = ((int)pub.DayOfWeek - (int)day + 7) % 7;
        if (back == 0 && strictly) back = 7;
        return pub.AddDays(-back);
    }

    static DateOnly NextOrSame(DateOnly pub, DayOfWeek day, bool strictly)
    {
        int ahead = ((int)day - (int)pub.DayOfWeek + 7) % 7;
        if (ahead == 0 && strictly) ahead = 7;
        return pub.AddDays(ahead);
    }

    static int Number(ArticleText a, int t, int to, int min, int max)
    {
        if (t < 0 || t >= to || !a.Tokens[t].IsWord) return 0;
        var w = a.Word(t);
        // "15th", "1st"
        int end = 0;
        while (end < w.Length && char.IsDigit(w[end])) end++;
        if (end == 0 || (end < w.Length && !(w[end..] is "st" or "nd" or "rd" or "th"))) return 0;
        return int.TryParse(w[..end], out int n) && n >= min && n <= max ? n : 0;
    }

    static readonly string[] NumberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    static int NumberWord(ArticleText a, int t)
    {
        if (t < 0 || t >= a.Tokens.Length || !a.Tokens[t].IsWord) return 0;
        var w = a.Word(t);
        if (int.TryParse(w, out int n)) return n is > 0 and < 1000 ? n : 0;
        for (int i = 0; i < NumberWords.Length; i++)
            if (w.Equals(NumberWords[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        if (w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("few", StringComparison.OrdinalIgnoreCase)) return 1;
        return 0;
    }
}
