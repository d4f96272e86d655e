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
    /// Drug slang that is also a given name ("some charlie", "molly and pills"): written in lower
    /// case it is the drug, never a name, so the sign scan still sees it.
    public let slangWords: ByteWordSet
    /// Months and days ("June", "August", "Sunday"): never a name from a list partner or "with".
    public let calendarWords: ByteWordSet
    /// Family and friends after a possessive ("Nkechi's sister", "Dean's mum"): the word before is a person.
    public let kinWords: ByteWordSet
    /// Words for a person that are names only rarely ("Man at the bar told us", "Bloke on reception was
    /// rude"): a staff place or a speech verb after one describes someone, it does not name them.
    public let personNouns: ByteWordSet
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
    public convenience init(
        firstNames: [String], surnames: [String], ordinaryWords: [String], commonWords: [String], places: [String],
        otherNames: [String] = []
    ) {
        self.init(
            firstNames: WordList(firstNames), surnames: WordList(surnames), ordinaryWords: WordList(ordinaryWords),
            commonWords: WordList(commonWords), places: WordList(places), otherNames: WordList(otherNames))
    }

    /// The gazetteer of the given lists, each read straight from its bytes (see ``WordList``).
    init(
        firstNames: WordList, surnames: WordList, ordinaryWords: WordList, commonWords: WordList, places: WordList,
        otherNames: WordList
    ) {
        let firstHashes = firstNames.hashes()
        let surnameHashes = surnames.hashes()
        let commonHashes = commonWords.hashes()
        self.commonWords = ByteWordSet(hashes: commonHashes)
        let named = Self.namedCommonWords(commonWords, names: [firstNames, surnames])
        self.stopWords = ByteWordSet(hashes: commonWords.words.indices.filter { !named.contains($0) }.map { commonHashes[$0] })
        self.firstNames = ByteWordSet(hashes: firstHashes)
        self.firstNameFilter = ByteHashFilter(hashes: firstHashes)
        self.surnames = ByteWordSet(hashes: surnameHashes)
        self.ordinaryWords = ByteWordSet(hashes: ordinaryWords.hashes())
        self.places = ByteWordSet(hashes: places.hashes())
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
        self.slangWords = ByteWordSet(["charlie", "charly", "molly", "mandy", "tina", "henry", "bob", "mary", "jane", "ket"])
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
        self.personNouns = ByteWordSet([
            "man", "men", "bloke", "blokes", "lad", "lads", "woman", "women", "lady", "ladies", "girl", "girls",
            "boy", "boys", "chap", "chaps", "fella", "fellas", "fellow", "gent", "gents", "gentleman", "geezer", "lass",
        ])
        let otherHashes = otherNames.hashes()
        let ordinaryHashes = ordinaryWords.hashes()
        let placeHashes = places.hashes()
        let titleHashes = WordList(Self.titleWords).hashes()
        var flags = WordFlagTable(
            capacityFor: firstHashes.count + surnameHashes.count + otherHashes.count + ordinaryHashes.count
                + commonHashes.count + placeHashes.count + titleHashes.count)
        for h in firstHashes { flags.add(hash: h, .firstName) }
        for h in surnameHashes { flags.add(hash: h, .surname) }
        for h in otherHashes { flags.add(hash: h, .surname) }
        for h in ordinaryHashes { flags.add(hash: h, .ordinary) }
        for h in commonHashes { flags.add(hash: h, .common) }
        for h in placeHashes { flags.add(hash: h, .place) }
        for h in titleHashes { flags.add(hash: h, .title) }
        self.wordFlags = flags
    }

    /// The indices of the common words that are also a name of `names` once lower-cased (by
    /// `String` equality, as a `Set<String>` of the lower-cased names would tell): those are no stop words.
    static func namedCommonWords(_ common: WordList, names: [WordList]) -> Set<Int> {
        var byString: [String: [Int]] = [:]
        for k in common.words.indices { byString[common.string(k), default: []].append(k) }
        var named = Set<Int>()
        func check(_ name: String) {
            if let ks = byString[name] { named.formUnion(ks) }
        }
        if common.words.indices.contains(where: { !common.isASCII($0) }) {
            // a non-ASCII common word may equal a differently written name: compare every name as a string
            for list in names { for k in list.words.indices { check(list.string(k).lowercased()) } }
            return named
        }
        // an ASCII common word equals a lower-cased ASCII name only if their folded hashes agree
        // (the string check confirms); a name with other bytes is compared as a string
        let hashes = ByteWordSet(hashes: common.hashes())
        for list in names {
            list.bytes.withUnsafeBufferPointer { bytes in
                for (k, range) in list.words.enumerated() {
                    if !list.isASCII(k) {
                        check(list.string(k).lowercased())
                    } else if hashes.contains(hash: ByteWordSet.hash(bytes, range.lowerBound, range.upperBound)) {
                        check(list.string(k).lowercased())
                    }
                }
            }
        }
        return named
    }

    /// The gazetteer shipped in this module's resources.
    public static func bundled() throws(TextError) -> NameGazetteer {
        func words(_ name: String) throws(TextError) -> WordList {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
                let data = try? Data(contentsOf: url)
            else {
                throw TextError(
                    code: "gazetteer-missing",
                    message: "The names gazetteer resource \(name).txt is missing from the SafeguardText bundle; "
                        + "rebuild the package (swift build) so Sources/SafeguardText/Resources is copied.")
            }
            // lines as byte ranges of the file: no string per word (220,000 of them took most of the start-up)
            return WordList(lines: [UInt8](data))
        }
        return NameGazetteer(
            firstNames: try words("first-names"), surnames: try words("surnames"),
            ordinaryWords: try words("ordinary-words"), commonWords: try words("common-words"),
            places: try words("places"), otherNames: try words("first-names-gfdl"))
    }
}

/// A list of words as byte ranges of one buffer, so a gazetteer list of 100,000 words is read and
/// hashed without a `String` per word.
struct WordList {
    /// The bytes the words lie in.
    var bytes: [UInt8]
    /// The words, in order, as ranges of `bytes`; none is empty.
    var words: [Range<Int>]

    /// The non-empty words of `strings` (UTF-8).
    init(_ strings: [String]) {
        var bytes: [UInt8] = []
        var words: [Range<Int>] = []
        for s in strings where !s.utf8.isEmpty {
            let start = bytes.count
            bytes.append(contentsOf: s.utf8)
            words.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.words = words
    }

    /// The lines of a word-list file, trimmed of spaces, tabs and carriage returns; empty lines and
    /// lines starting with `#` are left out (as the bundled lists were always read).
    init(lines bytes: [UInt8]) {
        var words: [Range<Int>] = []
        var start = 0
        let n = bytes.count
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        while start < n {
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            var s = start
            var e = end
            while s < e && isBlank(bytes[s]) { s += 1 }
            while e > s && isBlank(bytes[e - 1]) { e -= 1 }
            if s < e && bytes[s] != 0x23 { words.append(s..<e) }
            start = end + 1
        }
        self.bytes = bytes
        self.words = words
    }

    /// The hashes of the words (``ByteWordSet/hash(_:_:_:)``), in order.
    func hashes() -> [UInt64] {
        self.bytes.withUnsafeBufferPointer { b in self.words.map { ByteWordSet.hash(b, $0.lowerBound, $0.upperBound) } }
    }

    /// Word `k` as a string.
    func string(_ k: Int) -> String {
        String(decoding: self.bytes[self.words[k]], as: UTF8.self)
    }

    /// Whether word `k` is all ASCII.
    func isASCII(_ k: Int) -> Bool {
        !self.bytes[self.words[k]].contains { $0 >= 0x80 }
    }
}
