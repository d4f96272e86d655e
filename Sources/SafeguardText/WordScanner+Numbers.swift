import SafeguardCore

/// Phones, house-number addresses, UK number plates, UK postcodes and taxi badge/plate numbers.
extension WordScanner {
    /// A phone number starting at `start` (a digit, `+` or `(`): UK mobile and landline in the
    /// common layouts (`07700 900123`, `+44 (0)20 7946 0958`, `0113-496-0000`), international
    /// numbers with `+` or `00`, and grouped local numbers of 7-12 digits (`(555) 123-4567`).
    func phone(at start: Int) -> PIISpan? {
        let n = self.text.count
        if start > 0 {
            let p = self.text[start - 1]
            if ByteClass.isAlnum(p) || p == 0x2E || p == 0x2F || p == 0xC2 || p == 0x24 { return nil }
            if p == 0x2C && start > 1 && ByteClass.isDigit(self.text[start - 2]) { return nil }
        }
        var j = start
        let plus = self.text[j] == 0x2B
        if plus { j += 1 } else if self.text[j] == 0x28 { j += 1 }
        var digits = 0
        var groups = 1
        var firstDigits: [UInt8] = []
        var end = start
        var sawDateSeparator = false
        var yearLike = 0
        var groupLength = 0
        var groupValue = 0
        var fourDigitGroups = 0
        while j < n {
            let b = self.text[j]
            if ByteClass.isDigit(b) {
                digits += 1
                groupLength += 1
                groupValue = groupValue &* 10 &+ Int(b - 0x30)
                if firstDigits.count < 4 { firstDigits.append(b) }
                j += 1
                end = j
                continue
            }
            // separators: at most two in a row, one of them a bracket
            var k = j
            var brackets = 0
            var seps = 0
            while k < n && seps < 3 {
                let s = self.text[k]
                if s == 0x20 || s == 0x2D || s == 0x2E || s == 0x2F {
                    if s == 0x2E || s == 0x2F { sawDateSeparator = true }
                } else if s == 0x28 || s == 0x29 {
                    brackets += 1
                } else {
                    break
                }
                seps += 1
                k += 1
            }
            if seps > 0 && (seps == 1 || (seps <= 3 && brackets > 0)) && k < n && ByteClass.isDigit(self.text[k]) && digits > 0 {
                if groupLength == 4 {
                    fourDigitGroups += 1
                    if (1900...2099).contains(groupValue) { yearLike += 1 }
                }
                groupLength = 0
                groupValue = 0
                groups += 1
                j = k
                continue
            }
            if (b == 0x78 || b == 0x58) && digits >= 7 && j + 1 < n && ByteClass.isDigit(self.text[j + 1]) {
                j += 1
                while j < n && ByteClass.isDigit(self.text[j]) { j += 1 }
                end = j
            }
            break
        }
        if groupLength == 4 {
            fourDigitGroups += 1
            if (1900...2099).contains(groupValue) { yearLike += 1 }
        }
        if end < n && ByteClass.isAlpha(self.text[end]) { return nil }
        let leadingZero = firstDigits.first == 0x30
        let doubleZero = firstDigits.count >= 2 && firstDigits[0] == 0x30 && firstDigits[1] == 0x30
        let accepted: Bool
        if plus {
            accepted = digits >= 8 && digits <= 15
        } else if doubleZero {
            accepted = digits >= 10 && digits <= 15
        } else if leadingZero {
            accepted = digits >= 9 && digits <= 12
        } else if groups >= 2 {
            let yearsOnly = yearLike > 0 && yearLike == fourDigitGroups && digits <= 12
            let date = sawDateSeparator && digits == 8
            accepted = digits >= 7 && digits <= 12 && !yearsOnly && !date
        } else {
            accepted = digits >= 10 && digits <= 11
        }
        guard accepted else { return nil }
        return PIISpan(type: .phone, start: start, end: end)
    }

    /// A house number and street: `12 High Street`, `163 Marsh Wall`, `4a Mill Lane`, `7 high st`.
    func address(at start: Int) -> PIISpan? {
        let n = self.text.count
        var j = start
        while j < n && ByteClass.isDigit(self.text[j]) && j - start < 5 { j += 1 }
        guard j - start >= 1, j - start <= 4 else { return nil }
        if j < n && ByteClass.isAlpha(self.text[j]) && (j + 1 >= n || !ByteClass.isAlpha(self.text[j + 1])) { j += 1 }
        if j < n && self.text[j] == 0x2C { j += 1 }
        var words = 0
        var allCapitalised = true
        var cursor = Word(start: -1, end: j)
        while words < 4 {
            let next = self.nextWord(after: cursor.end)
            guard next.exists, ByteClass.isAlpha(self.text[next.start]) else { return nil }
            // "about 14 and goes to St Mary's" is an age, not a house on a street
            if self.contains(Self.notInAStreetName, next) { return nil }
            if !ByteClass.isUpper(self.text[next.start]) { allCapitalised = false }
            words += 1
            if words >= 2 && self.contains(self.gazetteer.streetWords, next) {
                let strict = self.word(next, is: "street") || self.word(next, is: "road") || self.word(next, is: "lane")
                    || self.word(next, is: "avenue") || self.word(next, is: "st") || self.word(next, is: "rd")
                if allCapitalised || strict {
                    var end = next.end
                    if end < n && self.text[end] == 0x2E && (self.word(next, is: "st") || self.word(next, is: "rd")) { end += 1 }
                    return PIISpan(type: .address, start: start, end: end)
                }
                return nil
            }
            cursor = next
        }
        return nil
    }

    /// Words that never stand between a house number and its street word.
    static let notInAStreetName = ByteWordSet([
        "and", "or", "but", "to", "a", "an", "of", "in", "on", "at", "for", "is", "was", "are", "were", "be", "go",
        "goes", "went", "going", "with", "from", "by", "so", "about", "years", "year", "yrs", "old", "minutes",
        "mins", "hours", "pm", "am", "we", "i", "he", "she", "they", "you", "it", "her", "his", "our", "my",
    ])

    /// A UK number plate: current `AB12 CDE` (any case), prefix `A123 BCD` and suffix `ABC 123D` (capitals).
    func plate(at start: Int, end: Int) -> PIISpan? {
        let t = self.text
        let n = t.count
        func alpha(_ i: Int, upper: Bool) -> Bool { i < n && (upper ? ByteClass.isUpper(t[i]) : ByteClass.isAlpha(t[i])) }
        func digit(_ i: Int) -> Bool { i < n && ByteClass.isDigit(t[i]) }
        func boundary(_ i: Int) -> Bool { i >= n || (ByteClass.table[Int(t[i])] & ByteClass.word) == 0 }
        let upper = ByteClass.isUpper(t[start])
        // current: LL DD [ ]LLL
        if alpha(start, upper: upper), alpha(start + 1, upper: upper), digit(start + 2), digit(start + 3) {
            var k = start + 4
            if k < n && t[k] == 0x20 { k += 1 }
            if alpha(k, upper: upper), alpha(k + 1, upper: upper), alpha(k + 2, upper: upper), boundary(k + 3) {
                return PIISpan(type: .vehicleRegistration, start: start, end: k + 3)
            }
        }
        guard upper else { return nil }
        // prefix: L D{1,3} [ ]LLL
        if alpha(start, upper: true), digit(start + 1) {
            var k = start + 1
            while digit(k) && k - start <= 3 { k += 1 }
            if k - start - 1 <= 3 {
                if k < n && t[k] == 0x20 { k += 1 }
                if alpha(k, upper: true), alpha(k + 1, upper: true), alpha(k + 2, upper: true), boundary(k + 3) {
                    return PIISpan(type: .vehicleRegistration, start: start, end: k + 3)
                }
            }
        }
        // suffix: LLL [ ]D{1,3}L
        if alpha(start, upper: true), alpha(start + 1, upper: true), alpha(start + 2, upper: true) {
            var k = start + 3
            if k < n && t[k] == 0x20 { k += 1 }
            let digitsStart = k
            while digit(k) && k - digitsStart < 3 { k += 1 }
            if k > digitsStart, alpha(k, upper: true), boundary(k + 1) {
                return PIISpan(type: .vehicleRegistration, start: start, end: k + 1)
            }
        }
        return nil
    }

    /// A full UK postcode (`SW1A 1AA`, `E14 9SJ`, `m1 1ae`): all capitals, or lower case with the space.
    func postcode(at start: Int, end: Int) -> PIISpan? {
        let t = self.text
        let n = t.count
        let upper = ByteClass.isUpper(t[start])
        func letter(_ i: Int) -> Bool { i < n && (upper ? ByteClass.isUpper(t[i]) : ByteClass.isLower(t[i])) }
        func digit(_ i: Int) -> Bool { i < n && ByteClass.isDigit(t[i]) }
        var k = start
        guard letter(k) else { return nil }
        k += 1
        if letter(k) { k += 1 }
        guard digit(k) else { return nil }
        k += 1
        // outward code: optional letter or digit, unless what follows is already the inward code
        if (letter(k) || digit(k)) && !(digit(k) && letter(k + 1) && letter(k + 2) && !(k + 3 < n && ByteClass.isAlnum(t[k + 3]))) {
            k += 1
        }
        var spaced = false
        if k < n && t[k] == 0x20 {
            spaced = true
            k += 1
        }
        guard spaced || upper else { return nil }
        guard digit(k), letter(k + 1), letter(k + 2) else { return nil }
        let stop = k + 3
        if stop < n && (ByteClass.table[Int(t[stop])] & ByteClass.word) != 0 { return nil }
        return PIISpan(type: .postcode, start: start, end: stop)
    }

    /// Whether a span holds both a digit and a letter ("ABC 123", not "123").
    func hasDigitAndLetter(_ span: PIISpan) -> Bool {
        var digit = false
        var letter = false
        for k in span.start..<span.end {
            if ByteClass.isDigit(self.text[k]) { digit = true } else if ByteClass.isAlpha(self.text[k]) { letter = true }
        }
        return digit && letter
    }

    /// A taxi badge or plate number after a cue: `badge 12345`, `plate no. PH 0412`, `licence number 2019/123`.
    func licenceNumber(after cue: Word) -> PIISpan? {
        // vehicle words take only a registration after them ("car ABC 123", not "car 2")
        let vehicleOnly = self.word(cue, is: "car") || self.word(cue, is: "van") || self.word(cue, is: "cab")
            || self.word(cue, is: "vehicle")
        guard vehicleOnly || self.word(cue, is: "badge") || self.word(cue, is: "plate") || self.word(cue, is: "licence")
            || self.word(cue, is: "license") || self.word(cue, is: "taxi") || self.word(cue, is: "reg")
            || self.word(cue, is: "registration")
        else { return nil }
        let n = self.text.count
        var k = cue.end
        var skipped = 0
        while skipped < 3 {
            while k < n && (self.text[k] == 0x20 || self.text[k] == 0x3A || self.text[k] == 0x23 || self.text[k] == 0x2E) { k += 1 }
            guard k < n else { return nil }
            let w = Word(start: k, end: self.wordEnd(k))
            if self.word(w, is: "no") || self.word(w, is: "number") || self.word(w, is: "num") || self.word(w, is: "nr")
                || self.word(w, is: "id") || self.word(w, is: "was") || self.word(w, is: "is") || self.word(w, is: "plate")
            {
                k = w.end
                skipped += 1
                continue
            }
            break
        }
        guard k < n, ByteClass.isAlnum(self.text[k]) else { return nil }
        if let plate = self.plate(at: k, end: self.wordEnd(k)) ?? self.northernIrelandPlate(at: k) { return plate }
        if let code = self.licenceCode(at: k, end: self.wordEnd(k)) { return code }
        let vehicleCue = vehicleOnly || self.word(cue, is: "reg") || self.word(cue, is: "registration") || self.word(cue, is: "plate")
        if vehicleCue, let dateless = self.datelessPlate(at: k), self.hasDigitAndLetter(dateless) { return dateless }
        if vehicleOnly { return nil }
        var e = k
        var digits = 0
        while e < n {
            let b = self.text[e]
            if ByteClass.isDigit(b) {
                digits += 1
            } else if !(ByteClass.isAlpha(b) || ((b == 0x2F || b == 0x2D) && e + 1 < n && ByteClass.isAlnum(self.text[e + 1]))) {
                if b == 0x20 && digits == 0 && e - k <= 3 && e + 1 < n && ByteClass.isDigit(self.text[e + 1]) {
                    e += 1
                    continue
                }
                break
            }
            e += 1
        }
        guard digits >= 2 else { return nil }
        // a quantity, not a badge: "taxi was 10 min late", "plate 2 quid"
        let unit = self.nextWord(after: e)
        if e < n && self.text[e] == 0x25 { return nil }
        for word: StaticString in ["min", "mins", "minute", "minutes", "hour", "hours", "hrs", "seconds", "secs", "pounds", "quid",
            "pence", "miles", "mile", "mph", "am", "pm", "percent", "people", "men", "girls", "times", "nights", "days", "euros"]
        where self.word(unit, is: word) {
            return nil
        }
        return PIISpan(type: .licenceNumber, start: k, end: e)
    }
}
