/// How many lessons `rescoreClassifierLessons` reads and writes at a time: one short read and
/// one short write transaction each, so a live server's decisions and submissions wait little.
public enum ClassifierRescoreBatch {
    public static let size = 500
}
