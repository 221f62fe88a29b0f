namespace NewsTracker.Core.Extraction;

/// <summary>
/// The closed word classes the rules read: English function words, titles, speech verbs, dates, and a
/// country-to-demonym table. Nothing here is about one story; the story's own names live in its JSON.
/// </summary>
internal static class Lexicon
{
    static WordSet Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that name a position a person holds; before a name they mark it as a person's.</summary>
    public static readonly WordSet RoleNouns = Set(
        "president", "minister", "chancellor", "secretary", "senator", "sen", "representative", "rep", "congressman",
        "congresswoman", "governor", "mayor", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson", "aide",
        "adviser", "advisor", "director", "chief", "commander", "negotiator", "official", "leader", "diplomat", "lawmaker",
        "chairman", "chairwoman", "chair", "premier", "king", "queen", "pope", "prince", "princess", "general", "admiral",
        "colonel", "commissioner", "prosecutor", "judge", "deputy", "mediator", "emissary", "representative", "dissident",
        "activist", "businessman", "businesswoman", "billionaire", "oligarch", "citizen", "national", "teacher",
        "journalist", "officer", "soldier", "pilot", "head", "speaker", "candidate", "politician", "strongman",
        "counterpart", "successor", "predecessor", "vice-president", "co-chair", "czar", "tsar", "analyst", "expert",
        "professor", "economist", "researcher", "historian", "commentator", "blogger", "founder", "ceo", "executive",
        "chancellor", "secretary-general", "ombudsman", "patriarch", "metropolitan", "archbishop", "bishop", "cardinal",
        "mp", "deputy", "senator-elect", "nominee", "veteran", "commissioner", "governor", "mayor", "host", "anchor");

    /// <summary>Courtesy and rank titles written before a name, often with a dot ("Mr.").</summary>
    public static readonly WordSet Titles = Set("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady",
        "Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Sen", "Rep", "Gov", "Amb", "Rev");

    /// <summary>Words that qualify a role ("special envoy", "former president") and may sit inside a title.</summary>
    public static readonly WordSet RoleModifiers = Set(
        "special", "foreign", "deputy", "former", "vice", "top", "senior", "chief", "defense", "defence", "state", "prime",
        "opposition", "acting", "interim", "presidential", "national", "security", "first", "lead", "general", "of",
        "affairs", "policy", "peace", "trade", "finance", "economy", "interior", "army", "military", "intelligence",
        "parliamentary", "party", "ruling", "former", "then", "outgoing", "incoming", "elect", "head");

    /// <summary>Who writes rather than acts in an article: a name followed by one of these is a byline.</summary>
    public static readonly WordSet BylineWords = Set(
        "by", "author", "authors", "reporting", "editing", "writing", "written", "reported", "edited", "photo", "photos",
        "credit", "credits", "source", "contributed", "editor", "correspondent", "reporter", "writer", "columnist", "posted");

    public static readonly WordSet SpeechVerbs = Set(
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "wrote", "writes", "posted", "tweeted",
        "noted", "notes", "explained", "insisted", "insists", "argued", "argues", "warned", "warns", "claimed", "claims",
        "announced", "announces", "confirmed", "confirms", "declared", "asserted", "stressed", "emphasized", "emphasised",
        "acknowledged", "admitted", "revealed", "suggested", "suggests", "replied", "responded", "remarked", "described",
        "called", "calling", "urged", "promised", "pledged", "vowed", "predicted", "conceded", "maintained", "maintains",
        "reiterated", "recalled", "commented", "asked", "denied", "denies", "expressed", "signaled", "signalled",
        "indicated", "proposed", "praised", "stating", "saying", "telling", "adding", "describing", "conveyed", "hailed",
        "welcomed", "criticized", "criticised", "dismissed", "rejected", "accused", "demanded", "agreed", "thanked", "quoted");

    /// <summary>Verbs that introduce a reported statement ("X insisted on...", "X confirmed that...").</summary>
    public static readonly WordSet ReportingVerbs = Set(
        "said", "says", "told", "stated", "noted", "explained", "insisted", "insists", "argued", "argues", "warned", "warns",
        "claimed", "claims", "announced", "announces", "confirmed", "confirms", "declared", "asserted", "stressed",
        "emphasized", "emphasised", "acknowledged", "admitted", "revealed", "suggested", "suggests", "denied", "denies",
        "maintained", "maintains", "reiterated", "conveyed", "pledged", "promised", "vowed", "predicted", "conceded",
        "signaled", "signalled", "indicated", "believes", "added", "demanded", "urged", "proposed");

    /// <summary>Function words that separate a reporting verb from its clause or a name from its verb.</summary>
    public static readonly WordSet Auxiliaries = Set(
        "has", "had", "have", "also", "later", "then", "publicly", "repeatedly", "openly", "again", "previously", "earlier",
        "reportedly", "once", "recently", "has", "was", "is", "further", "privately", "firmly", "already");

    public static readonly WordSet SubjectPronouns = Set("he", "she");
    public static readonly WordSet PossessivePronouns = Set("his", "her");
    public static readonly WordSet PersonalPronouns = Set("he", "she", "his", "her");

    public static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    static readonly Dictionary<string, int> Months = BuildMonths();

    static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    static Dictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < 12; i++) d[MonthNames[i]] = i + 1;
        foreach (var (abbr, m) in new[] { ("Jan", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8), ("Sep", 9), ("Sept", 9), ("Oct", 10), ("Nov", 11), ("Dec", 12) })
            d[abbr] = m;
        return d;
    }

    /// <summary>The month (1-12) a capitalized word names, or 0. "May" counts only when capitalized, like every month here.</summary>
    public static int Month(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsUpper(word[0]) && MonthLookup.TryGetValue(word, out var m) ? m : 0;

    static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Monday"] = DayOfWeek.Monday, ["Tuesday"] = DayOfWeek.Tuesday, ["Wednesday"] = DayOfWeek.Wednesday,
        ["Thursday"] = DayOfWeek.Thursday, ["Friday"] = DayOfWeek.Friday, ["Saturday"] = DayOfWeek.Saturday, ["Sunday"] = DayOfWeek.Sunday,
    };

    static readonly Dictionary<string, DayOfWeek>.AlternateLookup<ReadOnlySpan<char>> WeekdayLookup = Weekdays.GetAlternateLookup<ReadOnlySpan<char>>();

    public static DayOfWeek? Weekday(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsUpper(word[0]) && WeekdayLookup.TryGetValue(word, out var d) ? d : null;

    /// <summary>Country (as written in a role such as "President of France") to the adjective used in titles.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> DemonymsByCountry = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["United States"] = ["american", "u.s.", "us"], ["U.S."] = ["american", "u.s."], ["Russia"] = ["russian"],
        ["Ukraine"] = ["ukrainian"], ["France"] = ["french"], ["Germany"] = ["german"], ["United Kingdom"] = ["british", "uk", "u.k."],
        ["Britain"] = ["british"], ["Italy"] = ["italian"], ["Finland"] = ["finnish"], ["Turkey"] = ["turkish"], ["Türkiye"] = ["turkish"],
        ["Poland"] = ["polish"], ["Hungary"] = ["hungarian"], ["China"] = ["chinese"], ["Japan"] = ["japanese"], ["India"] = ["indian"],
        ["Israel"] = ["israeli"], ["Iran"] = ["iranian"], ["Belarus"] = ["belarusian"], ["Estonia"] = ["estonian"], ["Latvia"] = ["latvian"],
        ["Lithuania"] = ["lithuanian"], ["Sweden"] = ["swedish"], ["Norway"] = ["norwegian"], ["Denmark"] = ["danish"],
        ["Netherlands"] = ["dutch"], ["Belgium"] = ["belgian"], ["Spain"] = ["spanish"], ["Canada"] = ["canadian"],
        ["Saudi Arabia"] = ["saudi"], ["Qatar"] = ["qatari"], ["United Arab Emirates"] = ["emirati"], ["Georgia"] = ["georgian"],
        ["Moldova"] = ["moldovan"], ["Romania"] = ["romanian"], ["Czech Republic"] = ["czech"], ["Slovakia"] = ["slovak"],
        ["Austria"] = ["austrian"], ["Switzerland"] = ["swiss"], ["Greece"] = ["greek"], ["Brazil"] = ["brazilian"],
        ["Mexico"] = ["mexican"], ["Europe"] = ["european"], ["European Commission"] = ["european", "commission"],
        ["European Union"] = ["european", "eu"], ["Kremlin"] = ["kremlin"], ["NATO"] = ["nato"],
    };

    /// <summary>Adjectives of nationality ("Russian Alexander Vinnik"); before a name they mark a person as much as a title does.</summary>
    public static readonly WordSet Demonyms = new(
        DemonymsByCountry.Values.SelectMany(v => v).Where(w => w.Length > 3 && !w.Contains('.') && w is not ("kremlin" or "commission")),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Capitalized words that are never part of a person's name (institutions, places, calendar, headline words).</summary>
    public static readonly WordSet NotNameWords = Set(
        "House", "White", "Ministry", "Office", "Department", "Council", "Union", "Commission", "Committee", "Parliament",
        "Congress", "Senate", "Court", "Party", "Government", "Army", "Forces", "Force", "Navy", "Agency", "Bank", "Fund",
        "Street", "Journal", "Times", "Post", "News", "Daily", "Press", "Media", "Network", "Channel", "Social", "Truth",
        "Republic", "Federation", "Kingdom", "States", "United", "Nations", "Organization", "Organisation", "Institute",
        "University", "Center", "Centre", "Foundation", "Group", "Company", "Corporation", "Airport", "Palace", "Square",
        "Peace", "War", "Talks", "Summit", "Deal", "Security", "Defense", "Defence", "Foreign", "Affairs", "Relations",
        "State", "Secretary", "General", "President", "Minister", "Prime", "Chancellor", "Leader", "Leaders", "Envoy",
        "North", "South", "East", "West", "Eastern", "Western", "Northern", "Southern", "Central", "Black", "Sea", "Red",
        "God", "Christmas", "Easter", "Day", "Week", "Year", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "Today", "Tonight", "Reuters", "Associated", "Bloomberg", "Fox", "Reply", "Comment",
        "Comments", "Share", "Read", "More", "Related", "Recent", "Home", "Subscribe", "Click", "Article", "Section",
        "Oval", "Air", "Capitol", "Hall", "Club", "Hotel", "Tower", "Bridge", "Region", "Oblast", "City", "Island",
        "Islands", "Mountain", "River", "Lake", "Province", "County", "District", "Valley", "Coast", "Gulf", "Ocean",
        "Plan", "Agreement", "Accord", "Accords", "Treaty", "Act", "Law", "Bill", "Order", "Initiative", "Program",
        "Programme", "Project", "Operation", "Coalition", "Alliance", "Front", "Movement", "Service", "Services",
        "Intelligence", "Guard", "Command", "Headquarters", "Embassy", "Consulate", "Mission", "Delegation",
        "Church", "Cathedral", "Orthodox", "Catholic", "Airlines", "Airways", "Railways", "Television", "Radio", "Telegram",
        "Energy", "Oil", "Gas", "Holdings", "Academy", "School", "Hospital", "Stadium", "Museum", "Theatre", "Theater",
        "Kremlin", "Pentagon", "Duma", "Rada", "Verkhovna", "Cabinet", "Administration", "Presidency", "Chamber", "Assembly",
        "Liberation", "Independence", "Victory", "Revolution", "Republican", "Democrat", "Democratic", "Conservative", "Labour");

    /// <summary>Determiners and prepositions: they end a run of title words or name words.</summary>
    public static readonly WordSet FunctionWords = Set(
        "the", "a", "an", "this", "that", "these", "those", "of", "in", "on", "at", "to", "for", "from", "with", "by",
        "and", "or", "but", "as", "after", "before", "during", "following", "since", "than", "between", "among", "about",
        "into", "over", "under", "against", "without", "within", "while", "when", "where", "which", "who", "whom", "whose",
        "said", "says");

    /// <summary>Name particles that may sit lowercase inside a name ("Ursula von der Leyen").</summary>
    public static readonly WordSet NameParticles = new(["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "bin", "al", "la", "le", "ter", "ten"], StringComparer.Ordinal);
}
