import Foundation
import GRDB
import HakamCore
import HakamStore
import Synchronization

/// Group commit: submissions that arrive while a write transaction is running wait here and are
/// written together in the next one, each in a savepoint of its own, so a rejected or failing
/// comment undoes only itself. Every caller resumes after the commit that holds its comment
/// (or with the error that kept it out), so an acknowledgement still means "on disk".
///
/// There is no timer: a batch is what queued up during the previous transaction, at most
/// `maximumBatch`. Alone, a submission is written at once; under load, batches grow by themselves
/// and one commit (one WAL append, one fsync with `synchronous=FULL`) serves many comments.
///
/// The loop runs on a dispatch queue of its own, not as a task: between two batches it goes
/// straight to the next one instead of waiting for a turn on the cooperative thread pool, where
/// every request handler competes. (Under load this alone changed no throughput figure measurably;
/// it keeps the blocking write off the cooperative pool.)
final class SubmitQueue: Sendable {
    typealias Work = @Sendable (Database) throws -> SubmitOutcome

    private struct Waiting {
        let work: Work
        let continuation: CheckedContinuation<SubmitOutcome, any Error>
    }

    private struct State {
        var waiting: [Waiting] = []
        var draining = false
    }

    private let writer: DatabasePool
    private let maximumBatch: Int
    private let state = Mutex(State())
    private let loop = DispatchQueue(label: "hakam.submit-queue", qos: .userInitiated)

    init(writer: DatabasePool, maximumBatch: Int) {
        self.writer = writer
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Runs `work` inside a shared write transaction and returns once that transaction committed.
    func enqueue(_ work: @escaping Work) async throws -> SubmitOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let startDraining = state.withLock { state in
                state.waiting.append(Waiting(work: work, continuation: continuation))
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if startDraining {
                loop.async { self.drain() }
            }
        }
    }

    private func drain() {
        while true {
            let batch = state.withLock { state -> [Waiting] in
                guard !state.waiting.isEmpty else {
                    state.draining = false
                    return []
                }
                let count = min(maximumBatch, state.waiting.count)
                let batch = Array(state.waiting.prefix(count))
                state.waiting.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            write(batch)
        }
    }

    private func write(_ batch: [Waiting]) {
        let results: [Result<SubmitOutcome, any Error>]
        do {
            // The synchronous write: this runs on `loop`, never on the cooperative pool.
            results = try writer.write { db in
                batch.map { waiting in
                    var outcome: SubmitOutcome?
                    do {
                        try db.inSavepoint {
                            outcome = try waiting.work(db)
                            return .commit
                        }
                        return .success(outcome!)
                    } catch {
                        return .failure(error)
                    }
                }
            }
        } catch {
            // The transaction itself failed (busy past the timeout, disk full, I/O): nothing of
            // this batch was committed, so every caller gets the error.
            for waiting in batch { waiting.continuation.resume(throwing: error) }
            return
        }
        for (waiting, result) in zip(batch, results) {
            waiting.continuation.resume(with: result)
        }
    }
}

/// What one submission's work inside the shared transaction produced.
struct SubmitOutcome: Sendable {
    let record: CommentRecord
    let verdict: Verdict
}
