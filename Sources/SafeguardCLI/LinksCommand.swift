import ArgumentParser
import Foundation
import SafeguardStore

/// `safeguard links review`: uncertain entity matches, for an officer to accept or reject.
struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Review how records from different sources were tied to one premises, vehicle or driver.",
        subcommands: [LinksReview.self]
    )
}

struct LinksReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List uncertain matches; accept (merge) or reject one by its number.",
        discussion: """
            Uncertain matches are never merged automatically. Accepting one ties the two records' \
            sources together as one entity; rejecting keeps them apart.

            Examples:
              safeguard links review
              safeguard links review --accept 3
              safeguard links review --reject 4
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Accept match N: they are the same premises.", valueName: "n"))
    var accept: Int64?

    @Option(name: .long, help: ArgumentHelp("Reject match N: they are different premises.", valueName: "n"))
    var reject: Int64?

    @Flag(name: .long, help: "Print the list as JSON.")
    var json = false

    func validate() throws {
        if self.accept != nil, self.reject != nil {
            throw ValidationError("give --accept or --reject, not both")
        }
    }

    func run() throws {
        let store = try self.store.openExistingStore()
        do {
            if let id = self.accept {
                try store.decideLink(id: id, accept: true)
                print("match \(id) accepted: the records now belong to one entity")
                return
            }
            if let id = self.reject {
                try store.decideLink(id: id, accept: false)
                print("match \(id) rejected: the records stay apart")
                return
            }
        } catch let error as StoreError where error.code == "store.link.unknown" {
            throw CommandError(.usage, error.message)
        }
        let pending = try store.pendingLinks()
        if self.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(pending), as: UTF8.self))
            return
        }
        guard !pending.isEmpty else {
            print("No uncertain matches wait for review.")
            return
        }
        for link in pending {
            let confidence = Int((link.confidence * 100).rounded())
            print("[\(link.id)] \(confidence)% — \(link.reason)")
            print("    \(link.entitySource): \(Self.describe(link.entityName, link.entityAddress, link.entityPostcode))")
            print("    \(link.candidateSource): "
                + Self.describe(link.candidateName, link.candidateAddress, link.candidatePostcode))
        }
        print("\(pending.count) uncertain matches. Accept with --accept N, reject with --reject N.")
    }

    static func describe(_ name: String, _ address: String?, _ postcode: String?) -> String {
        ([name] + [address, postcode].compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
