import ArgumentParser
import Foundation
import SafeguardServer
import SafeguardStore

/// `safeguard users add|disable|enable|reset|list`: the officers who may sign in to `safeguard serve`.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage the officers, analysts and admins who sign in to the web app.",
        discussion: """
            Passwords are read from standard input (one line), never from the command line, and \
            stored only as scrypt hashes.

            Example: printf '%s\\n' 'a long pass phrase' | safeguard users add jsmith --name "J Smith" --role officer
            """,
        subcommands: [Add.self, Disable.self, Enable.self, Reset.self, TOTPSetUp.self, List.self]
    )

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    static func readPassword() throws -> String {
        guard let line = readLine(strippingNewline: true), line.count >= PasswordHasher.minimumLength else {
            throw ValidationError(
                "give the password on standard input, at least \(PasswordHasher.minimumLength) characters (a pass phrase of a few words is best)")
        }
        return line
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (password on standard input).")
        @Argument(help: "Sign-in name (letters, digits, . _ -).") var username: String
        @Option(help: "Name shown on replies and in the audit.") var name: String?
        @Option(help: "officer, analyst or admin.") var role: String = "officer"
        @Option(help: "The authority id the user belongs to.") var authority: String = "local"
        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard OfficerRole(rawValue: self.role) != nil else {
                throw ValidationError("--role must be officer, analyst or admin (got '\(self.role)')")
            }
            guard !self.username.isEmpty,
                self.username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            else { throw ValidationError("the user name may hold only letters, digits, '.', '_' and '-'") }
        }

        func run() throws {
            let password = try UsersCommand.readPassword()
            let hash = try PasswordHasher(configuration: OfficerConfiguration()).hash(password)
            do {
                try self.store.openOfficerStore().addOfficerUser(
                    username: self.username.lowercased(), displayName: self.name ?? self.username,
                    role: OfficerRole(rawValue: self.role)!, authorityID: self.authority, passwordHash: hash,
                    at: UsersCommand.now())
            } catch let error as StoreError {
                throw ValidationError(error.message)
            }
            print("added \(self.username.lowercased()) (\(self.role))")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user and end their sessions.")
        @Argument var username: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            guard try self.store.openExistingOfficerStore().setOfficerUserDisabled(username: self.username.lowercased(), disabled: true, at: UsersCommand.now())
            else { throw ValidationError("no user named '\(self.username)' (see safeguard users list)") }
            print("disabled \(self.username.lowercased())")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user.")
        @Argument var username: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            guard try self.store.openExistingOfficerStore().setOfficerUserDisabled(username: self.username.lowercased(), disabled: false, at: UsersCommand.now())
            else { throw ValidationError("no user named '\(self.username)' (see safeguard users list)") }
            print("enabled \(self.username.lowercased())")
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a new password (on standard input), clear a lock-out and end the user's sessions.")
        @Argument var username: String
        @OptionGroup var store: StoreOptions
        func run() throws {
            let hash = try PasswordHasher(configuration: OfficerConfiguration()).hash(try UsersCommand.readPassword())
            guard try self.store.openExistingOfficerStore().resetOfficerPassword(username: self.username.lowercased(), passwordHash: hash, at: UsersCommand.now())
            else { throw ValidationError("no user named '\(self.username)' (see safeguard users list)") }
            print("reset \(self.username.lowercased())")
        }
    }

    struct TOTPSetUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "totp",
            abstract: "Give a user a new TOTP second factor and require it (prints the secret to enter in an authenticator app).")
        @Argument var username: String
        @Flag(help: "Remove the second factor instead.") var remove = false
        @OptionGroup var store: StoreOptions
        func run() throws {
            let name = self.username.lowercased()
            let store = try self.store.openExistingOfficerStore()
            if self.remove {
                guard try store.setOfficerTOTP(username: name, secret: nil, required: false, at: UsersCommand.now())
                else { throw ValidationError("no user named '\(self.username)' (see safeguard users list)") }
                print("removed the second factor of \(name)")
                return
            }
            let totp = TOTP(secret: TOTP.randomSecret())
            guard try store.setOfficerTOTP(username: name, secret: totp.base32Secret, required: true, at: UsersCommand.now())
            else { throw ValidationError("no user named '\(self.username)' (see safeguard users list)") }
            print("secret for \(name): \(totp.base32Secret)")
            print("otpauth://totp/Safeguard:\(name)?secret=\(totp.base32Secret)&issuer=Safeguard&digits=6&period=30")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")
        @OptionGroup var store: StoreOptions
        func run() throws {
            for user in try self.store.openExistingOfficerStore().officerUsers() {
                let state = user.disabled ? "disabled" : (user.lockedUntil != nil && user.failedAttempts > 0 ? "locked" : "active")
                print("\(user.username)\t\(user.role.rawValue)\t\(user.authorityID)\t\(state)\t\(user.displayName)")
            }
        }
    }
}

/// `safeguard audit`: the officers' audit (views, exports, changes, sign-ins) and the intake's.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "List the audit: who viewed, exported or changed what, and when.")
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.openExistingOfficerStore()
        print("at\tactor\taction\tsubject\tdetail")
        for entry in try store.officerAudit() {
            print("\(entry.at)\t\(entry.actor)\t\(entry.action)\t\(entry.subject)\t\(entry.detail)")
        }
        for entry in try store.intakeAudit() {
            print("\(entry.at)\t\(entry.actor)\t\(entry.action)\t\(entry.reference)\t\(entry.detail)")
        }
    }
}
