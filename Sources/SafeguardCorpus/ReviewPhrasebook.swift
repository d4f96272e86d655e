/// The sentences reviews are built from. Sign sentences contain a phrase of
/// `rules/hotels/signs.yaml` verbatim so the scanner finds them; the "innocent" sentences
/// mention a sign word only negated, hypothetically or in another sense so the scanner must
/// not count them.
enum ReviewPhrasebook {
    static let praiseOpenings = [
        "Lovely stay.", "Great little place.", "Really enjoyed our weekend here.", "Would stay again.",
        "Perfect for a short break.", "Good value for money.", "Friendly and clean.", "Home from home.",
        "Came for a wedding and stayed two nights.", "Stopped here on the way north.", "Spot on.",
        "Fab weekend away with the girls.", "Second time here and it did not disappoint.",
        "Booked last minute and glad we did.", "Decent hotel for the price.",
    ]

    static let mixedOpenings = [
        "Mixed feelings about this one.", "OK for a night.", "Not bad but not great.",
        "It was alright.", "Fine for what we paid.", "Could be better.", "Average.",
        "Some good points, some bad.",
    ]

    static let complaintOpenings = [
        "Would not recommend.", "Disappointing.", "Avoid.", "Never again.", "Awful stay.",
        "Not what the photos show.", "Very poor.", "Save your money.",
    ]

    static let praise = [
        "The room was spotless and the bed was really comfy.", "Breakfast was excellent, proper full English.",
        "Staff were friendly and helpful from start to finish.", "Five minutes walk from the station and the seafront.",
        "Parking was easy and free.", "The shower was powerful and hot.", "Quiet room at the back, slept well.",
        "Lovely views over the bay from our window.", "The owners clearly take pride in the place.",
        "Good sized room with a kettle and biscuits.", "Check-in was quick and easy.",
        "Big thanks to {name} on reception who sorted out a late checkout for us.",
        "{name} who runs it could not do enough for us.", "Dog friendly which was a bonus.",
        "The bar downstairs was cosy and not too pricey.", "Towels changed every day.",
        "Great location for the shows and the pier.", "Lovely sea air and a short walk to the beach.",
        "Kids loved the pool.", "The kids club was brilliant, our two did not want to leave.",
        "Breakfast had plenty of choice including vegan options.", "Very clean throughout.",
    ]

    static let complaints = [
        "The room was tiny and the window would not open.", "Breakfast was cold and there was hardly any choice.",
        "The shower was lukewarm at best.", "Wifi did not work in our room.", "Parking is a nightmare round here.",
        "Staff seemed disinterested.", "Mattress was old and lumpy.", "The decor is very tired.",
        "Overpriced for what you get.", "Check-in took ages.", "The lift was out of order all weekend.",
        "Thin walls, could hear the TV next door.", "Heating was either off or roasting.",
        "They charged us twice and it took a week to get it back.", "Rude man on the desk.",
        "Towels were threadbare.", "Breakfast finishes at 9 which is far too early.",
        "The bathroom needs a refurb.", "Phoned ahead on {phone} and nobody answered.",
    ]

    static let praiseClosings = [
        "Would recommend.", "Will be back.", "Thanks again!", "Highly recommended.", "10/10.",
        "Would probably stay again.", "", "", "",
    ]

    static let complaintClosings = [
        "Overall fine for a night or two.", "Not sure we would return.", "Shame really.",
        "Book somewhere else.", "Expected better.", "", "",
    ]

    /// Sentences that assert each sign, each containing one of its phrases verbatim.
    static let signSentences: [String: [String]] = [
        "young-people": [
            "There were young girls going in and out of a room on our floor with older men.",
            "Teenage girls hanging around reception late at night, which did not feel right.",
            "Teenagers running up and down the corridor at 2am with no adults anywhere.",
            "After midnight our floor was like a youth club.",
            "Saw two teenage girls being taken upstairs by a much older man.",
        ],
        "night-traffic": [
            "People coming and going all night from the room opposite.",
            "Someone was knocking on doors all night.",
            "Constant coming and going through the night, different men each time.",
            "Different people coming and going all night, the door never stopped.",
        ],
        "men-loitering": [
            "Groups of men outside the entrance every night.",
            "Men hanging around the car park in their cars for hours.",
            "There were men loitering by the back door when we came in.",
            "Men hanging about at the side entrance, staff did not seem bothered.",
        ],
        "cash-only": [
            "Reception said cash only when we arrived.",
            "We were asked to pay in cash up front.",
            "Card machine was apparently broken so they would only accept cash.",
            "They did not accept cards and wanted it all in cash.",
        ],
        "no-id-check": [
            "Nobody asked for ID at check-in, no questions asked.",
            "Checked in at midnight and no one asked for ID or a booking name.",
            "They did not ask for ID at all, just handed over a key.",
            "Walked in, paid and got a key, no questions asked.",
        ],
        "condoms": [
            "Found a condom wrapper under the bed.",
            "There were used condoms in the car park by the bins.",
            "Condom wrappers behind the radiator, clearly not cleaned properly.",
        ],
        "drug-use": [
            "There were needles in the stairwell.",
            "Found baggies in the bathroom bin.",
            "People taking drugs on the fire escape.",
            "Someone had left a crack pipe on the windowsill.",
        ],
        "cannabis-smell": [
            "The corridor smelled of weed every evening.",
            "Strong smell of cannabis on the second floor.",
            "The whole landing had a smell of weed.",
        ],
        "drug-dealing": [
            "Pretty obvious drug dealing going on in the car park.",
            "A drug dealer seemed to be working from the room next to ours.",
        ],
        "oversight-lacking": [
            "Nobody on reception after 10pm, anyone can walk in.",
            "No staff at night at all and no security on the door.",
            "The front door was propped open, anyone could walk in.",
        ],
        "screaming": [
            "Heard screaming from a room upstairs around 3am.",
            "Screams from the next room and the staff did nothing.",
            "A girl was crying for help in the corridor and nobody came.",
        ],
        "sex-work": [
            "The place is basically a brothel.",
            "Clearly escorts being brought in all evening.",
            "Prostitutes working out of the rooms on the top floor.",
        ],
        "pornography": [
            "Porn magazines left in the bedside drawer.",
            "Adult channels left playing on the TV when we arrived.",
        ],
        "noise": [
            "Very noisy at the weekend.", "Loud music from the bar until 1am.",
            "Rooms are noisy, you hear everything.", "Noise from the street all night.",
            "Stag party next door made it very noisy.",
        ],
        "dirty": [
            "The bathroom was dirty.", "Stained sheets on arrival.", "The carpet was filthy.",
            "Dirty cups in the room and hair in the shower.",
        ],
        "id-checked": [
            "They asked for photo ID at check-in, which I was glad of.",
            "Reception checked our passports when we arrived, very professional.",
            "They checked our ID even though we had booked online.",
        ],
        "security-present": [
            "There is a night porter on duty and CCTV everywhere.",
            "A security guard was on the door all evening.",
            "24 hour reception so there is always someone around.",
            "The night porter was really helpful when we got back late.",
        ],
    ]

    /// Sentences that mention sign words without asserting a sign: negated, hypothetical or
    /// another sense. Good hotels' reviews carry them so the scanner's scoping is exercised.
    static let innocentSentences = [
        "No smell of smoke at all.",
        "I was worried there might be drugs around the station but there were none.",
        "No noise at all, we slept like logs.",
        "Never heard any screaming or shouting, very peaceful.",
        "Not dirty at all, spotless in fact.",
        "Had a pornstar martini in the bar which was lovely.",
        "No men hanging around outside like at some places near the station.",
        "If anyone could walk in I would worry, but the door is locked after 11 and you need a fob.",
        "The kids club was brilliant.",
        "Stayed in a youth hostel last year and this was miles better.",
        "There was no smell of weed or anything like that, unlike the last place we tried.",
    ]

    static let misspellings: [(String, String)] = [
        ("really", "realy"), ("definitely", "definately"), ("recommend", "recomend"),
        ("breakfast", "breakfest"), ("the ", "teh "), ("friendly", "freindly"),
        ("comfortable", "comfterble"), ("because", "becuase"), ("there", "their"), ("we were", "we where"),
    ]
}
