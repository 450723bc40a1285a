import HakamCore
import Testing

@Suite("when a cut-off chosen for a false-positive rate is chosen again")
struct ClassifierCutoffScheduleTests {
    let schedule = ClassifierCutoffSchedule()

    func chosen(at documents: Int?, target: Double? = 0.02) -> ClassifierChoice {
        ClassifierChoice(kind: .nbLogistic, cutoffLogOdds: 0.5, targetFalsePositiveRate: target, documentsAtChoice: documents)
    }

    @Test func aFifthMoreOrFewerComments() {
        #expect(!schedule.isDue(chosen(at: 1000), documents: 1199))
        #expect(schedule.isDue(chosen(at: 1000), documents: 1200))
        #expect(!schedule.isDue(chosen(at: 1000), documents: 801))
        #expect(schedule.isDue(chosen(at: 1000), documents: 800))
    }

    @Test func atLeastTheMinimumOnASmallModel() {
        #expect(!schedule.isDue(chosen(at: 10), documents: 34))
        #expect(schedule.isDue(chosen(at: 10), documents: 35))
        #expect(schedule.isDue(chosen(at: 0), documents: 25))
    }

    @Test func neverWithoutATargetOrAKnownSize() {
        #expect(!schedule.isDue(chosen(at: 10, target: nil), documents: 10_000))
        #expect(!schedule.isDue(chosen(at: nil), documents: 10_000))
        #expect(!schedule.isDue(ClassifierChoice(), documents: 10_000))
    }
}
