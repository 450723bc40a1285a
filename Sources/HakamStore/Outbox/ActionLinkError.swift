/// Why an action link did nothing.
public enum ActionLinkError: Error, Sendable, Equatable {
    case alreadyUsed
}
