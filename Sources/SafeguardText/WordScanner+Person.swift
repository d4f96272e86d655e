import SafeguardCore

/// Person names.
///
/// A capitalised word is a name when it is a known first name that is not also a common word
/// or a place ("Maria", "Ahmed"). A first name that is also a word or place ("Will",
/// "Victoria") needs a cue or a surname after it ("Grace Kowalski"). A known surname needs a
/// cue (title, "says", "receptionist", "my name is", "by", "with"), a person's verb after it
/// ("Kowalski said"), a staff place after it ("Nowak on reception"), a first name before it, or a
/// list partner that is a name ("Morrison, Rogers and Torres"). An unknown capitalised word that
/// is not an ordinary English word needs a strong cue, a verb, a staff place or a surname after it.
/// A word followed by a venue word ("Victoria Station", "Holiday Inn") or after "the" is not a
/// person unless it is an unambiguous first name; words of the premises' own name are preserved.
/// The name extends over following surnames, unknown capitalised words and initials.
extension WordScanner {
    /// First names that are also slang for a condom or a drug ("Johnny wrappers", "Charlie bags").
    static let slangNames = ByteWordSet(["johnny", "johnnies", "charlie", "molly", "mandy", "tina"])
    /// What such slang comes in.
    static let wrappings = ByteWordSet([
        "wrapper", "wrappers", "packet", "packets", "bag", "bags", "baggie", "baggies", "wraps", "box", "boxes",
    ])

    /// Websites and firms that reviews name like people ("Someone on TripAdvisor said …"): never a
    /// person (nor is a social platform, ``platforms``), so a cue after them ("said") does not hide
    /// them from the sign rules.
    static let siteNames = ByteWordSet([
        "tripadvisor", "booking", "expedia", "airbnb", "google", "whatsapp", "reddit", "trustpilot", "yelp", "youtube",
        "laterooms", "agoda", "trivago", "uber", "deliveroo", "justeat", "amazon", "netflix", "mumsnet",
    ])

    func person(_ word: Word) -> PIISpan? {
        let g = self.gazetteer
        let capitalised = ByteClass.isUpper(self.text[word.start]) || self.text[word.start] >= 0xC3
        let core = self.withoutPossessive(word)
        let dotted = core.end < self.text.count && self.text[core.end] == 0x2E
        if !capitalised && core.end - core.start < 2 { return nil }
        if self.isContraction(core) { return nil }
        // lower-case words: only a dotted title, or a known first name in a name context; the
        // length and the small first-name filter go first, so most words end before any table probe
        if !capitalised && !dotted && core.end - core.start < 3 { return nil }
        let hash = ByteWordSet.hash(self.text, core.start, core.end)
        if !capitalised && !dotted && !g.firstNameFilter.mayContain(hash: hash) { return nil }
        if g.stopWords.contains(hash: hash) { return nil }
        if capitalised && (Self.siteNames.contains(hash: hash) || Self.platforms.contains(hash: hash)) { return nil }
        if !capitalised && !dotted && !self.lowerCaseNameContext(core) { return nil }
        if !capitalised && self.contains(g.slangWords, core) { return nil }
        // one probe for every list the word is in
        let flags = g.wordFlags.flags(hash: hash)
        if !capitalised {
            guard (dotted && flags.contains(.title)) || flags.contains(.firstName) else { return nil }
        }
        if let preserving = self.preserving, preserving.contains(hash: hash), self.standsInPremisesName(core, preserving) {
            return nil
        }
        if flags.contains(.title) && (capitalised || (core.end < self.text.count && self.text[core.end] == 0x2E)) {
            return self.nameAfterTitle(word)
        }
        let isFirstName = flags.contains(.firstName)
        let isSurname = flags.contains(.surname)
        let common = flags.contains(.common)
        let place = flags.contains(.place)
        let ordinary = flags.contains(.ordinary)
        if capitalised && !place && !flags.contains(.title) && (!flags.contains(.common) || flags.contains(.firstName))
            && self.hasNicknameCue()
        {
            return PIISpan(type: .person, start: word.start, end: core.end == word.end ? self.extendName(from: word) : core.end)
        }
        // fast exit: an ordinary word, common word or place that is no name at all
        if !isFirstName && !isSurname && (common || place || ordinary) { return nil }
        if let span = self.nameWithInitial(core, capitalised: capitalised) { return span }
        if capitalised, let span = self.nameOnItsOwnLine(core) { return span }
        let next = core.end == word.end ? self.nextWord(after: word.end) : .none
        if next.exists && self.contains(g.venueWords, next) { return nil }
        // slang for a condom or a drug before its wrapping is no name: "Johnny wrappers by the bed"
        if next.exists && self.contains(Self.slangNames, core) && self.contains(Self.wrappings, next) { return nil }
        if self.contains(g.streetPrefixes, self.previous) { return nil }
        let length = core.end - core.start
        if length <= 2 || (length <= 3 && self.isAllCaps(core)) { return nil }
        let afterArticle = self.word(self.previous, is: "the") || self.word(self.previous, is: "a")
        // "rang the bell at reception": a lower-case word after an article is a thing
        if afterArticle && !capitalised { return nil }
        let clearFirstName = isFirstName && !common && !place
        if afterArticle && !clearFirstName { return nil }
        let known = (isFirstName || isSurname) && !common && !place
        let unknown = !isFirstName && !isSurname && !common && !place && !ordinary
        let strongCue = self.hasCueBefore()
        let weakCue = self.contains(g.weakCuesBefore, self.previous)
        // "Man at the bar", "Bloke on reception": a word for a person is described, not named, by what follows
        let generic = capitalised && self.contains(g.personNouns, core)
        let staff = !generic && self.hasStaffPlaceAfter(next, skippingVerb: isFirstName || isSurname)
        let surnameFollows = next.exists && self.isSurnameLike(next)
        let nextFlags = next.exists ? self.flags(next) : []
        let knownSurnameFollows = surnameFollows && nextFlags.contains(.surname) && !nextFlags.contains(.common)
        let verb = next.exists && self.contains(g.verbsAfter, next)
        // "Nkechi's sister", "Dean's mum": a possessive before a family or friend word
        let kin = core.end != word.end && self.contains(g.kinWords, self.nextWord(after: word.end))
        var isPerson = false
        if capitalised {
            if clearFirstName {
                isPerson = true
            } else if isFirstName && !place {
                isPerson = strongCue || staff || surnameFollows || self.isSpeakerLabel(core) || kin
                    || (!generic && next.exists && self.contains(g.speechVerbs, next))
                    || (!self.contains(g.calendarWords, core)
                        && (self.companyCue(next) || self.hasListPartner(word, capitalised: true)))
            } else if known && ordinary {
                isPerson = strongCue || staff || surnameFollows || kin
            } else if known {
                isPerson = strongCue || weakCue || staff || verb || surnameFollows || kin
                    || self.hasListPartner(word, capitalised: true)
            } else if unknown {
                isPerson = strongCue || staff || knownSurnameFollows || kin
                    || (verb && self.isStrongVerb(next)) || self.hasListPartner(word, capitalised: true)
                    || self.isSpeakerLabel(core)
            }
        } else {
            let lowerSurname = next.exists && ByteClass.isLower(self.text[next.start]) && nextFlags.contains(.surname)
                && !nextFlags.contains(.common) && !nextFlags.contains(.ordinary)
            // "jamie and kyle": a lower-case first name joined to a name just found
            isPerson = clearFirstName && (strongCue || staff || (verb && self.isStrongVerb(next)) || lowerSurname
                || self.hasListPartner(word, capitalised: false) || self.followsFoundPerson(word))
            if isPerson && lowerSurname {
                return PIISpan(type: .person, start: word.start, end: next.end)
            }
        }
        guard isPerson else { return nil }
        let end = core.end == word.end ? self.extendName(from: word) : core.end
        return PIISpan(type: .person, start: word.start, end: end)
    }

    /// "Valida M. Ibragimov", "bertram m. jørgensen": a name word, a one-letter initial, a surname.
    func nameWithInitial(_ word: Word, capitalised: Bool) -> PIISpan? {
        let g = self.gazetteer
        let initial = self.nextWord(after: word.end)
        guard initial.exists, initial.end - initial.start == 1 else { return nil }
        let letter = self.text[initial.start]
        var after = initial.end
        let dotted = after < self.text.count && self.text[after] == 0x2E
        if dotted { after += 1 }
        let last = self.nextWord(after: after)
        guard last.exists, word.end - word.start >= 3 else { return nil }
        let f = self.flags(word)
        if capitalised {
            guard ByteClass.isUpper(letter), letter != 0x49 || dotted, self.isSurnameLike(last),
                !f.contains(.common), !f.contains(.place), !self.contains(g.venueWords, word),
                f.contains(.firstName) || f.contains(.surname) || !f.contains(.ordinary)
            else { return nil }
        } else {
            let lastFlags = self.flags(last)
            guard ByteClass.isLower(letter), letter != 0x61, letter != 0x69 || dotted, ByteClass.isLower(self.text[last.start]),
                f.contains(.firstName), !f.contains(.common), !f.contains(.place),
                !lastFlags.contains(.ordinary) || lastFlags.contains(.surname)
            else { return nil }
        }
        return PIISpan(type: .person, start: word.start, end: self.withoutPossessive(last).end)
    }

    /// Two or three capitalised name-like words alone on a line ("Einojuhani Pyysalo" in a signature or form).
    func nameOnItsOwnLine(_ word: Word) -> PIISpan? {
        guard self.sentenceStart else { return nil }
        var k = word.start - 1
        while k >= 0 && (self.text[k] == 0x20 || self.text[k] == 0x3E) { k -= 1 }
        guard k < 0 || self.text[k] == 0x0A else { return nil }
        let f = self.flags(word)
        guard !f.contains(.ordinary), !f.contains(.common), !f.contains(.place), !self.contains(self.gazetteer.venueWords, word)
        else { return nil }
        var end = word.end
        var parts = 1
        while parts < 3 {
            let next = self.nextWord(after: end)
            guard next.exists, self.isSurnameLike(next) else { break }
            end = next.end
            parts += 1
        }
        guard parts >= 2 else { return nil }
        var e = end
        while e < self.text.count && (self.text[e] == 0x20 || self.text[e] == 0x0D) { e += 1 }
        guard e >= self.text.count || self.text[e] == 0x0A else { return nil }
        return PIISpan(type: .person, start: word.start, end: end)
    }

    /// Whether a word of the premises' own name stands as part of that name ("the George", "George
    /// Hotel", "Maria Hotel"), not alone as a person's ("George on reception was rude"): after "the",
    /// "at" or another of its words, or before another of its words or a venue word.
    func standsInPremisesName(_ word: Word, _ preserving: ByteWordSet) -> Bool {
        if self.word(self.previous, is: "the") || self.word(self.previous, is: "at")
            || (self.previous.exists && self.contains(preserving, self.previous))
        {
            return true
        }
        let next = self.nextWord(after: word.end)
        return next.exists && (self.contains(preserving, next) || self.contains(self.gazetteer.venueWords, next))
    }

    /// Cheap test for a lower-case name's surroundings: a cue word before it, or after it a staff
    /// place preposition, an initial, a person's verb or a list separator.
    func lowerCaseNameContext(_ word: Word) -> Bool {
        let g = self.gazetteer
        if word.end < self.text.count && self.text[word.end] == 0x2C { return true }
        let next = self.nextWord(after: word.end)
        if next.exists {
            if next.end - next.start == 1 { return true }
            if self.word(next, is: "on") || self.word(next, is: "at") || self.word(next, is: "from") || self.word(next, is: "in")
                || self.word(next, is: "behind") || self.word(next, is: "and") || self.word(next, is: "or")
            {
                return true
            }
        }
        if self.previous.exists {
            if self.word(self.previous, is: "is") || self.word(self.previous, is: "you") || self.word(self.previous, is: "him")
                || self.word(self.previous, is: "her") || self.word(self.previous, is: "and")
            {
                return true
            }
            var j = word.start - 1
            while j > self.previous.end && self.text[j] == 0x20 { j -= 1 }
            if self.text[j] == 0x2C { return true }
            let p = ByteWordSet.hash(self.text, self.previous.start, self.previous.end)
            if g.cuesBefore.contains(hash: p) || g.weakCuesBefore.contains(hash: p) { return true }
        }
        guard next.exists else { return false }
        return g.verbsAfter.contains(hash: ByteWordSet.hash(self.text, next.start, next.end))
    }

    /// A speaker label in a transcript: the word opens a line and a colon follows ("Koppány: Who are you?").
    func isSpeakerLabel(_ word: Word) -> Bool {
        guard word.end < self.text.count, self.text[word.end] == 0x3A else { return false }
        var k = word.start - 1
        while k >= 0 && self.text[k] == 0x20 { k -= 1 }
        return k < 0 || self.text[k] == 0x0A
    }

    /// Whether every letter of the word is a capital ("OTT", "GERDA").
    func isAllCaps(_ word: Word) -> Bool {
        for k in word.start..<word.end where ByteClass.isLower(self.text[k]) { return false }
        return true
    }

    /// The word without a trailing possessive `'s` ("Melvin's" → "Melvin").
    func withoutPossessive(_ word: Word) -> Word {
        let n = word.end - word.start
        if n > 3 && self.text[word.end - 2] == 0x27 && (self.text[word.end - 1] | 0x20) == 0x73 {
            return Word(start: word.start, end: word.end - 2)
        }
        return word
    }

    /// A pronoun or verb with a contraction ("I've", "We'll", "they're", "I'd", "I'm", "don't"):
    /// never a name, though "Ive" is one. Names with an apostrophe ("O'Brien", "D'Arcy") end otherwise.
    func isContraction(_ word: Word) -> Bool {
        let n = word.end - word.start
        guard n >= 3 else { return false }
        let last = self.text[word.end - 1] | 0x20
        if self.text[word.end - 2] == 0x27 {
            // 'd, 'm, n't
            return last == 0x64 || last == 0x6D || (last == 0x74 && (self.text[word.end - 3] | 0x20) == 0x6E)
        }
        guard n >= 4, self.text[word.end - 3] == 0x27 else { return false }
        let middle = self.text[word.end - 2] | 0x20
        // 've, 'll, 're
        return (middle == 0x76 && last == 0x65) || (middle == 0x6C && last == 0x6C) || (middle == 0x72 && last == 0x65)
    }

    /// Verbs that show a person even after an unknown word ("Mourik began", not "Novotel is").
    func isStrongVerb(_ word: Word) -> Bool {
        !(self.word(word, is: "is") || self.word(word, is: "was") || self.word(word, is: "has")
            || self.word(word, is: "will") || self.word(word, is: "would") || self.word(word, is: "who")
            || self.word(word, is: "came") || self.word(word, is: "went") || self.word(word, is: "works")
            || self.word(word, is: "worked") || self.word(word, is: "gave") || self.word(word, is: "gives")
            || self.word(word, is: "offered") || self.word(word, is: "showed") || self.word(word, is: "upgraded")
            || self.word(word, is: "served") || self.word(word, is: "recorded") || self.word(word, is: "called")
            || self.word(word, is: "helped") || self.word(word, is: "wants") || self.word(word, is: "wanted"))
    }

    /// Whether a known name stands next to the word in a list ("Morrison, Rogers and Torres").
    func hasListPartner(_ word: Word, capitalised: Bool) -> Bool {
        func isPartner(_ w: Word) -> Bool {
            guard w.exists else { return false }
            let upper = ByteClass.isUpper(self.text[w.start]) || self.text[w.start] >= 0xC3
            guard upper == capitalised else { return false }
            let f = self.flags(self.withoutPossessive(w))
            // a lower-case partner that is also an English word says nothing: "a sewing kit, cotton buds"
            return (f.contains(.firstName) || f.contains(.surname)) && !f.contains(.common) && !f.contains(.place)
                && (capitalised || !f.contains(.ordinary))
        }
        // after: ", X" / " and X" / " or X" / " & X"
        var k = word.end
        var comma = false
        if k < self.text.count && self.text[k] == 0x2C {
            comma = true
            k += 1
        }
        var after = self.nextWord(after: k)
        if self.word(after, is: "and") || self.word(after, is: "or") {
            after = self.nextWord(after: after.end)
        } else if !comma {
            after = .none
        }
        if isPartner(after) { return true }
        // "Eilidh and I", "Kofi and me": only people go with the writer
        if capitalised && !comma && (self.word(after, is: "i") || self.word(after, is: "me")) { return true }
        if capitalised && self.followsFoundPerson(word) { return true }
        // "me and Ffion", "I and Gethin"
        if capitalised && self.word(self.previous, is: "and")
            && (self.word(self.beforePrevious, is: "me") || self.word(self.beforePrevious, is: "i"))
        {
            return true
        }
        // before: "X, " / "X and " / "X or "
        var before = Word.none
        if self.word(self.previous, is: "and") || self.word(self.previous, is: "or") {
            before = self.beforePrevious
        } else if self.previous.exists {
            var j = word.start - 1
            while j > self.previous.end && self.text[j] == 0x20 { j -= 1 }
            if j >= self.previous.end && self.text[j] == 0x2C { before = self.previous }
        }
        return isPartner(before)
    }

    /// Whether the word comes right after a name already found, joined by "and", "or", "&" or a
    /// comma ("Priya and Ffion", "Kasia, Wojciech").
    func followsFoundPerson(_ word: Word) -> Bool {
        // an acronym ("BMWs") names no person
        guard self.lastPersonEnd >= 0, self.lastPersonEnd < word.start, word.end - word.start >= 2,
            !ByteClass.isUpper(self.text[word.start + 1])
        else { return false }
        var k = self.lastPersonEnd
        // a possessive or a closing quote may end the name
        while k < word.start && (self.text[k] == 0x27 || self.text[k] == 0x73) && k - self.lastPersonEnd < 2 { k += 1 }
        while k < word.start && self.text[k] == 0x20 { k += 1 }
        if k < word.start && (self.text[k] == 0x2C || self.text[k] == 0x26) {
            k += 1
            while k < word.start && self.text[k] == 0x20 { k += 1 }
        }
        if k + 4 <= word.start && self.text[k] == 0x61 && self.text[k + 1] == 0x6E && self.text[k + 2] == 0x64 && self.text[k + 3] == 0x20 {
            k += 4
        } else if k + 3 <= word.start && self.text[k] == 0x6F && self.text[k + 1] == 0x72 && self.text[k + 2] == 0x20 {
            k += 3
        }
        while k < word.start && self.text[k] == 0x20 { k += 1 }
        return k == word.start && k > self.lastPersonEnd + 1
    }

    /// Whether a word can continue a name: capitalised surname or unknown word, not a venue word.
    /// When `extendingAName` (a name was already found before it), a surname that is also a common
    /// word counts too if written Title-case ("Sarah Brown", "Tom Young", "Mickey Mouse"); such a word
    /// alone is no evidence of a name.
    func isSurnameLike(_ word: Word, extendingAName: Bool = false) -> Bool {
        let g = self.gazetteer
        guard word.exists, ByteClass.isUpper(self.text[word.start]) || self.text[word.start] >= 0xC3 else { return false }
        let core = self.withoutPossessive(word)
        if self.contains(g.venueWords, core) { return false }
        // a number plate or licence code is no part of a name ("an old Escort ABC 123D")
        for k in core.start..<core.end where ByteClass.isDigit(self.text[k]) { return false }
        if self.plate(at: word.start, end: word.end) != nil || self.northernIrelandPlate(at: word.start) != nil
            || self.licenceCode(at: word.start, end: word.end) != nil
        {
            return false
        }
        let f = self.flags(core)
        if f.contains(.place) || f.contains(.title) { return false }
        if let preserving = self.preserving, self.contains(preserving, core) { return false }
        if f.contains(.surname) || f.contains(.firstName) {
            if !f.contains(.common) { return true }
            guard extendingAName, f.contains(.surname), core.end - core.start >= 3, ByteClass.isUpper(self.text[core.start])
            else { return false }
            for k in (core.start + 1)..<core.end where !ByteClass.isLower(self.text[k]) { return false }
            return !self.contains(Self.notSurnamesAfterAName, core)
        }
        return !f.contains(.ordinary) && !f.contains(.common)
    }

    /// Surname-list words that after a name begin the next clause or name a role, not a family:
    /// "our dog Bella She was", "to Tom Duty manager", "Maria Front desk".
    static let notSurnamesAfterAName = ByteWordSet([
        "she", "he", "it", "its", "they", "we", "you", "her", "him", "his", "hers", "our", "their", "this",
        "that", "these", "those", "the", "and", "but", "so", "then", "was", "were", "is", "are", "has", "had",
        "on", "in", "at", "to", "for", "of", "as", "by", "with", "from", "who", "when", "very", "also", "not",
        "duty", "night", "day", "head", "general", "assistant", "front", "shift", "deputy", "senior", "floor",
        "bar", "room", "desk", "reception", "team", "staff", "manager", "hotel", "great", "good", "best",
        "suite", "apt", "flat", "point", "points", "pass", "new", "north", "south", "east", "west",
    ])

    /// The end of a name starting with `word`: following surname-like words and initials.
    func extendName(from word: Word) -> Int {
        var end = word.end
        var parts = 0
        while parts < 3 {
            let next = self.nextWord(after: end)
            guard next.exists else { break }
            // an initial: "P." or "P"
            if next.end - next.start == 1 && ByteClass.isUpper(self.text[next.start]) {
                var after = next.end
                if after < self.text.count && self.text[after] == 0x2E { after += 1 }
                let following = self.nextWord(after: after)
                if following.exists && self.isSurnameLike(following) {
                    end = self.withoutPossessive(following).end
                    parts += 2
                    continue
                }
                break
            }
            guard self.isSurnameLike(next, extendingAName: true) else { break }
            let core = self.withoutPossessive(next)
            end = core.end
            if core.end != next.end { break }
            parts += 1
        }
        return end
    }

    /// After a title ("Mr", "Dr."): one to three capitalised words.
    func nameAfterTitle(_ title: Word) -> PIISpan? {
        var after = title.end
        if after < self.text.count && self.text[after] == 0x2E { after += 1 }
        let first = self.nextWord(after: after)
        guard first.exists, ByteClass.isUpper(self.text[first.start]) || self.text[first.start] >= 0xC3,
            !self.contains(self.gazetteer.venueWords, first)
        else { return nil }
        let core = self.withoutPossessive(first)
        if core.end != first.end { return PIISpan(type: .person, start: first.start, end: core.end) }
        return PIISpan(type: .person, start: first.start, end: self.extendName(from: first))
    }

    /// "drinks with Jack and Ffion", "meeting Rose there": a capitalised first name that is also a
    /// word, after "with" or "meet", where the phrase ends with it ("with Sky sports" is no person).
    func companyCue(_ next: Word) -> Bool {
        guard self.word(self.previous, is: "with") || self.word(self.previous, is: "meet") || self.word(self.previous, is: "met")
            || self.word(self.previous, is: "meeting")
        else { return false }
        return !next.exists || self.word(next, is: "and") || self.word(next, is: "or") || self.word(next, is: "at")
            || self.word(next, is: "on") || self.word(next, is: "in") || self.word(next, is: "there")
            || self.word(next, is: "after") || self.word(next, is: "before") || self.word(next, is: "for")
    }

    /// A strong cue right before the current word: "says", "receptionist", "my name is", "call me", "thank you".
    func hasCueBefore() -> Bool {
        if self.contains(self.gazetteer.cuesBefore, self.previous) { return true }
        if self.word(self.previous, is: "is") && self.word(self.beforePrevious, is: "name") { return true }
        if self.word(self.previous, is: "name's") || self.word(self.previous, is: "names") { return true }
        if self.word(self.previous, is: "you") && self.word(self.beforePrevious, is: "thank") { return true }
        // "thanks to Grace", "shout out to Rose"
        if self.word(self.previous, is: "to")
            && (self.word(self.beforePrevious, is: "thanks") || self.word(self.beforePrevious, is: "thank")
                || self.word(self.beforePrevious, is: "out") || self.word(self.beforePrevious, is: "cheers"))
        {
            return true
        }
        if self.word(self.previous, is: "me") && (self.word(self.beforePrevious, is: "call") || self.word(self.beforePrevious, is: "calls")) {
            return true
        }
        if (self.word(self.previous, is: "him") || self.word(self.previous, is: "her"))
            && (self.word(self.beforePrevious, is: "named") || self.word(self.beforePrevious, is: "called"))
        {
            return true
        }
        return self.hasNicknameCue()
    }

    /// Whether the words before are a nickname's cue: "the lad they call Gaz", "a man known as Tiny",
    /// "a driver nicknamed Spud", "calls himself Dee". A nickname is often an ordinary word, so a
    /// capitalised word after one of these is a name even when it is also a word (not when a place).
    func hasNicknameCue() -> Bool {
        if self.word(self.previous, is: "call")
            && (self.word(self.beforePrevious, is: "they") || self.word(self.beforePrevious, is: "everyone")
                || self.word(self.beforePrevious, is: "people") || self.word(self.beforePrevious, is: "we"))
        {
            return true
        }
        if self.word(self.previous, is: "as") && self.word(self.beforePrevious, is: "known") { return true }
        if self.word(self.previous, is: "nicknamed") { return true }
        return (self.word(self.previous, is: "himself") || self.word(self.previous, is: "herself"))
            && (self.word(self.beforePrevious, is: "calls") || self.word(self.beforePrevious, is: "called"))
    }

    /// "on/at/from/in reception", "behind the bar" style staff places right after the word.
    func hasStaffPlaceAfter(_ after: Word, skippingVerb: Bool = false) -> Bool {
        // "Ffion was on the door", "Iwan is behind the bar" (names only: "Contactless works at the bar")
        var next = after
        if skippingVerb && (self.word(next, is: "was") || self.word(next, is: "is") || self.word(next, is: "works")) {
            next = self.nextWord(after: next.end)
        }
        guard next.exists,
            self.word(next, is: "on") || self.word(next, is: "at") || self.word(next, is: "from") || self.word(next, is: "in")
                || self.word(next, is: "behind")
        else { return false }
        var place = self.nextWord(after: next.end)
        if self.word(place, is: "the") { place = self.nextWord(after: place.end) }
        return self.contains(self.gazetteer.staffPlaces, place)
    }
}
