import Foundation
import SafeguardCore
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// Checks every driver of the taxi register against the driver rules (`rules/taxis/drivers.yaml`)
/// and builds the driver report: `safeguard drivers`, `demo`, `bench drivers` and the officers'
/// web page all call this.
public enum DriverScreening {
    /// Reads the register from a store and builds the report (rules and template from `rulesDirectory`).
    public static func report(
        store: some TaxiRegisterStore, rulesDirectory: URL, asOf: CalendarDay, localAuthority: String? = nil
    ) throws(PipelineError) -> DriverReport {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(directory: rulesDirectory)
        } catch {
            throw PipelineError(message: "The rules in \(rulesDirectory.path) do not load: \(error). Run `safeguard rules check \(rulesDirectory.path)`.")
        }
        let notifications: Section5NotificationRenderer
        do {
            notifications = try Section5NotificationRenderer(rulesDirectory: rulesDirectory)
        } catch {
            throw PipelineError(message: error.message)
        }
        let snapshot: TaxiRegisterSnapshot
        do {
            snapshot = try store.taxiRegister()
        } catch let error as StoreError {
            throw PipelineError(message: "Cannot read the taxi register: \(error.message)")
        } catch {
            throw PipelineError(message: "Cannot read the taxi register: \(error)")
        }
        guard !snapshot.drivers.isEmpty else {
            throw PipelineError(message: "The database holds no taxi drivers. Import the register first: `safeguard import taxi drivers.csv vehicles.csv operators.csv`.")
        }
        return self.assess(
            snapshot, engine: Engine(ruleSet: ruleSet), notifications: notifications, asOf: asOf,
            localAuthority: localAuthority)
    }

    /// Scores every driver (in parallel) and assembles the report.
    public static func assess(
        _ snapshot: TaxiRegisterSnapshot, engine: Engine, notifications: Section5NotificationRenderer,
        asOf: CalendarDay, localAuthority: String? = nil
    ) -> DriverReport {
        let builder = DriverFactsBuilder(snapshot: snapshot, localAuthority: localAuthority)
        let decisions = self.score(snapshot.drivers, builder: builder, engine: engine, asOf: asOf)
        return DriverReportAssembler(
            snapshot: snapshot, builder: builder, engine: engine, notifications: notifications, asOf: asOf
        ).report(decisions)
    }

    /// Every driver's decision, in register order (facts built and rules evaluated across cores).
    public static func score(
        _ drivers: [TaxiDriverLicence], builder: DriverFactsBuilder, engine: Engine, asOf: CalendarDay
    ) -> [Decision] {
        ParallelMap.map(drivers, minimumChunk: 512) { driver in
            engine.evaluate(builder.facts(driver), asOf: asOf)
        }
    }
}
