/// A failure of a command's input (a file, a record) that a person can act on; printed as `Error: …`
/// without the usage text that `ValidationError` would add.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
