@testable import HakamCLI
import Testing

@Suite("Terminal text")
struct TerminalTextTests {
    @Test(arguments: [
        ("abc", 3), ("مَرْحَبًا", 5), ("日本", 4), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("e\u{301}", 1), ("", 0),
    ])
    func widthCountsGraphemeClusters(_ text: String, _ width: Int) {
        #expect(TerminalText.width(text) == width)
    }

    @Test func truncationKeepsWholeClusters() {
        let text = "مَرْحَبًا بِكُمْ"
        let cut = TerminalText.truncate(text, toWidth: 4)
        #expect(cut == "مَرْحَ…")
        #expect(TerminalText.width(cut) == 4)
        #expect(TerminalText.truncate("日本語です", toWidth: 6) == "日本…")
        #expect(TerminalText.truncate("👨‍👩‍👧👨‍👩‍👧", toWidth: 3) == "👨‍👩‍👧…")
        #expect(TerminalText.truncate("short", toWidth: 10) == "short")
    }

    @Test func singleLineDropsControlsAndBidiOverrides() {
        #expect(TerminalText.singleLine("a\nb\t c\r\n") == "a b c")
        #expect(TerminalText.singleLine("evil\u{202E}txt.exe") == "eviltxt.exe")
        #expect(TerminalText.singleLine("x\u{1B}[31mred") == "x[31mred")
        #expect(TerminalText.firstLine("\n\n  second  line \nthird") == "second line")
    }

    @Test func rightToLeftDetection() {
        #expect(TerminalText.containsRightToLeft("abc سلام"))
        #expect(TerminalText.containsRightToLeft("שלום"))
        #expect(!TerminalText.containsRightToLeft("hello 日本"))
    }

    @Test func tablesPadByDisplayWidthAndColourAfterPadding() {
        var table = TerminalTable([.init(title: "ID", alignRight: true), .init(title: "NAME", maxWidth: 6), .init(title: "TEXT")])
        table.append([.init("#1"), .init("日本語名前"), .init("سلام عليكم", .red)])
        let lines = table.render(width: 40, style: TerminalStyle(enabled: false))
        #expect(lines == ["ID  NAME    TEXT", "#1  日本…   سلام عليكم"])
        let coloured = table.render(width: 40, style: TerminalStyle(enabled: true))
        #expect(coloured[1].hasSuffix("\u{1B}[31mسلام عليكم\u{1B}[0m"))
    }
}
