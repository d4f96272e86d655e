/// Word lists for the fictional borough of Kelverton (postcode area `KV`): streets, towns,
/// business and personal names. All invented or generic; no real people or premises.
enum CorpusVocabulary {
    static let authorityName = "Kelverton"
    static let authorityLongName = "Kelverton Borough Council"
    static let authorityCode = "990"
    static let authorityWebsite = "http://www.kelverton.gov.uk/foodhygiene"
    static let authorityEmail = "foodsafety@kelverton.gov.uk"
    static let organisationURI = "http://opendatacommunities.org/id/district-council/kelverton"

    /// Postcode districts with a town and a centre (degrees x 10^7).
    static let districts: [(code: String, town: String, latitude: Int, longitude: Int)] = [
        ("KV1", "Kelverton", 536_210_000, -25_480_000),
        ("KV2", "Kelverton", 536_330_000, -25_310_000),
        ("KV3", "Kelverton", 536_090_000, -25_290_000),
        ("KV4", "Kelverton", 536_050_000, -25_700_000),
        ("KV5", "Kelverton", 536_420_000, -25_690_000),
        ("KV6", "Ashby Moor", 536_700_000, -25_060_000),
        ("KV7", "Ashby Moor", 536_820_000, -24_880_000),
        ("KV8", "Saltmarsh Bay", 535_780_000, -26_240_000),
        ("KV9", "Saltmarsh Bay", 535_650_000, -26_410_000),
        ("KV10", "Fenwick", 535_900_000, -24_720_000),
    ]

    static let streets = [
        "Station Road", "Canal Street", "Albert Road", "Victoria Street", "Queens Promenade",
        "Marlow Road", "Church Lane", "Mill Street", "Park Avenue", "North Parade", "South Parade",
        "Harbour Road", "Chapel Street", "Market Place", "Brook Lane", "Cedar Grove", "Elm Road",
        "Foundry Lane", "Granby Street", "Hawthorn Way", "Ivy Terrace", "Jubilee Road", "Kings Road",
        "Linden Avenue", "Moor Lane", "Newgate", "Orchard Street", "Palmer Road", "Quarry Hill",
        "Regent Street", "Salt Lane", "Tanner Row", "Union Street", "Vale Road", "Wharf Street",
        "Yew Tree Close", "Bank Street", "Cliff Road", "Dock Street", "Esplanade", "Ferry Lane",
        "Green Lane", "High Street", "Lord Street", "Mersey View", "Nelson Street", "Oxford Road",
        "Pier Approach", "Riverside", "Sandy Lane", "Tower Street", "Waterloo Road", "Wellington Road",
    ]

    static let hotelStems = [
        "Ashgrove", "Belmont", "Claremont", "Cliffe", "Dunmore", "Elm Bank", "Fairhaven", "Glenroy",
        "Holmwood", "Ivydene", "Kelverton Park", "Lindale", "Marine", "Norbreck View", "Oakleigh",
        "Primrose", "Queensbury", "Rosedene", "Sandhurst", "Trafalgar", "Uplands", "Valentine",
        "Westcliffe", "Wynford", "Bay Tree", "Harbour Lights", "Seacrest", "Sunnyside", "Brampton",
        "Carlton", "Denholme", "Eversley", "Fernlea", "Granville", "Hazelmere", "Inglewood",
        "Kingsmere", "Lyndhurst", "Mayfield", "Newlands", "Orchard", "Pembroke", "Ravenswood",
        "St Elmo", "Thornbury", "Ventnor", "Windsor", "Arden", "Beverley", "Chatsworth",
        "Derwent", "Eastleigh", "Florence", "Grosvenor", "Hollies", "Kenilworth", "Lansdowne",
        "Montrose", "Norwood", "Osborne", "Rutland", "Savoy", "Tudor", "Waverley", "Clifton",
    ]

    static let hotelKinds = [
        "Hotel", "Guest House", "B&B", "Lodge", "House Hotel", "Court Hotel", "Inn", "Bed and Breakfast",
    ]

    static let foodStems = [
        "Golden", "Happy", "Village", "Corner", "Station", "Harbour", "Market", "Bay", "Park",
        "Rose", "Star", "Crown", "Royal", "Lucky", "Sunrise", "Olive", "Pepper", "Maple",
        "Anchor", "Lighthouse", "Moorside", "Riverside", "Old Mill", "Copper", "Blue Door",
        "Red Lion", "White Hart", "Green Man", "Plough", "Wheatsheaf", "Kelverton", "Ashby",
        "Saltmarsh", "Fenwick", "Northern", "Little", "Big Plate", "Daily", "Fresh", "Wild",
    ]

    /// FHRS business types other than hotels, with a relative frequency.
    static let foodTypes: [(name: String, id: String, nouns: [String], share: Int)] = [
        ("Restaurant/Cafe/Canteen", "1", ["Cafe", "Kitchen", "Restaurant", "Bistro", "Diner", "Tearooms"], 30),
        ("Takeaway/sandwich shop", "7844", ["Takeaway", "Fish Bar", "Pizza", "Kebab House", "Sandwich Bar", "Chippy"], 26),
        ("Retailers - other", "4613", ["Stores", "Convenience Store", "Newsagents", "Off Licence", "Bakery", "Deli"], 18),
        ("Hospitals/Childcare/Caring Premises", "5", ["Care Home", "Nursery", "Day Centre", "Pre-School"], 8),
        ("Pub/bar/nightclub", "7843", ["Arms", "Tavern", "Bar", "Inn", "Social Club", "Nightclub"], 7),
        ("Mobile caterer", "7846", ["Catering", "Burger Van", "Ice Cream", "Coffee Cart"], 4),
        ("School/college/university", "7845", ["Primary School", "Academy", "College Canteen"], 3),
        ("Retailers - supermarkets/hypermarkets", "7840", ["Supermarket", "Superstore"], 1),
        ("Other catering premises", "7841", ["Community Kitchen", "Church Hall", "Sports Club"], 2),
        ("Manufacturers/packers", "7839", ["Foods Ltd", "Bakeries Ltd"], 1),
    ]

    static let firstNames = [
        "Aaron", "Abigail", "Adam", "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Anna", "Ben",
        "Bethany", "Bilal", "Carl", "Caroline", "Chloe", "Chris", "Claire", "Craig", "Daniel", "Darren",
        "David", "Dean", "Donna", "Ella", "Emma", "Faisal", "Fiona", "Gareth", "Gemma", "Grace", "Hannah",
        "Harry", "Imran", "Jack", "James", "Jamie", "Jane", "Jason", "Jodie", "John", "Joseph", "Karen",
        "Kate", "Kieran", "Laura", "Lee", "Leon", "Lisa", "Liam", "Lucy", "Mark", "Martin", "Megan",
        "Michael", "Mohammed", "Nadia", "Natalie", "Neil", "Nicola", "Oliver", "Paul", "Peter", "Priya",
        "Rachel", "Rebecca", "Richard", "Robert", "Ryan", "Sam", "Sarah", "Scott", "Sean", "Simon",
        "Sophie", "Stephen", "Stuart", "Tariq", "Tom", "Tracy", "Usman", "Vicky", "Wayne", "Zoe",
    ]

    static let lastNames = [
        "Ashworth", "Bailey", "Barker", "Bennett", "Brooks", "Butler", "Carter", "Chapman", "Clarke",
        "Cooper", "Cox", "Dawson", "Dixon", "Edwards", "Ellis", "Fletcher", "Foster", "Gibson", "Graham",
        "Hall", "Harper", "Hewitt", "Holden", "Hughes", "Hussain", "Jackson", "Kaur", "Kelly", "Knowles",
        "Lawson", "Marsh", "Mason", "Mills", "Moss", "Nolan", "Owen", "Parker", "Pearson", "Porter",
        "Quinn", "Rahman", "Reid", "Riley", "Rowe", "Shaw", "Singh", "Slater", "Stevens", "Sutton",
        "Thornton", "Tindall", "Walsh", "Ward", "Webb", "Whitehead", "Wilde", "Wood", "Yates",
    ]

    static let reviewSites = ["booking.com", "tripadvisor", "google", "expedia", "hotels.com"]

    static let otherAuthorities = ["Ravensmoor Metropolitan Borough Council", "Eastbridge City Council"]

    static let vehicleModels: [(make: String, model: String)] = [
        ("Toyota", "Prius"), ("Toyota", "Corolla"), ("Skoda", "Octavia"), ("Skoda", "Superb"),
        ("Ford", "Galaxy"), ("Ford", "Mondeo"), ("Kia", "Niro"), ("Hyundai", "Ioniq"),
        ("Volkswagen", "Passat"), ("Volkswagen", "Sharan"), ("Mercedes-Benz", "Vito"),
        ("LEVC", "TX"), ("Peugeot", "Rifter"), ("Dacia", "Jogger"), ("Tesla", "Model 3"),
    ]

    static let plateLetters = Array("ABCDEFGHJKLMNOPRSTUVWXYZ")
}
