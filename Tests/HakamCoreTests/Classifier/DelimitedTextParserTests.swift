@testable import HakamCore
import Testing

@Suite("CSV and TSV parsing")
struct DelimitedTextParserTests {
    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
        let csv = "\u{FEFF}ID,CONTENT,CLASS\r\n1,\"Hi, \"\"friend\"\"\nsecond line\",1\r\n2,plain,0\n"
        let rows = DelimitedTextParser().rows(csv)
        #expect(rows == [["ID", "CONTENT", "CLASS"], ["1", "Hi, \"friend\"\nsecond line", "1"], ["2", "plain", "0"]])
    }

    @Test func tabsAndArabicAndAMissingFinalNewline() {
        let tsv = "Tweet\tClass\n\"سطر\nثاني\"\tabusive\nعادي\tnormal"
        #expect(DelimitedTextParser(delimiter: "\t").rows(tsv) == [["Tweet", "Class"], ["سطر\nثاني", "abusive"], ["عادي", "normal"]])
    }

    @Test func emptyFieldsAndQuotesInsideUnquotedFields() {
        #expect(DelimitedTextParser().rows("a,,c\nx,5\" tall,\"\"\n") == [["a", "", "c"], ["x", "5\" tall", ""]])
    }

    @Test func withoutQuotingEveryLineIsARow() {
        let tsv = "\"quoted start\ttab\tOFF\nnext\tNOT_OFF\n"
        #expect(DelimitedTextParser(delimiter: "\t", quoting: false).rows(tsv) == [["\"quoted start", "tab", "OFF"], ["next", "NOT_OFF"]])
        #expect(DelimitedTextParser(delimiter: "\t").rows(tsv).count == 1)
    }
}
