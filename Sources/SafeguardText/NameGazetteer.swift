import Foundation

/// The word lists the person detector consults: first names and surnames of many origins
/// (built from Faker's MIT-licensed person providers), ordinary English words (SCOWL), places
/// that are also names, and the cue words around names. See `Resources/README.md`.
public final class NameGazetteer: Sendable {
    /// Given names of many origins, lower case.
    public let firstNames: ByteWordSet
    /// A small bit filter over `firstNames`, asked first on the hot path of lower-case words.
    public let firstNameFilter: ByteHashFilter
    /// Family names of many origins, lower case.
    public let surnames: ByteWordSet
    /// Ordinary English words (SCOWL): an unknown capitalised word that is one is not taken as a name.
    public let ordinaryWords: ByteWordSet
    /// Words reviewers write in lower case: a first name that is one ("Will", "Grace", "June") needs a cue.
    public let commonWords: ByteWordSet
    /// Common words that are in no name list ("the", "room", "staff"): never a name; a small,
    /// cache-friendly set checked before the large name lists.
    public let stopWords: ByteWordSet
    /// Towns, districts and landmarks that are also names ("Victoria", "Chelsea").
    public let places: ByteWordSet
    /// Titles before a name ("Mr", "Dr").
    public let titles: ByteWordSet
    /// Words right before a name that show one follows ("says", "thanks", "receptionist").
    public let cuesBefore: ByteWordSet
    /// Weaker cues before a name ("by", "with", "including"): they count only for words in the name lists.
    public let weakCuesBefore: ByteWordSet
    /// Verbs of people right after a name ("Mourik began", "Kowalski said").
    public let verbsAfter: ByteWordSet
    /// Words right after a capitalised word that show it names a place or a business, not a person.
    public let venueWords: ByteWordSet
    /// Street-type words that end an address ("Street", "Rd").
    public let streetWords: ByteWordSet
    /// Street words that come before the street's name ("Rue Gafsa", "Rua Franco").
    public let streetPrefixes: ByteWordSet
    /// Words for staff places after a name ("Maria on reception").
    public let staffPlaces: ByteWordSet
    /// Verbs only a person does, after a first name that is also a word ("Grace drove", "Will said").
    public let speechVerbs: ByteWordSet
    /// Months and days ("June", "August", "Sunday"): never a name from a list partner or "with".
    public let calendarWords: ByteWordSet
    /// Family and friends after a possessive ("Nkechi's sister", "Dean's mum"): the word before is a person.
    public let kinWords: ByteWordSet
    /// First names, surnames, ordinary and common words, places and titles in one table: one
    /// probe tells every list a word is in.
    public let wordFlags: WordFlagTable

    static let titleWords = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "mister", "madam",
        "madame", "monsieur", "herr", "frau", "señor", "senor", "sr", "sra",
    ]

    /// Creates a gazetteer from explicit word lists (tests use small ones). `otherNames` are given
    /// names from a second, less curated list (`first-names-gfdl.txt`): they count as known names that
    /// need a cue, a person's verb, a surname or a list partner, like surnames, never on their own.
    public init(
        firstNames: [String], surnames: [String], ordinaryWords: [String], commonWords: [String], places: [String],
        otherNames: [String] = []
    ) {
        self.commonWords = ByteWordSet(commonWords)
        let firstSet = Set(firstNames.map { $0.lowercased() })
        let lastSet = Set(surnames.map { $0.lowercased() })
        self.stopWords = ByteWordSet(commonWords.filter { !firstSet.contains($0) && !lastSet.contains($0) })
        self.firstNames = ByteWordSet(firstNames)
        self.firstNameFilter = ByteHashFilter(firstNames)
        self.surnames = ByteWordSet(surnames)
        self.ordinaryWords = ByteWordSet(ordinaryWords)
        self.places = ByteWordSet(places)
        self.titles = ByteWordSet(Self.titleWords)
        self.cuesBefore = ByteWordSet([
            "says", "said", "asks", "asked", "told", "tells", "thanks", "thank", "named", "called", "by",
            "receptionist", "manager", "porter", "concierge", "waiter", "waitress", "cleaner", "housekeeper",
            "driver", "barman", "barmaid", "bartender", "chef", "host", "hostess", "security", "colleague",
            "wife", "husband", "son", "daughter", "friend", "boyfriend", "girlfriend", "partner",
            "dear", "hi", "hello", "reported", "writes", "wrote", "replied", "explains", "explained",
            "adds", "added", "producer", "director", "singer", "author", "writer", "actor", "actress", "ceo",
            "president", "minister", "player", "coach", "doctor", "nurse", "officer", "detective", "inspector",
            "sergeant", "constable", "founder", "captain", "chairman", "chairwoman", "lawyer", "solicitor",
            "judge", "agent", "starring", "featuring", "patient", "client", "customer", "guest", "neighbour",
            "brother", "sister", "mother", "father", "mum", "dad", "uncle", "aunt", "cousin", "kid", "child",
            "assistant", "user", "name", "surname", "signed", "regards", "cheers", "i'm", "im",
        ])
        self.weakCuesBefore = ByteWordSet([
            "by", "with", "to", "from", "including", "i'm", "im", "me", "ask", "contact", "meet", "met", "meeting",
        ])
        self.verbsAfter = ByteWordSet([
            "said", "says", "told", "tells", "asked", "asks", "explained", "explains", "began", "begins", "lives",
            "lived", "wrote", "writes", "replied", "smiled", "laughed", "insisted", "refused", "apologised",
            "apologized", "helped", "greeted", "shouted", "works", "worked", "gave", "gives", "offered", "showed",
            "upgraded", "served", "sang", "directed", "founded", "recorded", "had", "has", "was", "is", "will", "spent",
            "would", "who", "went", "came", "called", "wants", "wanted", "thinks", "thought", "knows", "knew",
            "drove", "sorted", "texted", "phoned", "messaged", "promised", "admitted", "lied", "winked", "whispered",
            "swore", "yelled", "booked", "stayed",
        ])
        self.venueWords = ByteWordSet([
            "hotel", "hotels", "inn", "lodge", "house", "arms", "street", "st", "road", "rd", "lane", "avenue",
            "station", "line", "park", "square", "wharf", "bridge", "gardens", "court", "tower", "towers",
            "centre", "center", "mall", "market", "airport", "cross", "circus", "place", "terrace", "hall",
            "hospital", "college", "university", "school", "church", "cathedral", "museum", "gallery",
            "theatre", "stadium", "arena", "island", "bay", "beach", "river", "valley", "county", "city",
            "way", "drive", "close", "grove", "row", "walk", "mews", "quay", "dock", "docks", "rail",
            "underground", "tube", "dlr", "express", "resort", "suites", "apartments", "bar", "pub",
            "restaurant", "cafe", "club", "group", "ltd", "limited", "plc", "inc", "company", "bank", "palace",
            "force", "agency", "council", "police", "service", "services", "department", "office", "associates",
            "association", "partners", "partnership", "corporation", "corp", "llc", "llp", "foundation",
            "institute", "trust", "media", "news", "systems", "solutions", "consulting", "insurance", "holdings",
            "industries", "international", "fund", "hathaway", "elsevier",
            "dock", "estate", "road's", "street's",
        ])
        self.streetWords = ByteWordSet([
            "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "close", "drive", "dr", "way",
            "place", "pl", "crescent", "cres", "court", "ct", "gardens", "gdns", "grove", "terrace", "hill",
            "row", "square", "sq", "walk", "mews", "parade", "wall", "green", "rise", "vale", "view",
            "boulevard", "blvd", "highway", "park", "gate", "yard", "wharf", "embankment", "circus",
        ])
        self.streetPrefixes = ByteWordSet([
            "rua", "rue", "calle", "via", "avenida", "piazza", "plaza", "strada", "ulica", "ul", "avenue", "boulevard",
        ])
        self.staffPlaces = ByteWordSet([
            "reception", "front", "desk", "concierge", "bar", "restaurant", "breakfast", "door", "night",
        ])
        self.speechVerbs = ByteWordSet([
            "said", "says", "told", "tells", "asked", "asks", "explained", "replied", "smiled", "laughed", "insisted",
            "refused", "apologised", "apologized", "greeted", "shouted", "drove", "sorted", "texted", "phoned",
            "messaged", "promised", "admitted", "lied", "winked", "whispered", "screamed", "yelled", "swore",
        ])
        self.calendarWords = ByteWordSet([
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "christmas", "easter",
        ])
        self.kinWords = ByteWordSet([
            "sister", "sisters", "brother", "brothers", "mum", "mom", "mummy", "mother", "dad", "daddy", "father",
            "husband", "wife", "partner", "boyfriend", "girlfriend", "fiance", "fiancé", "fiancee", "fiancée",
            "son", "sons", "daughter", "daughters", "kids", "children", "baby", "nan", "nana", "gran", "granny",
            "grandma", "grandad", "grandpa", "aunt", "auntie", "uncle", "cousin", "niece", "nephew", "friend",
            "friends", "mate", "mates", "family", "parents", "ex", "missus", "fella", "bloke", "lad", "lads",
        ])
        var flags = WordFlagTable()
        flags.add(firstNames, .firstName)
        flags.add(surnames, .surname)
        flags.add(otherNames, .surname)
        flags.add(ordinaryWords, .ordinary)
        flags.add(commonWords, .common)
        flags.add(places, .place)
        flags.add(Self.titleWords, .title)
        self.wordFlags = flags
    }

    /// The gazetteer shipped in this module's resources.
    public static func bundled() throws(TextError) -> NameGazetteer {
        func words(_ name: String) throws(TextError) -> [String] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                throw TextError(
                    code: "gazetteer-missing",
                    message: "The names gazetteer resource \(name).txt is missing from the SafeguardText bundle; "
                        + "rebuild the package (swift build) so Sources/SafeguardText/Resources is copied.")
            }
            // split on bytes: trimming 190,000 lines through Foundation took a third of a second per run
            return text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
                let word = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                guard let first = word.last, first != UInt8(ascii: "#") else { return nil }
                return String(decoding: word.reversed(), as: UTF8.self)
            }
        }
        return NameGazetteer(
            firstNames: try words("first-names"), surnames: try words("surnames"),
            ordinaryWords: try words("ordinary-words"), commonWords: try words("common-words"),
            places: try words("places"), otherNames: try words("first-names-gfdl"))
    }
}
