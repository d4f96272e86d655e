import Crypto
import Foundation
import Synchronization

/// In-memory rate limits per client. A client is known only by a hash of its address under a
/// random salt that changes every UTC day: the address itself is never kept, and yesterday's
/// keys cannot be linked to today's. Nothing here is stored or logged.
final class ClientRateLimiter: Sendable {
    /// What is being counted.
    enum Scope: Sendable {
        case reports
        case failedReceipts
    }

    private struct State {
        var day: Int = -1
        var salt: [UInt8] = []
        var hour: Int = -1
        var counts: [Key: Int] = [:]
    }

    private struct Key: Hashable {
        var client: UInt64
        var scope: Scope
    }

    private let state = Mutex(State())
    private let limits: ServerLimits

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Whether the client may do one more of `scope` this hour (counting it when it may).
    func allow(_ scope: Scope, peer: String?, now: Date) -> Bool {
        let limit = self.limit(scope)
        return self.state.withLock { state in
            let key = Key(client: Self.rotate(&state, now: now, peer: peer), scope: scope)
            let count = state.counts[key, default: 0]
            guard count < limit else { return false }
            state.counts[key] = count + 1
            return true
        }
    }

    /// Whether the client is still under the limit of `scope` this hour, without counting.
    func isUnder(_ scope: Scope, peer: String?, now: Date) -> Bool {
        let limit = self.limit(scope)
        return self.state.withLock { state in
            let key = Key(client: Self.rotate(&state, now: now, peer: peer), scope: scope)
            return state.counts[key, default: 0] < limit
        }
    }

    private func limit(_ scope: Scope) -> Int {
        switch scope {
        case .reports: self.limits.reportsPerClientPerHour
        case .failedReceipts: self.limits.receiptGuessesPerClientPerHour
        }
    }

    /// Rotates the salt each day and the counts each hour; returns the client's key.
    private static func rotate(_ state: inout State, now: Date, peer: String?) -> UInt64 {
        let seconds = Int(now.timeIntervalSince1970)
        let day = seconds / 86_400
        let hour = seconds / 3_600
        if day != state.day {
            var generator = SystemRandomNumberGenerator()
            state.salt = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            state.day = day
        }
        if hour != state.hour {
            state.counts.removeAll(keepingCapacity: true)
            state.hour = hour
        }
        var hasher = SHA256()
        hasher.update(data: state.salt)
        hasher.update(data: Data((peer ?? "unknown").utf8))
        return hasher.finalize().withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }
}
