import Foundation
import Testing

@testable import SafeguardText

/// The shipped sign rules on wording written for the third tuning bank
/// (`bench/text/sentence-bank-tune-extra3.txt`): signs said in words no phrase lists, and the same
/// words in another sense, another place or a wish.
@Suite struct SignGeneralisationTests {
    @Test(arguments: [
        ("pornography", "We found obscene pictures on the windowsill."),
        ("pornography", "Skin flicks were playing on the hotel's own channel after midnight."),
        ("security-present", "The hotel has camera surveillance throughout."),
        ("security-present", "The overnight porter keeps a close watch on the entrance."),
        ("no-id-check", "You can book in under a made-up name and they'd never know."),
        ("no-id-check", "Not a single document was requested at check in."),
        ("drug-dealing", "A bloke was touting pills to anyone who walked past the entrance."),
        ("dirty", "It was squalid, honestly the dirtiest room I have stayed in."),
        // twelfth pass (reviews-validate4): an offer said as "could sort", "asked if we needed" is not hypothetical
        ("drug-dealing", "The barman said he could sort us some pills for the weekend."),
        ("drug-dealing", "A lad on the stairs asked if we needed anything, then listed pills and coke."),
        ("cash-only", "The hotel doesn't accept card payments."),
        ("dirty", "Mildew on the ceiling, and the shower curtain was slimy."),
        ("security-present", "Staff on the desk are alert to who comes and goes."),
        ("security-present", "Someone from the hotel did rounds of the corridors at night."),
        ("noise", "Couldn't hear ourselves think for the shouting in the next room."),
        ("noise", "Footballers celebrating in the bar below kept the whole floor awake."),
        // written for the real-review audit (BENCHMARKS.md, "real reviews: long sentences and equipment noise")
        ("id-checked", "Reception would not accept my student card as ID and asked for a passport."),
        ("id-checked", "They refused my provisional licence, so I had to fetch my passport."),
        ("sex-work", "Some dodgy looking women were hanging around the bar every night."),
        ("sex-work", "It felt like the sort of place you'd take someone you had picked up."),
        ("dirty", "The shower wasn't all that clean and the bath could have been cleaner."),
        ("dirty", "Black mold round the window frame."),
        ("dirty", "The gym wasn't worth it, a very dirty changing room."),
        ("dirty", "The bedroom needed repainting and a good clean."),
        ("dirty", "The lounge was not kept as clean as you would hope."),
        ("dirty", "The skirting boards were thick with dust."),
        // from the second real-review audit (BENCHMARKS.md, "stop 25")
        ("young-people", "Around 10 youths were gathered near the doors every night."),
        ("drug-dealing", "You could get anything you wanted from the lads on the second floor."),
        // drug dealing said in other words (stop 25, from the banks' missed sentences)
        ("drug-dealing", "A dealer set up in the beer garden and was serving people openly."),
        ("drug-dealing", "A guest was running a drugs business from his room."),
        ("drug-dealing", "There were deals going on in the car park every evening."),
        ("drug-dealing", "The car park is a drop-off point for dealers."),
        ("drug-dealing", "Outside reception a man offered my husband anything you need, mate, and showed him a bag of pills."),
        ("drug-dealing", "A lad on a moped kept dropping off little parcels to the same room every half hour."),
        ("no-id-check", "No ID was checked at any point."),
        ("no-id-check", "They handed over the key without checking anything."),
        ("no-id-check", "I gave a made-up surname and they just typed it in."),
        ("oversight-lacking", "Non-residents used the lifts freely and no one stopped them."),
        ("oversight-lacking", "The night man went home at eleven and that was that until morning."),
        ("oversight-lacking", "Any random person could get up to the bedrooms, the lift had no key card."),
        ("young-people", "Kids of about 12 were wandering the hotel at 2am without anyone."),
        ("sex-work", "A man in the lift asked my friend how much she charged."),
        ("sex-work", "Punters were coming to the room opposite."),
        ("sex-work", "Men were paying to visit the women in room 22."),
        ("night-traffic", "There was a knock at the door next to ours every twenty minutes through the night."),
        ("night-traffic", "Rooms here seem to be rented out for a couple of hours at a time."),
        ("night-traffic", "There was a procession of visitors along our corridor in the small hours."),
        ("drug-use", "The stairwell had those little silver gas canisters all over it."),
        ("drug-use", "Tiny empty zip bags all over the stairwell floor."),
        ("security-present", "There was always someone on the desk."),
        ("security-present", "A bouncer checked people coming in after 11pm."),
        ("security-present", "Guests must sign visitors in and out at reception."),
        ("condoms", "the bin hadn't been emptied and had condoms in it from the last guest"),
        ("cash-only", "Paying by card wasn't an option."),
        ("id-checked", "the receptionist wouldn't hand over the key until we showed ID"),
        ("pornography", "A copy of Playboy and worse was left in the drawer."),
        ("screaming", "Screams echoed down the stairwell."),
        ("dirty", "It clearly hadn't been cleaned before we arrived."),
        ("dirty", "I had dead flys on the top of my room lights."),
        ("dirty", "Spiderweb on the window, they need to clean it for the next guests."),
        ("dirty", "Coffee not hot dirty cups staff should be more attentive"),
        ("dirty", "Carpet on the ground not hygienic"),
        // what surprised the writer still happened
        ("cannabis-smell", "I didn't expect the corridor to reek of weed, but it did."),
        ("dirty", "A used condom on the floor and the sheets were filthy."),
        // a drug delivered to order, bags sold to people, a girl offered for the night (validate9 patterns)
        ("drug-dealing", "A card with a number to text for coke delivery was pushed under the door."),
        ("drug-dealing", "A lad was selling little bags to people from his car in the car park."),
        ("sex-work", "The night porter offered to find me a girl for the night for fifty quid."),
        ("night-traffic", "People running up and down to room 12 all night."),
        ("screaming", "Screeches from the landing in the night, a girl who sounded petrified."),
        ("sex-work", "Blokes were paying the man on the door and going in to her one after the other."),
        // stop 26 (reviews-validate5 patterns, reworded): a complaint complete in itself does not negate what
        // follows; ID waved away; no name taken; cash paid at the desk
        ("men-loitering", "the street outside isnt great there were men hanging around the entrance most nights"),
        ("no-id-check", "I held out my passport and the man on the desk waved it away."),
        ("no-id-check", "Paid for the room, no name taken, straight up to bed."),
        ("cash-only", "He paid cash at the desk and took the key."),
        // stop 26 (reviews-validate6 patterns, reworded): an answer "no" is no negation; ID waved off; a
        // night with nobody working; a bag handed through a car window; a girl offered to the room; a party
        // that "didn't stop" still went on
        ("no-id-check", "The receptionist said don't worry about the ID, any name is fine."),
        ("oversight-lacking", "At 2am we found out that nobody works nights there."),
        ("cash-only", "I asked to pay by card and was told no, cash only."),
        ("drug-dealing", "A lad would hand a little bag through the car window and take the cash."),
        ("sex-work", "The porter said a girl could come up to the room for fifty quid."),
        ("noise", "The party in the room next door didn't stop until 4am."),
        // stop 26 (reviews-validate7 patterns, reworded): short reviews that tell what was seen
        ("drug-dealing", "A man in the stairwell was weighing stuff out on a little scale."),
        ("sex-work", "The barman offered extras with a girl for another forty quid."),
        ("no-id-check", "We turned up with no booking, no ID and no luggage and still got a key."),
        ("cash-only", "They would only take folding money for the room."),
        // many visitors to one room are `night-traffic` beside `sex-work` (signs.md names both)
        ("night-traffic", "Men arriving one after another all through the night to see the woman next door, paying her at the door."),
        // reviews-validate8 patterns, reworded: a man who had "already paid her"; a visitor stopped at the lift
        ("sex-work", "A man knocked on our door asking for her, said he had already paid her."),
        ("security-present", "The receptionist stopped a man at the lift and asked which room he was visiting."),
        // reviews-validate9 pattern, reworded: a price for an hour upstairs
        ("sex-work", "A woman at the bar told my mate it was sixty quid for an hour upstairs."),
    ])
    func findsSignsSaidInOtherWords(sign: String, text: String) {
        #expect(TextFixtures.signIDs(text).contains(sign), "\(sign) not found in: \(text)")
    }

    @Test(arguments: [
        ("security-present", "I wish they had a night porter."),
        ("security-present", "There were cameras on the wall but none of them worked."),
        ("sex-work", "An escort from the travel company met us in the lobby."),
        ("no-id-check", "No questions were asked when we wanted a late checkout."),
        ("no-id-check", "Nobody asked for ID at the last place we stayed, but here they checked."),
        ("young-people", "The youth football team were staying with their parents and were no trouble at all."),
        ("drug-use", "The paramedic put a needle in my husband's arm after his fall, and the staff were brilliant."),
        ("screaming", "The brakes on the train screamed as it came into the station."),
        ("cash-only", "We paid cash for drinks at the bar because the card machine was slow, but cards were fine at reception."),
        ("noise", "We were initially concerned about noise, but the room was peaceful."),
        ("sex-work", "The girls behind the bar were lovely and quick."),
        ("sex-work", "The taxi picked us up and took someone else to the station after."),
        ("id-checked", "The card machine refused my debit card, so we paid by phone."),
        ("dirty", "They really broke the mold with this hotel."),
        // a capitalised place after "in" does not start a new sentence out of the trigger's reach
        ("young-people", "My friend said her hotel in Manchester had teenagers partying, but ours was quiet."),
        ("drug-dealing", "At the hotel we stayed in last year people were dealing drugs in the car park."),
        ("drug-dealing", "Card dealing at the casino night in the function room was great fun."),
        ("young-people", "A girl of about 15 was working in the cafe with her mum."),
        ("security-present", "The night porter was flogging weed to guests, he asked if we wanted some."),
        ("security-present", "The security guard from the shop next door warned us about the car park."),
        ("id-checked", "No one asked for a passport or driving licence at check-in."),
        ("cash-only", "A lad ran out with something small to a car, cash in hand, then back inside."),
        ("dirty", "A filthy magazine had been left on the windowsill."),
        ("screaming", "My daughter screamed when she saw the view, she was so excited."),
        // hard negatives written for this stop's probe (none from a bank)
        ("noise", "Loads of young people staying for a music festival, a bit loud but fine."),
        ("oversight-lacking", "We didn't see anyone at night but we were asleep by ten."),
        ("drug-use", "White powder on the bathroom floor turned out to be talc."),
        // other places, times and tellers found among the validation banks' sentences (stop 25)
        ("drug-dealing", "Our last hotel in Leeds had people dealing in the car park, this one was nothing like that."),
        ("drug-dealing", "My brother's flat block is full of dealers, nothing like this hotel."),
        ("drug-dealing", "In the nineties the area was full of drug dealers."),
        ("men-loitering", "A friend told us about a place in Leeds where men loitered all night."),
        ("young-people", "The article about unaccompanied kids in hotels made me check this place out, all fine."),
        ("drug-use", "A review from 2019 said there were needles in the car park but we saw none."),
        ("oversight-lacking", "Not one dodgy character about in the evenings, and we were out late."),
        ("oversight-lacking", "I'd worry that with no night staff anyone could walk in, but there is a night porter here."),
        ("cash-only", "My sister said her hotel in Leeds took cash only, this one was fine."),
        ("sex-work", "I had heard this place used to be a brothel, but it's changed."),
        ("sex-work", "The novel I was reading was about a brothel in Victorian London."),
        ("sex-work", "Years ago this place had a bad name for prostitution, not now."),
        ("no-id-check", "The previous owners apparently let anyone stay without ID."),
        ("security-present", "I'd have liked to see a guard on the door but we never had any trouble."),
        ("sex-work", "The working girls' choir sang in the ballroom."),
        ("dirty", "The car got dirty in the rain."),
        ("dirty", "It was quiet as a mouse, not a peep from anyone."),
        ("oversight-lacking", "We walked in off the street and got a room for the night with no questions asked."),
        ("drug-dealing", "The pizza man delivered a package to our door and I paid him in notes."),
        ("security-present", "Somebody in the lobby was handing out leaflets for a comedy club."),
        ("cash-only", "I wanted to pay for my room in cash and nobody told me there would be an extra charge."),
        ("night-traffic", "A ridiculously early 11am checkout with an expensive hourly rate to extend it."),
        ("security-present", "The night Staff in the bar wernt that welcoming."),
        ("screaming", "A previous guest's review mentioned screaming, but we heard nothing."),
        ("young-people", "My teenage girls loved the rooftop pool."),
        ("screaming", "A couple were screaming at each other in the corridor over something trivial."),
        ("drug-use", "A broken pipe under the sink flooded the bathroom."),
        // eleventh pass (validate9 patterns): a teller's clause reaches further than six words, tellers and media
        // after the claim, other hotels nearby, "none of the", what one would expect
        ("drug-dealing", "My cousin told me a guesthouse she stayed at in Hull had men selling drugs in the car park."),
        ("sex-work", "She'd heard the place was full of escorts but we saw nothing of the sort."),
        ("young-people", "The thriller I took on holiday was about a motel where teenage girls were kept."),
        ("drug-use", "In my old job on a hotel reception we found needles in the rooms every week."),
        ("noise", "Our last visit was spoilt by a stag party shouting all night, thankfully not this time."),
        ("drug-dealing", "The guesthouse is notorious for drug dealing according to a local we met."),
        ("dirty", "None of the bedrooms we looked at had any stains or marks."),
        ("drug-dealing", "It's the kind of area where you'd expect to see dealers, but we saw none."),
        ("sex-work", "The hotel across the road has a name for prostitution, this one is respectable."),
        // another sense: an idiom, ID at a bar, hearsay "heard", "can't check in without ID" (ID is required)
        ("dirty", "The chef let the kids get their hands dirty making pizzas."),
        ("no-id-check", "You cannot check in without photo ID, they are strict about it."),
        ("noise", "A guest in the next room said she'd heard the bar gets busy at weekends."),
        ("id-checked", "The barman asked my nephew for ID before serving him a pint."),
        // a used condom is `condoms`; the room is `dirty` only where its own words say so
        ("dirty", "Found a used condom behind the bedside table, vile."),
        ("drug-dealing", "The gift shop in the car park was selling bags and suitcases."),
        ("drug-dealing", "The pharmacy delivery of my tablets came to reception."),
        ("sex-work", "The receptionist offered to get us a taxi for the night out."),
        // a drug delivered to order is dealing, not a smell (the dealing holds its ground by "delivery")
        ("cannabis-smell", "A leaflet with a number to call for weed deliveries was left under our door."),
        // ID for a facility is not check-in; children racing along a corridor are play, not visitors to a room
        ("no-id-check", "We didn't need any ID for the gym, just the key card."),
        ("night-traffic", "Kids were racing up and down the corridor at midnight."),
        ("screaming", "Someone on the phone sounded scared they'd miss the train."),
        ("sex-work", "The lads paid at the door and went in to the comedy club one after another."),
        // twelfth pass (reviews-validate4): another place, hotels in general, and comings and goings that are
        // oversight rather than check-in
        ("men-loitering", "A colleague who stayed at another place nearby said it had shady men hanging about outside."),
        ("id-checked", "I've stayed in plenty of chains where you normally have to show a passport."),
        ("no-id-check", "After midnight there was no staff anywhere, people drifted in through the back door and nobody was checking who anyone was."),
        // stop 26 (reviews-validate5 patterns, reworded): another place that opens the sentence governs all of its
        // clause; hearsay corrected after a contrast; other senses of crack, injecting, screaming, pot, cash,
        // dealers and comings and goings
        ("oversight-lacking", "The last hotel we stayed at in Leeds was grim, dodgy lads by the doors, broken lifts and nobody on the desk after dark."),
        ("drug-use", "A colleague told me about a run-down guesthouse on the seafront in Hull that had porn on the telly and syringes in the stairwell."),
        ("oversight-lacking", "Somebody said there were no staff at night, but in fact a night porter is on until seven."),
        ("drug-use", "The breakfast was cracking, eggs cooked perfectly."),
        ("drug-use", "My dad has to inject insulin and the staff were great, they put a fridge in the room for his pens and found us a sharps box without any fuss."),
        ("noise", "The kids screamed their heads off on the rollercoasters all day."),
        ("cannabis-smell", "Pot pourri on the windowsill smelt lovely."),
        ("cash-only", "We had to pay a £10 cash deposit for the remote, refunded when we left."),
        ("drug-dealing", "Half the hotel was dealers and collectors for the antiques fair."),
        ("night-traffic", "Lots of delivery drivers coming and going in the evening with takeaways for guests."),
        ("men-loitering", "There's always a few blokes stood round their vans in the car park first thing having a brew, all guests and friendly."),
        // stop 26 (reviews-validate6 patterns, reworded): a negation right before a concept's later word; own
        // medical needles; a part in a play; dusting done; a joke; an alarm; a card not taken for incidentals
        ("noise", "Other guests were quiet and we never heard a voice through the walls."),
        ("drug-use", "I'm diabetic, so they kept my insulin in the fridge and found a sharps bin for my needles."),
        ("drug-dealing", "The murder mystery dinner was great, one of the waiters played the drug dealer character."),
        ("dirty", "Housekeeping was thorough, every surface dusted."),
        ("security-present", "My brother joked I'd need a security guard in that part of town."),
        ("noise", "The fire alarm made a noise at 3am, a fault, and they apologised."),
        ("cash-only", "They didn't take a card for incidentals, just the room charge on my card."),
        // a place of three words counts in the window: ID at the bar is not ID at check-in
        ("id-checked", "At the bar they asked for ID."),
        // a hotel a friend stayed at; a baby's crying taken back
        ("no-id-check", "A hotel my friend stayed at in York never asked for ID, this one did."),
        ("noise", "The baby next door cried a bit at bedtime but settled quickly, not a problem at all."),
        // the writer's own noisy party, and noise that does not reach the rooms
        ("noise", "Honestly we were the noisy ones on the stag do, but we kept it in town."),
        ("noise", "The bar gets busy with locals on Fridays but the noise does not travel upstairs."),
        ("noise", "Walls a bit thin, we could hear the next door shower running."),
    ])
    func keepsOtherSensesPlacesAndWishesOut(sign: String, text: String) {
        #expect(!TextFixtures.signIDs(text).contains(sign), "\(sign) found in: \(text)")
    }

    @Test func anAgeGivenAsAtMostDoesNotNegateTheSign() {
        // "can't have been more than 13" gives an age; its "can't" negates nothing that follows
        let text = "Two girls who can't have been more than 13 were on their own in the hot tub at 11pm, no adults anywhere."
        #expect(SignClassifierTests.analyser.analyse(text).signs.contains("young-people"))
    }

    @Test func aClassifierHitIsDroppedWhereItsSentenceReadsTheSignInAnotherSense() {
        func hit(_ text: String) -> ClassifiedSign {
            ClassifiedSign(
                hit: SignHit(sign: "screaming", start: 0, end: 5, sentenceStart: 0, sentenceEnd: text.utf8.count),
                words: ["screaming"], score: 3)
        }
        let fox = "We heard a fox screaming in the night, which sounds awful."
        let spans = TextFixtures.scanner.otherSenseSpans(fox)
        #expect(spans.contains { $0.sign == "screaming" })
        #expect(SignClassifier.dropOtherSenses([hit(fox)], spans).isEmpty)
        let woman = "A woman was screaming in the room next door."
        #expect(SignClassifier.dropOtherSenses([hit(woman)], TextFixtures.scanner.otherSenseSpans(woman)).count == 1)
    }
}
