import ArgumentParser
import Foundation
import HakamCore
import HakamStore

/// `--status` of the queue and of decisions by filter.
enum StatusChoice: String, ExpressibleByArgument, CaseIterable {
    case pending, approved, spam, trash, all

    var statuses: [CommentStatus] {
        self == .all ? CommentStatus.allCases : [CommentStatus(rawValue: rawValue)!]
    }
}
