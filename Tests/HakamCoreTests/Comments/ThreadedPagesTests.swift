import Foundation
import HakamCore
import Testing

@Suite("ThreadedPages")
struct ThreadedPagesTests {
    func comment(_ id: Int64, parent: Int64? = nil) -> PublicComment {
        PublicComment(id: id, post: "p", parent: parent, name: "n", url: nil, body: "b", status: .approved,
                      createdAt: Date(timeIntervalSince1970: Double(id)))
    }

    @Test func repliesFollowTheirRootAndPagesCountThreads() {
        // 1 ← 3 ← 5, 2, 4 ← 6; 7 replies to 99, which is not published.
        let pages = ThreadedPages(comments: [
            comment(1), comment(2), comment(3, parent: 1), comment(4), comment(5, parent: 3), comment(6, parent: 4), comment(7, parent: 99),
        ])
        #expect(pages.total == 7)
        #expect(pages.threads.map { $0.map(\.id) } == [[1, 3, 5], [2], [4, 6], [7]])
        #expect(pages.pageCount(perPage: 2) == 2)
        #expect(pages.page(1, perPage: 2).map(\.id) == [1, 3, 5, 2])
        #expect(pages.page(2, perPage: 2).map(\.id) == [4, 6, 7])
        #expect(pages.page(3, perPage: 2).isEmpty)
        #expect(pages.page(Int.max, perPage: 100).isEmpty)
    }

    @Test func aReplyListedBeforeItsParentAndALoopStillGiveEveryCommentOnce() {
        // Imported out of order (8 before its parent 9), and a loop 10 ↔ 11.
        let pages = ThreadedPages(comments: [comment(8, parent: 9), comment(9), comment(10, parent: 11), comment(11, parent: 10)])
        let all = pages.threads.flatMap { $0.map(\.id) }
        #expect(all.sorted() == [8, 9, 10, 11])
        #expect(pages.threads.first { $0.contains { $0.id == 8 } }?.first?.id == 9)
        #expect(ThreadedPages(comments: []).pageCount(perPage: 50) == 0)
    }
}
