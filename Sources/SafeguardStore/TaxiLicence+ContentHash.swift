import SafeguardCore

/// The content hashes the taxi register's rows are stored with, the same on every backend, so a
/// re-import of an unchanged row writes nothing and `db copy` compares like with like.
extension TaxiDriverLicence {
    package var contentHash: Int64 {
        var hasher = ContentHash()
        for field in [
            self.licenceType.rawValue, self.holderName, self.badgeNumber, self.issuedOn?.description,
            self.expiresOn?.description, self.status.rawValue, self.dbsIssuedOn?.description,
            self.dbsLastStatusCheck?.description, self.nr3sSearchedOn?.description,
            self.safeguardingTrainingOn?.description, self.revocationReason, self.victimAgeBand,
            self.vehicleRegistration,
        ] {
            hasher.add(field)
        }
        hasher.add(self.dbsUpdateService)
        hasher.add(self.barredListsChecked)
        hasher.add(self.rightToWorkChecked)
        return hasher.int64
    }
}

extension TaxiVehicleLicence {
    package var contentHash: Int64 {
        var hasher = ContentHash()
        for field in [
            self.licenceType.rawValue, self.vehicleRegistration, self.make, self.model, self.proprietorName,
            self.operatorLicence, self.issuedOn?.description, self.expiresOn?.description, self.status.rawValue,
        ] {
            hasher.add(field)
        }
        return hasher.int64
    }
}

extension TaxiOperatorLicence {
    package var contentHash: Int64 {
        var hasher = ContentHash()
        for field in [self.operatorName, self.issuedOn?.description, self.expiresOn?.description, self.status.rawValue] {
            hasher.add(field)
        }
        return hasher.int64
    }
}

extension NR3SSearch {
    package var contentHash: Int64 {
        var hasher = ContentHash()
        for field in [
            self.applicationKind.rawValue, self.searchedOn?.description, self.recordingAuthority,
            self.detailsRequestedOn?.description, self.detailsReceivedOn?.description, self.decidedOn?.description,
        ] {
            hasher.add(field)
        }
        hasher.add(self.matched)
        return hasher.int64
    }
}
