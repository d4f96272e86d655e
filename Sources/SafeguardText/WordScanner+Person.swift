import SafeguardCore

/// Person names.
///
/// A capitalised word is a name when it is a known first name that is not also an ordinary
/// word or a place ("Maria", "Ahmed"); a first name that is also a word or place ("Will",
/// "Victoria"), a known surname, or an unknown capitalised word counts only with a cue: a title
/// before it ("Mr Iwase"), a cue word before it ("says", "thanks", "receptionist", "my name is"),
/// a staff place after it ("Sam on reception"), or a surname after it ("Grace Kowalski"). A word
/// followed by a venue word ("Victoria Station", "Charlotte Street", "Holiday Inn") or preceded
/// by "the" is not a person; words of the premises' own name are preserved. The name extends over
/// following capitalised surnames, unknown words and initials ("Vanessa P. Hertzog").
extension WordScanner {
    func person(_ word: Word) -> PIISpan? {
        let g = self.gazetteer
        let capitalised = ByteClass.isUpper(self.text[word.start]) || self.text[word.start] >= 0xC3
        if let preserving = self.preserving, self.contains(preserving, word) { return nil }
        if capitalised && self.contains(g.titles, word) {
            return self.nameAfterTitle(word)
        }
        let next = self.nextWord(after: word.end)
        if next.exists && self.contains(g.venueWords, next) { return nil }
        if self.word(self.previous, is: "the") || self.word(self.previous, is: "a") { return nil }
        let isFirstName = self.contains(g.firstNames, word)
        let ordinary = self.contains(g.ordinaryWords, word)
        let common = self.contains(g.commonWords, word)
        let place = self.contains(g.places, word)
        let cue = self.hasCueBefore() || self.hasStaffPlaceAfter(next)
        let surnameFollows = next.exists && ByteClass.isUpper(self.text[next.start]) && self.isSurnameLike(next)
        var isPerson = false
        if capitalised {
            if isFirstName && !common && !place {
                isPerson = true
            } else if isFirstName {
                isPerson = cue || (surnameFollows && !place)
            } else if !ordinary && !place && !self.sentenceStart {
                isPerson = cue
            } else if self.contains(g.surnames, word) && !place {
                isPerson = self.hasCueBefore()
            }
        } else {
            isPerson = isFirstName && !common && !place && cue
        }
        guard isPerson else { return nil }
        return PIISpan(type: .person, start: word.start, end: self.extendName(from: word))
    }

    /// Whether a word can continue a name: capitalised surname or unknown word, not a venue word.
    func isSurnameLike(_ word: Word) -> Bool {
        let g = self.gazetteer
        guard word.exists, ByteClass.isUpper(self.text[word.start]) || self.text[word.start] >= 0xC3 else { return false }
        if self.contains(g.venueWords, word) || self.contains(g.places, word) || self.contains(g.titles, word) { return false }
        if let preserving = self.preserving, self.contains(preserving, word) { return false }
        if self.contains(g.surnames, word) || self.contains(g.firstNames, word) {
            return !self.contains(g.commonWords, word)
        }
        return !self.contains(g.ordinaryWords, word)
    }

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
                    end = following.end
                    parts += 2
                    continue
                }
                break
            }
            guard self.isSurnameLike(next) else { break }
            if self.contains(self.gazetteer.commonWords, next) { break }
            end = next.end
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
        var end = first.end
        var parts = 1
        while parts < 3 {
            let next = self.nextWord(after: end)
            guard next.exists, self.isSurnameLike(next) else { break }
            end = next.end
            parts += 1
        }
        return PIISpan(type: .person, start: first.start, end: end)
    }

    /// A cue word right before the current word, or "my name is" / "name's" / "I'm called".
    func hasCueBefore() -> Bool {
        if self.contains(self.gazetteer.cuesBefore, self.previous) { return true }
        if self.word(self.previous, is: "is") && self.word(self.beforePrevious, is: "name") { return true }
        if self.word(self.previous, is: "name's") || self.word(self.previous, is: "names") { return true }
        if self.word(self.previous, is: "you") && self.word(self.beforePrevious, is: "thank") { return true }
        return false
    }

    /// "on/at/from/in reception", "behind the bar" style staff places right after the word.
    func hasStaffPlaceAfter(_ next: Word) -> Bool {
        guard next.exists,
            self.word(next, is: "on") || self.word(next, is: "at") || self.word(next, is: "from") || self.word(next, is: "in")
                || self.word(next, is: "behind")
        else { return false }
        var place = self.nextWord(after: next.end)
        if self.word(place, is: "the") { place = self.nextWord(after: place.end) }
        return self.contains(self.gazetteer.staffPlaces, place)
    }
}
