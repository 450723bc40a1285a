/// One comment with the class a person gave it (from a labelled file or a moderator).
public struct LabelledExample: Sendable {
    public var input: ClassifierInput
    public var label: ClassifierLabel

    public init(input: ClassifierInput, label: ClassifierLabel) {
        self.input = input
        self.label = label
    }
}
