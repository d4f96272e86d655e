import Hummingbird
import SafeguardCore
import SafeguardStore

/// Linking a report to a taxi driver (chosen from a search of the register by badge or licence
/// number) or to a vehicle (by registration), and unlinking either. The posts go through the
/// report's action route, so they share its sign-in, role and CSRF checks; each change writes an
/// officers' audit line (in the store, with the link).
extension OfficerRoutes {
    func actOnTaxiLink(_ action: String, on reference: String, form: FormBody, actor: String) throws {
        switch action {
        case "link-driver":
            guard let id = form.first("driver").flatMap({ Int64($0) }), try self.store.driver(id: id) != nil else {
                throw HTTPError(.unprocessableContent, message: "Choose a driver from the search results.")
            }
            try self.store.linkReport(reference: reference, toDriver: id, by: actor, at: self.minute())
        case "link-vehicle":
            let registration = form.first("registration") ?? ""
            guard let key = MatchKeys.plate(registration), key.count <= 10 else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Type the vehicle's registration, for example AB12 CDE (letters and digits, up to 10).")
            }
            try self.store.linkReport(reference: reference, toVehicleRegistration: key, by: actor, at: self.minute())
        case "unlink-driver":
            try self.store.unlinkReport(reference: reference, role: "driver", by: actor, at: self.minute())
        default:
            try self.store.unlinkReport(reference: reference, role: "vehicle", by: actor, at: self.minute())
        }
    }
}

extension ReportDetailPage {
    /// The values of the report page's driver and vehicle section (`Templates/report-taxi.mustache`):
    /// the linked driver and vehicle, unlink buttons, a driver search and a registration form.
    var taxiContext: [String: Any] {
        var context: [String: Any] = [
            "reference": self.view.report.reference, "csrf": self.token, "driverQuery": self.driverQuery,
            "driverLabel": self.driver == nil ? "Find a driver to link" : "Link to a different driver",
            "vehicleLabel": self.vehicle == nil ? "Link a vehicle" : "Link a different vehicle",
            "searched": !self.driverQuery.isEmpty, "hasDrivers": !self.driversFound.isEmpty,
            "drivers": self.driversFound.map { driver -> [String: Any] in
                ["id": String(driver.id), "licence": driver.licenceNumber, "line": Self.driverLine(driver)]
            },
        ]
        if let linked = self.driver {
            context["driver"] = [
                "line": Self.driverLine(linked.driver),
                "how": linked.method == "officer" ? "linked by an officer" : "matched from the badge the reporter gave",
            ]
        }
        if let linked = self.vehicle {
            context["vehicle"] = [
                "line": Self.vehicleLine(linked.vehicle),
                "how": linked.method == "officer" ? "linked by an officer" : "matched from the registration the reporter gave",
            ]
        }
        return context
    }

    /// "licence D123, badge 456 (Kelverton), private-hire, active (E12)" (plain text; the template escapes it).
    static func driverLine(_ driver: LinkableDriver) -> String {
        var text = "licence \(driver.licenceNumber)"
        if let badge = driver.badgeNumber, !badge.isEmpty { text += ", badge \(badge)" }
        return text + " (\(driver.issuingAuthority)), \(driver.licenceType), \(driver.status) (E\(driver.id))"
    }

    /// "AB12CDE: plate 123 (Kelverton), active (E13)" or "… not in the taxi register" (plain text).
    static func vehicleLine(_ vehicle: LinkableVehicle) -> String {
        "\(vehicle.registration): \(vehicle.licence ?? "not in the taxi register") (E\(vehicle.id))"
    }
}
