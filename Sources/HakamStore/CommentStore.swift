import Foundation
import HakamCore

/// Everything Hakam asks of its database, whichever backend holds it (`HakamSQLite`,
/// `HakamPostgres`). Values in, values out: no driver type crosses this boundary, and the
/// failures callers act on are `StoreError`, `ModerationError` and `Rejection`.
///
/// The store returns facts (history, bans, duplicates); it never decides a verdict. `submit`
/// reads the facts inside its write transaction, where they are consistent with every other
/// writer (other nodes, the CLI), hands them to `decide` and stores what it returns.
public protocol CommentStore: OutboxStore, PublishingStore {
    // MARK: Submit

    /// Stores a submitted comment and its first audit event, and returns after the commit (the
    /// caller may then acknowledge it). `decide` gets the author's history — with the standing
    /// ban, if any — read inside the transaction, and may throw a `Rejection` to store nothing.
    func submit(
        _ comment: NewComment, decide: @escaping @Sendable (AuthorHistory) throws -> Verdict
    ) async throws -> (CommentRecord, Verdict)

    // MARK: Public reads

    /// Approved comments of a post, oldest first (ties by id), paginated.
    func approvedComments(post: String, page: Int, perPage: Int) async throws -> PublicCommentPage
    func comment(id: Int64) async throws -> CommentRecord?
    /// The database-wide public generation (one primary-key read): the read cache's cheap check.
    func publicGeneration() async throws -> Int64
    /// The database-wide and one post's generation, from one snapshot.
    func publicGenerations(post: String) async throws -> PublicGenerations
    /// Every approved comment of `post` (oldest first, ties by id) with their generations.
    func publishedComments(post: String) async throws -> PublishedComments
    /// Comments waiting for a moderator (the `/metrics` queue-depth gauge).
    func pendingCount() async throws -> Int
    /// True when a write could start now (`/readyz`).
    func isWritable() async -> Bool

    // MARK: Keys

    /// Rows holding values made with the master key (hashes, sealed emails, email and IP bans).
    func keyedRowCount() async throws -> Int
    /// Records `fingerprint` (a keyed hash of a fixed text) on first use and throws
    /// `StoreError.keyMismatch` when a different one is recorded: a node must not start with a
    /// key other than the one the stored hashes were made with.
    func checkKey(fingerprint: String) async throws
    /// The newest stored sealed email, if any: opening it proves a key file is the one the
    /// stored data was written with, on a database that predates the recorded fingerprint.
    func sampleSealedEmail() async throws -> Data?

    // MARK: Moderation

    func queue(_ filter: QueueFilter) async throws -> QueuePage
    func commentIDs(matching filter: QueueFilter) async throws -> [Int64]
    func commentDetail(id: Int64, now: Date) async throws -> CommentDetail?
    /// The audit trail of a comment, oldest first; it outlives the comment (purge).
    func history(commentID: Int64) async throws -> [ModerationEventRecord]
    func revealEmail(
        commentID: Int64, actor: String, note: String?, now: Date, open: @escaping @Sendable (Data) throws -> String
    ) async throws -> String
    func decide(
        commentID: Int64, action: ModerationAction, actor: String, note: String?, expecting: Set<CommentStatus>?, now: Date
    ) async throws -> DecisionOutcome
    func undo(commentID: Int64, actor: String, note: String?, now: Date) async throws -> DecisionOutcome
    func ban(kind: BanKind, value: String, expiresAt: Date?, note: String?, actor: String, now: Date) async throws -> BanOutcome
    func banAuthor(ofComment commentID: Int64, expiresAt: Date?, note: String?, actor: String, now: Date) async throws -> BanOutcome
    func unban(kind: BanKind, value: String, actor: String, now: Date) async throws -> BanRecord
    func unban(id: Int64, actor: String, now: Date) async throws -> BanRecord
    func bans(includeInactive: Bool, now: Date) async throws -> [BanRecord]
    func activeBan(emailHash: String?, ipHash: String?, emailDomain: String?, name: String?, now: Date) async throws -> BanRecord?
    func forget(emailHash: String, actor: String, note: String?, now: Date) async throws -> Int
    func purge(cutoffs: [CommentStatus: Date], actor: String, now: Date, dryRun: Bool) async throws -> PurgeOutcome
    func moderationStats(now: Date, windowStart: Date, topReasonLimit: Int) async throws -> ModerationStats

    // MARK: Classifier

    /// How a moderated comment becomes a lesson, and the features the stored model reads: the
    /// plain extractor unless whoever opened the store gave the policy's word lists
    /// (`FeatureExtractor(lexicon:)`). A lesson keeps the features it was first given, so
    /// undo stays exact when the lists change.
    var classifierFeatures: FeatureExtractor { get set }
    /// The content score a moderated comment's lesson keeps (`LessonContentScorer`, the policy's
    /// rules); nil: lessons keep none and the cut-off chooser counts them as 0.
    var classifierContentScorer: LessonContentScorer? { get set }
    func classifierCounts() async throws -> (counts: ClassifierCounts, generation: Int64)
    func classifierGeneration() async throws -> Int64
    /// Adds seeded lessons (`hakam train`, `hakam import --train`): their counts, and each
    /// example's feature hashes so a discriminative model can be retrained from them.
    func trainClassifier(_ counts: ClassifierCounts, examples: [ClassifierTrainingExample], now: Date) async throws
    /// Every lesson a model learns from: the seeded examples and the moderated comments that
    /// teach something now (label not NULL), in a stable order.
    func classifierTrainingExamples() async throws -> [ClassifierTrainingExample]
    /// The model and cut-off the site chose (naive Bayes without a cut-off until one is chosen).
    func classifierChoice() async throws -> ClassifierChoice
    /// Stores the model and cut-off; bumps the generation so servers reload.
    func setClassifierChoice(_ choice: ClassifierChoice, now: Date) async throws
    func classifierStats() async throws -> ClassifierStats
    /// Up to `limit` moderated lessons (label not NULL) with `comment_id` above `after`, in
    /// comment order, whose comment still holds the text they were taught from: not purged, not
    /// forgotten (`hakam forget` erased its name and website). Name, website, text and stored
    /// score only: never private data. For `rescoreClassifierLessons`.
    func classifierLessonTexts(after commentID: Int64, limit: Int) async throws -> [ClassifierLessonText]
    /// Stores these content scores on the moderated lessons of these comments, in one
    /// transaction. Counts, features and labels are untouched (no generation bump: the model is
    /// the same; only the cut-off chosen on the scores depends on them).
    func setClassifierContentScores(_ scores: [(commentID: Int64, score: Double)]) async throws
    /// How many lessons there are, and how many hold no content score.
    func classifierScoreCensus() async throws -> ClassifierScoreCensus

    // MARK: Transfer

    /// How many comments `exportApprovedComments` would visit (for a progress bar).
    func approvedCommentCount(_ filter: ExportFilter) async throws -> Int
    /// Calls `body` for every approved comment matching `filter` in the export order (post,
    /// created time, id), from one consistent snapshot. Returns the number of comments.
    func exportApprovedComments(_ filter: ExportFilter, _ body: (any ExportedCommentRow) throws -> Void) async throws -> Int
    /// Runs a whole import in one transaction: if `body` throws, nothing of it is kept.
    func importComments<T>(now: Date, _ body: (any CommentImportSession) throws -> T) async throws -> (result: T, parentsLinked: Int)

    // MARK: Lifecycle

    /// Releases connections (PostgreSQL); a no-op where there are none.
    func close() async
}

extension CommentStore {
    public func decide(
        commentID: Int64, action: ModerationAction, actor: String, note: String?, now: Date
    ) async throws -> DecisionOutcome {
        try await decide(commentID: commentID, action: action, actor: actor, note: note, expecting: nil, now: now)
    }

    public func moderationStats(now: Date, windowStart: Date) async throws -> ModerationStats {
        try await moderationStats(now: now, windowStart: windowStart, topReasonLimit: 10)
    }

    /// Adds counts with no per-example record (naive Bayes alone can learn from them).
    public func trainClassifier(_ counts: ClassifierCounts, now: Date) async throws {
        try await trainClassifier(counts, examples: [], now: now)
    }
}
