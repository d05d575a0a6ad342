namespace Aperture.Testing.Data;

/// <summary>The invented words generated titles, names and plots are made of (no real film's text).</summary>
internal static class CatalogueWords
{
    public static readonly string[] Genres =
    [
        "Action", "Adventure", "Animation", "Comedy", "Crime", "Documentary", "Drama", "Family", "Fantasy",
        "History", "Horror", "Music", "Mystery", "Romance", "Science Fiction", "Thriller", "War", "Western",
    ];

    public static readonly string[] Adjectives =
    [
        "Silent", "Crimson", "Last", "Hidden", "Broken", "Golden", "Distant", "Midnight", "Frozen", "Wild", "Burning",
        "Lost", "Quiet", "Iron", "Electric", "Hollow", "Velvet", "Savage", "Gentle", "Forgotten", "Restless", "Pale",
        "Northern", "Secret", "Endless", "Bright", "Shattered", "Wandering", "Final", "Sleeping",
    ];

    public static readonly string[] Nouns =
    [
        "Harbor", "Garden", "Signal", "Kingdom", "River", "Machine", "Winter", "Promise", "Shadow", "Empire", "Summer",
        "Horizon", "Orchard", "Circuit", "Frontier", "Lantern", "Voyage", "Mirror", "Canyon", "Symphony", "Station",
        "Tide", "Labyrinth", "Comet", "Fortress", "Meadow", "Verdict", "Heist", "Carnival", "Outpost", "Letter",
        "Crossing", "Echo", "Valley", "Archive", "Reckoning", "Parade", "Covenant", "Lighthouse", "Orbit",
    ];

    public static readonly string[] FirstNames =
    [
        "Ada", "Bruno", "Clara", "Dev", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maya",
        "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wim", "Xena", "Yusuf", "Zoe",
        "Amara", "Bastian", "Celeste", "Dario", "Edith", "Farid", "Gwen", "Hector", "Ilse", "Jasper", "Leona", "Milo",
    ];

    public static readonly string[] LastNames =
    [
        "Okafor", "Lindqvist", "Moreau", "Tanaka", "Castillo", "Novak", "Haddad", "Ferreira", "Kowalski", "Brennan",
        "Sato", "Rossi", "Andersen", "Mbeki", "Quintero", "Varga", "Holm", "Delacroix", "Petrov", "Ashworth",
        "Nakamura", "Oyelaran", "Gallo", "Fischer", "Duval", "Kaur", "Lombardi", "Marsh", "Ibsen", "Serrano",
    ];

    public static readonly string[] Studios =
    [
        "Northlight Pictures", "Harborview Films", "Red Orchard Studios", "Meridian Entertainment", "Tall Pine Media",
        "Blue Comet Productions", "Silverline Pictures", "Old Mill Films", "Kestrel Studios", "Paper Lantern Films",
        "Granite Peak Pictures", "Saltmarsh Productions",
    ];

    public static readonly string[] Countries =
    [
        "United States of America", "United Kingdom", "France", "Germany", "Japan", "Canada", "South Korea", "Spain",
        "Italy", "Australia",
    ];

    public static readonly string[] Heroes =
    [
        "a retired detective", "a young pilot", "two estranged sisters", "a small-town teacher", "a disgraced chef",
        "an ambitious journalist", "a reluctant heir", "a street musician", "a widowed farmer", "a rookie medic",
        "a former boxer", "an eccentric inventor", "a runaway teenager", "a weary diplomat", "a night-shift nurse",
    ];

    public static readonly string[] Places =
    [
        "a fading seaside town", "the outskirts of a sprawling city", "a remote mountain village", "a crowded ocean liner",
        "a research station at the edge of the world", "a sleepy desert outpost", "a city that never sleeps",
        "a crumbling family estate", "a border town", "an island cut off by a storm",
    ];

    public static readonly string[] Roles =
    [
        "The Stranger", "Captain", "The Mother", "Detective", "The Kid", "Doctor", "The Mayor", "Narrator", "Pilot",
        "The Twin", "Professor", "Bartender", "The Neighbour", "Sergeant", "The Widow",
    ];

    /// <summary>What a plot in each genre turns on, filled into the overview template.</summary>
    public static readonly Dictionary<string, string[]> Stakes = new(StringComparer.Ordinal)
    {
        ["Action"] = ["must stop a coordinated attack before dawn", "is pulled into a chase across three countries"],
        ["Adventure"] = ["sets out to find a map that should not exist", "joins an expedition into uncharted country"],
        ["Animation"] = ["discovers that the toys in the attic can talk", "befriends a cloud that has lost its way"],
        ["Comedy"] = ["accidentally agrees to host a wedding for strangers", "fakes a talent to win a local contest"],
        ["Crime"] = ["plans one last job with an old crew", "uncovers the payroll of a quiet syndicate"],
        ["Documentary"] = ["follows the people who keep an old ferry running", "records a year in a failing factory"],
        ["Drama"] = ["comes home to settle a father's debts", "must choose between loyalty and a new life"],
        ["Family"] = ["has one summer to save the neighbourhood pool", "adopts a dog with a very particular talent"],
        ["Fantasy"] = ["inherits a key to a door that opens onto another world", "bargains with a forest spirit"],
        ["History"] = ["carries a message that could end a siege", "keeps a printing press running under occupation"],
        ["Horror"] = ["hears footsteps in a house that has no upstairs", "finds the town's children drawing the same face"],
        ["Music"] = ["reunites a band for one final tour", "writes the song that will change a small club's fate"],
        ["Mystery"] = ["finds a letter dated thirty years in the future", "investigates a disappearance nobody reported"],
        ["Romance"] = ["keeps running into the same stranger on the night train", "falls for a rival baker"],
        ["Science Fiction"] = ["receives a signal from a probe launched before they were born", "wakes up a day early on a colony ship"],
        ["Thriller"] = ["realises the witness protection file has been leaked", "is trapped in a building with a blackmailer"],
        ["War"] = ["leads a unit behind the lines in the final winter", "smuggles refugees across a guarded river"],
        ["Western"] = ["rides into a town run by a railroad baron", "tracks stolen horses across the border"],
    };
}
