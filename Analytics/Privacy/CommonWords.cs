using System.Collections.Frozen;

namespace Analytics.Privacy;

/// <summary>
/// Small Dutch and English word lists that keep <see cref="QuoteAnonymiser"/> from treating ordinary
/// words as names. Deliberately short: they only need the words that feedback is made of and the
/// words that are also names, not a dictionary.
/// </summary>
internal static class CommonWords
{
    /// <summary>
    /// Words a thank-you is made of. A short capitalised line built from these ("Top Service",
    /// "Thanks Again", "Fijne Kerst") is the customer's message, not a signature.
    /// </summary>
    private static readonly FrozenSet<string> Feedback = Set(
        // English
        "thanks", "thank", "you", "thx", "ty", "cheers", "great", "good", "nice", "excellent", "awesome", "amazing", "brilliant",
        "fantastic", "wonderful", "perfect", "super", "top", "best", "well", "done", "job", "work", "keep", "up", "the", "a", "an",
        "and", "very", "much", "many", "lots", "quick", "quickly", "fast", "friendly", "helpful", "help", "service", "support", "team",
        "helpdesk", "servicedesk", "desk", "again", "all", "happy", "kudos", "respect", "hero", "heroes", "legend", "star", "stars",
        "wow", "yes", "ok", "okay", "fine", "solved", "fixed", "works", "working", "sorted", "resolved", "problem", "issue", "laptop",
        "printer", "account", "password", "outlook", "teams", "windows", "office", "excel", "merry", "christmas", "new", "year",
        "holidays", "weekend", "have", "day", "regards", "kind", "warm", "greetings", "from", "to", "for", "of", "with", "my", "our",
        "your", "this", "that", "is", "was", "appreciated", "grateful", "lovely", "cool", "sweet", "rocks", "genius", "professional",
        "patient", "clear", "again", "guys", "folks", "everyone", "all", "it", "ict", "now", "just", "so", "really", "truly",
        // Dutch
        "bedankt", "dank", "dankjewel", "dankuwel", "dankje", "hartelijk", "hartelijke", "vriendelijke", "vriendelijk", "groet",
        "groeten", "groetjes", "toppie", "topper", "toppers", "prima", "fijn", "fijne", "goed", "goede", "heel", "erg", "zeer", "echt",
        "snel", "snelle", "vlot", "vlotte", "netjes", "keurig", "helemaal", "alles", "opgelost", "werkt", "weer", "nogmaals",
        "chapeau", "petje", "af", "klasse", "geweldig", "geweldige", "fantastisch", "uitstekend", "uitstekende", "mooi", "mooie",
        "held", "helden", "kanjer", "kanjers", "hulp", "geholpen", "dag", "dagen", "kerst", "kerstdagen", "feestdagen", "nieuwjaar",
        "gelukkig", "prettig", "prettige", "afdeling", "de", "het", "een", "en", "van", "voor", "met", "jullie", "je", "u", "jij",
        "wij", "ik", "mijn", "ons", "onze", "hoi", "hallo", "beste", "dankbaar", "tevreden", "blij", "lief", "lieve", "knap", "gedaan",
        "werk", "snelheid", "reactie", "oplossing", "duidelijk", "duidelijke", "uitleg", "geduld", "vakkundig", "professioneel",
        "behulpzaam", "oké", "oke", "ja", "wauw", "hartstikke", "ontzettend", "enorm", "veel", "zo", "nu", "samenwerking",
        "service", "servicedesk", "storing", "klaar", "bravo", "hulde", "geniaal", "wauw", "dikke", "duim", "perfecte", "supersnel", "topservice", "topper", "gewoon", "altijd");

    /// <summary>
    /// Ordinary words that are also first names or surnames ("Roos", "Bos", "Mark", "Zwart"). A known
    /// name that is one of these is only taken for a name when it is written with a capital, so that
    /// "een bos bloemen" or "het scherm bleef zwart" keep their words.
    /// </summary>
    private static readonly FrozenSet<string> AlsoNames = Set(
        "roos", "bos", "mark", "will", "rose", "may", "june", "april", "bill", "frank", "jack", "guy", "pat", "sky", "dawn", "hope",
        "faith", "grace", "joy", "rob", "bas", "zwart", "wit", "groen", "rood", "bruin", "bakker", "visser", "smit", "kok", "koning",
        "prins", "vos", "boer", "graaf", "kroon", "winter", "zomer", "storm", "berg", "dam", "dijk", "veld", "hoek", "brink", "haan",
        "vink", "mulder", "molenaar", "schipper", "meester", "koster", "jong", "oud", "klein", "groot", "lang", "kort", "hoog", "laag",
        "wolf", "beer", "leeuw", "valk", "baker", "smith", "miller", "fisher", "cook", "king", "young", "black", "white", "green",
        "brown", "long", "short", "stone", "wood", "hill", "field", "sharp", "rich", "bright", "hart", "post", "zand", "steen", "hout",
        "water", "wind", "boom", "bloem", "lily", "iris", "ivy", "daisy", "heather", "willow", "amber", "ruby", "crystal", "sterk",
        "vrij", "blond", "eerlijk", "de", "van", "best", "top", "held", "kuiper", "timmerman", "schilder", "brouwer", "kramer");

    /// <summary>
    /// Words that name an account or queue rather than a person ("System", "Service Desk", "Unassigned"):
    /// a stored "name" made only of these is not removed from comments, where they are ordinary words.
    /// </summary>
    private static readonly FrozenSet<string> NotAPerson = Set(
        "system", "systeem", "admin", "administrator", "beheer", "beheerder", "automation", "automatisch", "service", "desk",
        "servicedesk", "helpdesk", "support", "team", "queue", "wachtrij", "unassigned", "unknown", "onbekend", "bot", "robot",
        "integration", "api", "import", "workflow", "scheduler", "monitoring", "noreply", "none", "null", "n/a", "na", "it", "ict",
        "group", "groep", "level", "line", "first", "second", "tweede", "eerste", "lijn");

    public static bool IsFeedbackWord(string word) => Feedback.Contains(word);

    public static bool IsAlsoAWord(string word) => Feedback.Contains(word) || AlsoNames.Contains(word);

    public static bool IsNotAPerson(string word) => NotAPerson.Contains(word);

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
