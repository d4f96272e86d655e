/// The ConText-style trigger phrases that decide whether a sign phrase is asserted
/// (after NegEx/ConText, Chapman et al.; lower case, matched as whole words on folded text).
public struct ScopeTriggers: Sendable {
    /// Negations that scope forward: "no", "never", "didn't see".
    public var negationBefore: [String]
    /// Negations that scope backward: "noise was not an issue".
    public var negationAfter: [String]
    /// Phrases that contain a trigger word but do not negate: "no doubt", "not only".
    public var pseudo: [String]
    /// Hypotheticals that scope forward: "if", "in case", "would have", "worried".
    public var hypotheticalBefore: [String]
    /// Other experiencer, place or time, forward: "at another hotel", "my friend".
    public var otherBefore: [String]
    /// Other place or time, backward: "years ago", "in the past".
    public var otherAfter: [String]
    /// Words that end a trigger's scope: "but", "however", "although".
    public var terminators: [String]
    /// Words of distress ("for help", "terrified") that override a `not-this-sense` reading in
    /// their sentence unless the other-sense match itself holds them: "a child was screaming for
    /// help" is not children at play.
    public var distress: [String] = []
    /// How many words after a forward trigger it reaches (within the sentence).
    public var forwardWindow: Int
    /// How far an `otherBefore` trigger reaches: another place, time or teller governs its whole clause
    /// ("My friend told me a hotel in Leeds had drug dealers in the car park"); terminators and clause
    /// boundaries still end it.
    public var otherForwardWindow: Int = 10
    /// How many words before a backward trigger it reaches.
    public var backwardWindow: Int

    /// The English trigger lists.
    public static let english = ScopeTriggers(
        negationBefore: [
            "no", "not", "never", "without", "none", "nothing", "nobody", "no one", "noone", "neither", "nor",
            "didn't", "did not", "don't", "do not", "doesn't", "does not", "wasn't", "was not", "weren't",
            "were not", "isn't", "is not", "aren't", "are not", "haven't", "have not", "hasn't", "has not",
            "hadn't", "had not", "cannot", "can't", "couldn't", "could not", "won't", "will not", "free of",
            "free from", "absence of", "no sign of", "no signs of", "no evidence of", "no trace of", "zero",
            "hardly any", "barely any", "not a single", "not once", "nor any", "wouldn't", "would not",
            // "none" with its noun reaches as far as a bare "none" would from the noun
            "none of the", "none of our", "none of them",
        ],
        negationAfter: [
            "not an issue", "not a problem", "no problem", "not a concern", "wasn't an issue", "was not an issue",
            "were not an issue", "weren't an issue", "wasn't a problem", "was not a problem", "not bothered",
            "didn't bother", "did not bother", "wasn't bad", "was not bad", "not noticeable", "was minimal",
            "were minimal", "free", "not at all", "none",
        ],
        pseudo: [
            "no doubt", "not only", "no wonder", "not just", "nothing but", "no matter", "not sure", "not to mention",
            // a trigger that shares words with one of these ("was not" in "was not working") is used up
            "not worth", "wasn't worth", "isn't worth", "not working", "wasn't working", "weren't working",
            "isn't working", "aren't working", "didn't work", "did not work", "didn't get a good sleep",
            "didn't get much sleep", "didn't get any sleep", "didn't sleep", "did not sleep", "no sleep",
            "not good", "wasn't good", "not great", "not nice", "not ideal", "not acceptable",
            // a complaint in a stripped list ("Coffee not hot dirty cups"): the "not" is the coffee's
            "not hot", "wasn't hot", "not warm", "wasn't warm", "not fresh", "not hot enough", "not cold",
            // a complaint about the room, not a negation of what follows: "the bin hadn't been emptied and had
            // condoms in it"
            "hadn't been emptied", "had not been emptied", "wasn't emptied", "weren't emptied", "hadn't been cleaned",
            "had not been cleaned", "wasn't cleaned", "hadn't been changed", "had not been changed", "hadn't been hoovered",
            "no further", "not far", "not even close", "not until", "no longer", "never mind", "no more than",
            "not a fan of", "no idea why", "did not like", "didn't like", "did not enjoy", "didn't enjoy",
            "not happy", "wasn't happy", "was not happy", "not pleasant", "not impressed", "wasn't impressed",
            "could not sleep", "couldn't sleep", "can't sleep", "not able to sleep", "could not believe",
            "couldn't believe", "not amused", "don't understand", "do not understand", "told to bring", "asked to bring",
            "had to bring", "told us to bring", "asked us to bring", "asked if i was", "asked if we were", "asked whether i was",
            "asked whether we were", "asked if i wanted", "asked if we wanted", "asked if he wanted", "asked if anyone wanted",
            "asking if i was", "asking if we wanted",
            // an offer, not a hypothetical (twelfth pass): "asked if I needed anything for the weekend", "said he could
            // sort us some pills"
            "asked if i needed", "asked if we needed", "asked me if i needed", "asked us if we needed", "asking if i needed",
            "asking if we needed", "asked if anyone needed", "asking if anyone needed", "said he could", "said she could",
            "said they could", "offered to get", "could get us", "could get you", "can get you", "could get me",
            "couldn't hear ourselves think", "could not hear ourselves think", "couldn't hear myself think",
            "could not hear myself think",
            // what surprised the writer happened: "what I wasn't expecting was being offered pills"
            "wasn't expecting", "was not expecting", "weren't expecting", "were not expecting", "didn't expect",
            "did not expect", "never expected", "not expecting",
            // the set in the room is this place: "porn channel on the telly and a condom wrapper on the table"
            "channel on the telly", "channels on the telly", "channel on the tv", "channels on the tv", "porn on the telly",
            "porn on the tv", "on the telly in our room", "on the telly in the room", "on the tv in our room", "on the tv in the room",
            // passive "used to" is "used for", not a past habit: "the room was used to sell drugs"
            "was used to", "were used to", "is used to", "are used to", "being used to", "been used to",
            // a complaint complete in itself ("the area around the hotel isnt great there were always men hanging
            // around"), and an age given as at most ("can't have been more than 13")
            "isn't great", "isnt great", "wasn't great", "wasnt great", "aren't great", "weren't great", "isn't good",
            "isnt good", "isn't ideal", "isnt ideal", "wasn't ideal", "isn't the best", "wasn't the best",
            "can't have been more than", "couldn't have been more than", "can't have been older than",
            "couldn't have been older than", "can't have been over", "couldn't have been over", "can't be more than",
            "cannot have been more than", "no older than", "not more than", "not older than",
            // an answer, not a negation of what follows: "was told no, cash only for walk-ins"
            "told no", "was told no", "were told no", "said no",
            // what went on and on: "the party opposite didn't stop until dawn"
            "didn't stop", "did not stop", "never stopped", "wouldn't stop", "would not stop", "didn't let up",
            "never let up", "didn't end", "never ended", "didn't quieten",
            // who someone was, not a denial (thirteenth pass): "turned away two men who weren't staying"
            "weren't staying", "wasn't staying", "were not staying", "was not staying", "weren't guests", "were not guests",
            "wasn't a guest", "was not a guest", "weren't residents", "were not residents",
        ],
        hypotheticalBefore: [
            "if", "in case", "would have", "would be", "could be", "might", "may be", "maybe", "worried", "afraid",
            "concerned that", "whether", "should there", "expected", "expecting", "hope", "hoped", "hoping",
            "imagine", "wondering", "wonder if", "fear", "feared", "to avoid", "prevent", "prevents", "unless",
            "in order to", "ready for", "suitable for", "perfect for", "great for", "ideal for", "good for",
            "bring", "earplugs", "ear plugs", "policy", "sign saying", "signs saying", "warned", "can get", "can be",
            "could get", "may get", "tends to be", "light sleeper", "light sleepers", "concerned there", "worried there", "hopefully",
            "i wish", "we wish", "wish they", "wished they", "if only", "concerned about", "my worry", "only worry",
            "my only worry", "i'd worry", "i would worry", "would worry", "you'd worry", "i'd be worried",
            "would be worried", "i'd be concerned", "would be concerned", "i'd have liked", "would have liked",
            "i'd like to see", "would like to see",
            // what the writer would expect of such a place, not what was found: "the sort of place I'd expect to
            // smell of weed, but it smelled lovely"
            "i'd expect", "i would expect", "you'd expect", "you would expect", "we'd expect", "we would expect",
            "expect to", "half expected", "half expecting",
            // a joke or a need: "a colleague joked I'd need a security guard"
            "joked", "joking", "i'd need", "you'd need", "we'd need", "would need",
            // advice and wishes for the future (thirteenth pass): "they should at least have CCTV", "fingers crossed they
            // hire a night porter", "should they ever stop checking ID"
            "should at least", "fingers crossed", "ought to", "should hire", "should invest", "should they", "if they ever",
        ],
        otherBefore: [
            "another hotel", "other hotels", "other hotel", "previous hotel", "last hotel", "previous stay",
            "last time", "used to", "heard that", "heard about", "heard rumours", "i've heard", "read that", "reviews",
            "other reviews", "according to", "on tv",
            "on the news", "in the news", "a film", "a movie", "documentary", "in the past", "previously",
            "back home", "at home", "elsewhere", "unlike", "compared to", "compared with", "years ago",
            "last place", "read about", "crime drama", "a drama", "on the telly", "in the paper", "last year",
            "last summer", "rumours", "rumours of", "read a review", "a review about", "one review", "a review said",
            "review said", "reviews said", "review mentioned", "reviews mentioned", "previous guest's review", "a previous review",
            // other hotels in general, a hotel someone else stayed at, and what others said or the writer read
            // ("some places", "other places" and "a hotel i/we/they ..." were left out: "in some places the carpet was
            // stained", "a hotel I would never return to" speak of this hotel)
            "some hotels", "many hotels", "most hotels", "a lot of hotels", "stayed at places", "stayed in places",
            "stayed at hotels", "stayed in hotels", "different hotel", "a hotel she", "a hotel he",
            "friend said", "friends said", "friend told", "people say", "people said", "others said", "i'd read", "i had read",
            "we'd read", "we had read", "i've read", "we've read",
            // other times, other people's homes, and what someone told or wrote ("a friend told us about a
            // place in Leeds where men loitered", "back in the nineties the area was full of dealers")
            "in the nineties", "in the eighties", "in the 90s", "in the 80s", "back then",
            "told us about", "told me about", "a place in", "an article", "the article",
            "article about", "news story", "a story about", "a review from", "review from", "reviews from",
            "an old review", "old reviews", "older reviews", "my brother's", "my sister's", "my mate's",
            "my friend's", "a friend's", "block of flats", "flat block", "her hotel", "his hotel", "their hotel",
            "her place", "his place", "i had heard", "had heard", "we'd heard", "i'd heard", "the film", "in the film",
            "the novel", "a novel", "the book", "a book", "the show", "a tv show", "the programme", "a programme",
            "the series", "a series", "the old hotel", "previous owners", "the old owners",
            "previous management", "the old management", "old management",
            // what others wrote online: "someone on TripAdvisor said they had to pay cash"
            "on tripadvisor", "on trustpilot", "on google reviews", "on facebook", "on mumsnet", "someone online",
            "people online",
            // other tellers, media and places (eleventh pass): "he'd heard there were escorts in the bar", "the crime
            // novel I was reading was about a brothel", "in my old job at a hotel in Blackpool", "our last trip was
            // ruined by people coming and going", "the hotel across the road is notorious for ..."
            "he'd heard", "she'd heard", "they'd heard", "he had heard", "she had heard", "they had heard",
            "novel", "podcast", "thriller", "news report", "on the radio", "my old job", "old job", "when i worked",
            "last trip", "our last trip", "last visit",
            "previous visit", "our last stay", "hotel across the road", "hotel across the street", "hotel opposite",
            "hotel next door", "building next door", "place across the road",
            // someone the writer knows told or said it (a member of staff telling how the place is run is not here)
            "cousin told", "mate told", "colleague told", "sister told", "brother told", "mum told", "dad told",
            "neighbour told", "friends told", "cousin said", "mate said", "colleague said", "sister said", "brother said",
            "mum said", "dad said", "neighbour said",
            // another place and hotels in general (twelfth pass): "a friend who stayed at another place down the road
            // said it was full of dodgy blokes", "I've stayed in plenty of budget hotels and you usually have to show ID"
            "another place", "at another place", "stayed in plenty of", "stayed at plenty of", "stayed in lots of",
            "stayed at lots of", "stayed in loads of", "usually have to", "normally have to", "you usually", "you normally",
            "most places", "in most places",
            // what unnamed others said or warned of (stop 26): "someone said the hotel has no night staff, but
            // actually there's a night manager", "friends warned me the area had men hanging about at night"
            "someone said", "somebody said", "someone told", "somebody told", "someone warned", "friends warned",
            "friend warned", "mates warned", "people warned",
            // a place the writer or a friend stayed before: "a hotel my friend stayed at in Leeds", "the night before
            // we'd stayed in a B&B where no one checked who we were"
            "hotel my friend", "place my friend", "hotel my mate", "friend stayed at", "friend stayed in", "we'd stayed in",
            "we'd stayed at", "we had stayed in", "we had stayed at", "i'd stayed in", "i'd stayed at",
            // other reviewers, forums and someone the writer knows described by what they do (thirteenth pass): "a previous
            // reviewer mentioned drug dealing", "someone on the TripAdvisor forum claimed ...", "a mate who works nights at a
            // Travelodge says ...", "before the refurb nobody manned the desk"
            // ("reviewer" covers "a reviewer", "the reviewer who ...")
            "reviewer", "reviewers", "tripadvisor forum", "on the tripadvisor",
            "an online forum", "on a forum", "on the forum", "a mate who", "my mate who", "a friend who", "my friend who",
            "a colleague who", "my colleague who", "before the refurb", "before the refurbishment", "before the new owners",
        ],
        otherAfter: [
            "years ago", "in the past", "at another hotel", "elsewhere", "at home", "back home", "on tv", "at the last place",
            "at the last hotel", "at our last hotel", "where we stayed before", "the last place we stayed",
            "nothing like this hotel", "nothing like this place", "nothing like that here", "in hotels",
            "in other hotels", "at other hotels", "in some hotels", "in the nineties", "in the eighties",
            "in the 90s", "in the 80s", "back then", "in the old days", "before the refurb",
            "before the refurbishment", "before the new owners", "before it changed hands", "not now",
            "not any more", "not anymore",
            // a teller after the claim, and the writer setting this stay apart: "notorious for prostitutes according to
            // our taxi driver", "people coming and going all night, thankfully not this time"
            "according to", "not this time", "in the building next door",
        ],
        terminators: [
            "but", "however", "although", "though", "except", "apart from", "aside from", "yet", "whereas",
            "which", "who", "that said", "still", "despite", "then", "so", "because", "while", "whilst",
            "instead", "otherwise", "also",
        ],
        distress: [
            "for help", "crying for", "cried for", "terrified", "help me", "let me go", "let her go", "get off me",
            "in distress", "distressed", "hysterically", "begging", "pleading",
        ],
        forwardWindow: 6,
        backwardWindow: 4
    )
}
