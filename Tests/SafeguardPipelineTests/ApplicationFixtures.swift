/// Synthetic applications (fictional borough of Kelverton): the same quiet-pub minor variation as JSON and XML.
enum ApplicationFixtures {
    static let quietPubXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Synthetic (fictional borough of Kelverton); the same application as quiet-pub-minor-variation.json. -->
        <application>
          <reference>KV/APP/2026/0901</reference>
          <kind>minor-variation</kind>
          <received>2026-10-26</received>
          <authority>Kelverton Borough Council</authority>
          <applicant><name>Plough Inns Ltd</name></applicant>
          <premises>
            <name>The Plough</name>
            <address>2 Green Lane, Kelverton</address>
            <postcode>KV3 4PL</postcode>
            <uprn>100012345678</uprn>
            <type>pub</type>
          </premises>
          <activities>
            <activity>
              <activity>supply-of-alcohol-on</activity>
              <times>
                <session><days><day>mon</day><day>tue</day><day>wed</day><day>thu</day><day>fri</day><day>sat</day><day>sun</day></days><from>11:00</from><to>23:00</to></session>
              </times>
            </activity>
          </activities>
          <operating-schedule>
            <prevention-of-crime-and-disorder>
              <step>A refusals register and an incident log are kept behind the bar</step>
            </prevention-of-crime-and-disorder>
            <protection-of-children-from-harm><step>Challenge 25</step></protection-of-children-from-harm>
          </operating-schedule>
          <declarations>
            <age-verification-policy>challenge-25</age-verification-policy>
            <under-18s-admitted>no</under-18s-admitted>
          </declarations>
          <variation>Move the bar servery two metres and add two tables</variation>
        </application>
        """

    static let quietPubJSON = """
        {
          "reference": "KV/APP/2026/0901",
          "kind": "minor-variation",
          "received": "2026-10-26",
          "authority": "Kelverton Borough Council",
          "applicant": {"name": "Plough Inns Ltd"},
          "premises": {"name": "The Plough", "address": "2 Green Lane, Kelverton", "postcode": "KV3 4PL", "uprn": "100012345678", "type": "pub"},
          "activities": [
            {"activity": "supply-of-alcohol-on", "times": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "11:00", "to": "23:00"}]}
          ],
          "operating-schedule": {
            "prevention-of-crime-and-disorder": ["A refusals register and an incident log are kept behind the bar"],
            "protection-of-children-from-harm": ["Challenge 25"]
          },
          "declarations": {"age-verification-policy": "challenge-25", "under-18s-admitted": "no"},
          "variation": "Move the bar servery two metres and add two tables"
        }
        """
}
