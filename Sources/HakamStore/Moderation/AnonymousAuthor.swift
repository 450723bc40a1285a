/// What a forgotten (or nameless imported) author is called afterwards.
public enum AnonymousAuthor {
    public static let name = "Anonymous"
}
