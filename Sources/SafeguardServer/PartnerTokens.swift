import Foundation

/// Bearer tokens for partners posting to `/api/reports`: 160 random bits shown once, stored
/// only as a keyed hash.
public enum PartnerTokens {
    /// Creates a token for `partner`, stores its hash and returns the token (shown once).
    ///
    /// - Throws: `ServerError` when the partner name is unusable or already has a live token.
    public static func add(partner: String, services: ServerServices) throws -> String {
        guard !partner.isEmpty, partner.count <= 64,
            partner.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
        else {
            throw ServerError(
                code: "server.token.name",
                message: "partner name '\(partner)' must be 1-64 letters, digits, '-', '_' or '.', like city-cabs")
        }
        var generator = SystemRandomNumberGenerator()
        let token = "sgp_" + Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        try services.intakeStore.addPartnerToken(
            partner: partner, tokenHash: services.intake.keys.tokenHash(token), at: IntakeClock.minute(services.now()))
        return token
    }

    /// Revokes `partner`'s live token.
    ///
    /// - Throws: `ServerError` when the partner has no live token.
    public static func revoke(partner: String, services: ServerServices) throws {
        guard try services.intakeStore.revokePartnerToken(partner: partner, at: IntakeClock.minute(services.now())) else {
            throw ServerError(code: "server.token.unknown", message: "partner '\(partner)' has no live token to revoke")
        }
    }
}
