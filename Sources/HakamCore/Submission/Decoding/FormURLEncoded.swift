/// `application/x-www-form-urlencoded` parsing (WHATWG URL §5.1) that refuses what a lenient
/// parser would silently repair: invalid UTF-8 after percent-decoding and absurd field counts.
public enum FormURLEncoded {
    public enum Failure: Error, Sendable { case invalidUTF8, malformed, tooManyFields }

    public static let maximumFields = 1_000

    public static func parse(_ bytes: some Collection<UInt8>) throws(Failure) -> [(name: String, value: String)] {
        var pairs: [(String, String)] = []
        for chunk in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            guard pairs.count < maximumFields else { throw .tooManyFields }
            let equals = chunk.firstIndex(of: UInt8(ascii: "="))
            let name = try decode(chunk[..<(equals ?? chunk.endIndex)])
            let value = try equals.map { (index) throws(Failure) in try decode(chunk[chunk.index(after: index)...]) } ?? ""
            pairs.append((name, value))
        }
        return pairs
    }

    private static func decode(_ component: some Collection<UInt8>) throws(Failure) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(component.count)
        var iterator = component.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { throw .malformed }
                output.append(high << 4 | low)
            default:
                output.append(byte)
            }
        }
        guard let text = String(validating: output, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
