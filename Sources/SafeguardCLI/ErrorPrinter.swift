import ArgumentParser
import Foundation
import SafeguardCorpus
import SafeguardCore
import SafeguardImport
import SafeguardPipeline
import SafeguardReports
import SafeguardStore
import SafeguardText

/// The one printer of a command's failure: `Error: <what went wrong>` and, when there is one, a
/// second line saying what to do, on standard error; the exit status comes from the error's kind.
enum ErrorPrinter {
    /// The text printed for `error` (without a trailing newline).
    static func text(_ error: CommandError) -> String {
        var text = "Error: \(error.message)"
        if let fix = error.fix { text += "\nWhat to do: \(fix)" }
        return text
    }

    /// Prints `error` on standard error.
    static func print(_ error: CommandError) {
        FileHandle.standardError.write(Data((Self.text(error) + "\n").utf8))
    }

    /// A library error thrown out of a command's `run()` as the `CommandError` to print, so that
    /// every error reads the same whichever layer threw it. `commandPath` ("import fhrs") names the
    /// command for the help hint of a `ValidationError`.
    static func commandError(for error: any Error, commandPath: String) -> CommandError? {
        switch error {
        case let error as CommandError:
            return error
        case let error as ValidationError:
            return CommandError(.usage, error.message, fix: "see `safeguard help \(commandPath)`")
        case let error as ImportError:
            return CommandError(.input, error.description)
        case let error as StoreError:
            return CommandError(.database, error.message)
        case let error as RuleSetError:
            return CommandError(
                .rules, "the rules do not load:\n\(error.description)", fix: "run `safeguard rules check` and fix what it lists")
        case let error as ReportError:
            return CommandError(.output, error.message)
        case let error as TextError:
            return CommandError(.input, error.message)
        case let error as CorpusError:
            return CommandError(.output, error.message)
        case let error as PipelineError:
            let kind: CommandError.Kind =
                switch error.step {
                case .input: .input
                case .rules: .rules
                case .store: .database
                case .output: .output
                }
            return CommandError(kind, error.message)
        case let error as TextIOError:
            return CommandError(.input, error.message)
        case let error as CocoaError where error.isFileError:
            // Foundation's file errors, as "path: reason" rather than their debug description.
            let info = (error as NSError).userInfo
            let path = info[NSFilePathErrorKey] as? String ?? (info[NSURLErrorKey] as? URL)?.path ?? "a file"
            let writing = (512..<768).contains(error.errorCode)
            return CommandError(
                writing ? .output : .input, "\(path): \(FileErrorReason.of(error))",
                fix: writing ? "check the directory exists and you can write to it" : "check the path and its permissions")
        default:
            return nil
        }
    }
}
