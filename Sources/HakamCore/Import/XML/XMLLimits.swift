/// Bounds on what one document may make the reader hold: it reads untrusted uploads. The defaults
/// are far above anything WordPress writes (a WXR is 5 elements deep, its names are short).
public struct XMLLimits: Sendable {
    /// Elements open at once.
    public var maxDepth = 64
    /// Bytes of an element, attribute or processing-instruction name.
    public var maxNameBytes = 256
    /// Attributes (namespace declarations included) on one element.
    public var maxAttributes = 64
    /// Bytes of one attribute value.
    public var maxAttributeBytes = 64 * 1024
    /// Bytes of one run of collected text (an element's text between two tags).
    public var maxTextBytes = 32 * 1024 * 1024

    public init() {}
}
