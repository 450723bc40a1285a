import Foundation
import HakamCore
import HakamStore
import Logging
import Synchronization

/// The server's copy of the learned model. Submissions read it without touching the database;
/// at most every `checkInterval` a read also starts a background check of the counts'
/// generation (one row) and, when moderators taught something new, a reload (and, for logistic
/// regression, a retraining on the stored lessons, off the submit path; and, when the model has
/// learnt enough since its cut-off was chosen for a false-positive rate, a new choice of it).
/// A submission never waits for a load; a model that cannot be loaded gives no opinion (logged
/// once) and never blocks a comment.
public final class ClassifierHolder: Sendable {
    private struct State {
        var snapshot: ClassifierSnapshot?
        var checkedAt: Date = .distantPast
        var refreshing = false
        var failureLogged = false
    }

    private let state = Mutex(State())
    private let database: any CommentStore
    private let checkInterval: TimeInterval
    private let logger: Logger
    private let cutoffRefresher: ClassifierCutoffRefresher

    public init(database: any CommentStore, checkInterval: TimeInterval = 5, logger: Logger = Logger(label: "hakam.classifier"),
                cutoffSchedule: ClassifierCutoffSchedule = ClassifierCutoffSchedule()) {
        self.database = database
        self.checkInterval = checkInterval
        self.logger = logger
        self.cutoffRefresher = ClassifierCutoffRefresher(database: database, schedule: cutoffSchedule, logger: logger)
    }

    /// The model to judge with now (nil until the first load finished). May start a refresh;
    /// `policyWeight` and `familiarity` are the policy's `classifier.policy_weight` and
    /// `classifier.familiarity`, which a new cut-off is chosen with.
    public func current(alpha: Double, policyWeight: Double = 0, familiarity: Double = 0, now: Date = Date()) -> ClassifierSnapshot? {
        let (snapshot, start) = state.withLock { state -> (ClassifierSnapshot?, Bool) in
            let stale = now.timeIntervalSince(state.checkedAt) >= checkInterval || state.snapshot.map { $0.model.alpha != alpha } == true
            guard stale, !state.refreshing else { return (state.snapshot, false) }
            state.refreshing = true
            state.checkedAt = now
            return (state.snapshot, true)
        }
        if start {
            Task.detached(priority: .utility) { [self] in await self.load(alpha: alpha, policyWeight: policyWeight, familiarity: familiarity, claimed: true) }
        }
        return snapshot
    }

    /// Reloads now if the counts changed (tests and start-up call it to wait for the model).
    public func refresh(alpha: Double, policyWeight: Double = 0, familiarity: Double = 0) async {
        await load(alpha: alpha, policyWeight: policyWeight, familiarity: familiarity, claimed: false)
    }

    /// A new cut-off bumps the generation, so the next check loads the model with it. A failure
    /// keeps the old cut-off and is tried again at the next reload.
    private func refreshCutoff(documents: Int, alpha: Double, policyWeight: Double, familiarity: Double) async {
        do {
            try await cutoffRefresher.refreshIfDue(documents: documents, alpha: alpha, policyWeight: policyWeight, familiarity: familiarity)
        } catch {
            logger.warning("could not choose the classifier cut-off again; the stored one stays",
                           metadata: ["error_type": .string(String(describing: type(of: error)))])
        }
    }

    private func load(alpha: Double, policyWeight: Double, familiarity: Double, claimed: Bool) async {
        defer { if claimed { state.withLock { $0.refreshing = false } } }
        do {
            let generation = try await database.classifierGeneration()
            let known = state.withLock { $0.snapshot }
            if let known, known.generation == generation, known.model.alpha == alpha { return }
            let snapshot = try await database.loadClassifierSnapshot(alpha: alpha)
            state.withLock { $0.snapshot = snapshot; $0.failureLogged = false }
            await refreshCutoff(documents: snapshot.model.documents.spam + snapshot.model.documents.ham, alpha: alpha, policyWeight: policyWeight,
                                familiarity: familiarity)
        } catch {
            let first = state.withLock { state -> Bool in
                defer { state.failureLogged = true }
                return !state.failureLogged
            }
            // The error's type only: database messages may quote values.
            if first {
                logger.error("classifier model unavailable; no classifier opinion until it loads",
                             metadata: ["error_type": .string(String(describing: type(of: error)))])
            }
        }
    }
}
