/// The content score (`ClassifierScore`) of a lesson: a labelled row of `hakam train` or
/// `hakam classifier eval`, or a comment a moderator labelled. The cut-off is chosen on
/// `log odds + W × content score`, so each lesson needs the score the policy's rules give it.
/// A lesson has a name, a website and a text, not the rest of a submission: the email is a
/// neutral placeholder (lessons never hold one) and the form timing is missing, as in
/// `hakam policy test`. A lesson the validator refuses (too long, blank) scores 0.
public struct LessonContentScorer: Sendable {
    public let judge: Judge
    static let placeholderName = "Reader"
    static let placeholderEmail = "reader@example.com"

    public init(judge: Judge) {
        self.judge = judge
    }

    public func score(_ input: ClassifierInput) -> Double {
        let submission = Submission(post: "lesson", name: input.name.isEmpty ? Self.placeholderName : input.name,
                                    email: Self.placeholderEmail, url: input.url, body: input.body)
        guard let comment = try? SubmissionValidator(limits: judge.policy.limits).validate(submission) else { return 0 }
        return Judge.score(judge.contentReasons(comment))
    }
}
