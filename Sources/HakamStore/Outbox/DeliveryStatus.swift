/// Where one delivery stands: waiting (or retrying), done, or parked after too many failures.
public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    case pending, sent, failed
}
