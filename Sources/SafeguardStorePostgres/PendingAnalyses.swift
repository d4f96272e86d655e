import Foundation

/// The planner-statistics analyses a store has started after bulk writes' commits
/// (`PostgresPlannerStatistics`), each on a connection of its own so the import's next batch does
/// not wait for it. A read waits for them first (its plans need the statistics) and so does the
/// store's end, so a command never exits with an analysis cut off.
final class PendingAnalyses: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Task<Void, Never>] = []

    /// Whether none is running or waiting to be awaited.
    var isEmpty: Bool {
        self.lock.withLock { self.tasks.isEmpty }
    }

    /// Keeps a started analysis until someone waits for it.
    func add(_ task: Task<Void, Never>) {
        self.lock.withLock { self.tasks.append(task) }
    }

    /// Waits until every analysis started so far has finished.
    func wait() async {
        while true {
            let tasks = self.lock.withLock {
                let tasks = self.tasks
                self.tasks = []
                return tasks
            }
            if tasks.isEmpty { return }
            for task in tasks { await task.value }
        }
    }
}
