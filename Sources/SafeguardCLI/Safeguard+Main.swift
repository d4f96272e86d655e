import ArgumentParser
import Foundation

extension Safeguard {
    /// Parses and runs a command; a failure thrown by `run()` is printed once by `ErrorPrinter` and
    /// exits with the status of its kind (see `CommandError.Kind`). Standard output is flushed and
    /// checked at the end, so a full disk or a closed pipe is an error, not a silent loss.
    static func main() async {
        // A closed pipe is reported as an output error (exit 2) rather than killing the process silently.
        signal(SIGPIPE, SIG_IGN)
        let command: any ParsableCommand
        do {
            command = try await Self.asyncParseAsRoot(nil)
        } catch {
            Self.exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch let exit as ExitCode {
            Self.finish(status: exit.rawValue)
        } catch let clean as CleanExit {
            Self.exit(withError: clean)
        } catch {
            guard let failure = ErrorPrinter.commandError(for: error, commandPath: Self.path(of: type(of: command))) else {
                Self.exit(withError: error)
            }
            Self.finish(status: failure.kind.status, failure: failure)
        }
        Self.finish(status: 0)
    }

    /// Flushes standard output, then exits: with `failure` printed and its status, else with
    /// `status`, or with an output error when standard output could not be written.
    private static func finish(status: Int32, failure: CommandError? = nil) -> Never {
        if let failure {
            _ = StandardOutput.flushError()
            ErrorPrinter.print(failure)
            Foundation.exit(status)
        }
        if let error = StandardOutput.flushError() {
            ErrorPrinter.print(error)
            Foundation.exit(status == 0 ? error.kind.status : status)
        }
        Foundation.exit(status)
    }

    /// The command's words after `safeguard` ("import fhrs"), for help hints.
    static func path(of command: any ParsableCommand.Type) -> String {
        func search(_ type: any ParsableCommand.Type, _ words: [String]) -> [String]? {
            if type == command { return words }
            for sub in type.configuration.subcommands {
                let name = sub.configuration.commandName ?? sub._commandName
                if let found = search(sub, words + [name]) { return found }
            }
            return nil
        }
        return (search(Safeguard.self, []) ?? []).joined(separator: " ")
    }
}
