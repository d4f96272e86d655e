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
            guard let id = form.first("driver").flatMap({ Int64($0) }), try self.services.store.driver(id: id) != nil else {
                throw HTTPError(.unprocessableContent, message: "Choose a driver from the search results.")
            }
            try self.services.store.linkReport(reference: reference, toDriver: id, by: actor, at: self.minute())
        case "link-vehicle":
            let registration = form.first("registration") ?? ""
            guard let key = MatchKeys.plate(registration), key.count <= 10 else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Type the vehicle's registration, for example AB12 CDE (letters and digits, up to 10).")
            }
            try self.services.store.linkReport(reference: reference, toVehicleRegistration: key, by: actor, at: self.minute())
        case "unlink-driver":
            try self.services.store.unlinkReport(reference: reference, role: "driver", by: actor, at: self.minute())
        default:
            try self.services.store.unlinkReport(reference: reference, role: "vehicle", by: actor, at: self.minute())
        }
    }
}

extension ReportDetailPage {
    /// The linked driver and vehicle, unlink buttons, a driver search and a registration form.
    func taxiSection(reference: String, field: String) -> String {
        var out = "<h2 id=\"taxi\">Taxi driver and vehicle</h2>"
        if case let (driver, method)? = self.driver {
            let how = method == "officer" ? "linked by an officer" : "matched from the badge the reporter gave"
            out += "<p>Linked to driver \(Self.driverLine(driver)): \(how).</p>"
            out += "<form method=\"post\" action=\"/officer/reports/\(reference)/unlink-driver\">\(field)<button type=\"submit\" class=\"button-secondary\">Unlink this driver</button></form>"
        } else {
            out += "<p>This report is not linked to a driver.</p>"
        }
        out += """
            <form method="get" action="/officer/reports/\(reference)#taxi" class="search" role="search">
            <label for="driver-query">\(self.driver == nil ? "Find a driver to link" : "Link to a different driver") (badge or licence number)</label>
            <input type="text" id="driver-query" name="dq" value="\(HTML.escape(self.driverQuery))" autocomplete="off">
            <button type="submit" class="button-secondary">Search drivers</button>
            </form>
            """
        if !self.driverQuery.isEmpty {
            if self.driversFound.isEmpty {
                out += "<p>No driver in the register has a badge or licence number like “\(HTML.escape(self.driverQuery))”.</p>"
            } else {
                out += "<ul class=\"results\">"
                for driver in self.driversFound {
                    out += "<li><form method=\"post\" action=\"/officer/reports/\(reference)/link-driver\" class=\"inline\">\(field)"
                    out += "<input type=\"hidden\" name=\"driver\" value=\"\(driver.id)\">"
                    out += "<button type=\"submit\" class=\"button-secondary\" aria-label=\"Link to driver \(HTML.escape(driver.licenceNumber))\">Link</button> "
                    out += Self.driverLine(driver) + "</form></li>"
                }
                out += "</ul>"
            }
        }
        if case let (vehicle, method)? = self.vehicle {
            let how = method == "officer" ? "linked by an officer" : "matched from the registration the reporter gave"
            out += "<p>Linked to vehicle \(Self.vehicleLine(vehicle)): \(how).</p>"
            out += "<form method=\"post\" action=\"/officer/reports/\(reference)/unlink-vehicle\">\(field)<button type=\"submit\" class=\"button-secondary\">Unlink this vehicle</button></form>"
        } else {
            out += "<p>This report is not linked to a vehicle.</p>"
        }
        out += """
            <form method="post" action="/officer/reports/\(reference)/link-vehicle" class="search">\(field)
            <label for="registration">\(self.vehicle == nil ? "Link a vehicle" : "Link a different vehicle") (registration)</label>
            <input type="text" id="registration" name="registration" autocomplete="off" maxlength="16">
            <button type="submit" class="button-secondary">Link vehicle</button>
            </form>
            """
        return out
    }

    /// "licence D123, badge 456 (Kelverton), private-hire, active (E12)", escaped.
    static func driverLine(_ driver: LinkableDriver) -> String {
        var text = "licence \(driver.licenceNumber)"
        if let badge = driver.badgeNumber, !badge.isEmpty { text += ", badge \(badge)" }
        text += " (\(driver.issuingAuthority)), \(driver.licenceType), \(driver.status) (E\(driver.id))"
        return HTML.escape(text)
    }

    /// "AB12CDE: plate 123 (Kelverton), active (E13)" or "… not in the taxi register", escaped.
    static func vehicleLine(_ vehicle: LinkableVehicle) -> String {
        HTML.escape("\(vehicle.registration): \(vehicle.licence ?? "not in the taxi register") (E\(vehicle.id))")
    }
}
