/// A plain table for the terminal: padded columns measured in display columns, the last
/// column taking what is left of the line (that is where right-to-left text goes).
struct TerminalTable {
    struct Column {
        var title: String
        var alignRight = false
        var maxWidth = 40
    }

    struct Cell {
        var text: String
        var color: TerminalStyle.Color?

        init(_ text: String, _ color: TerminalStyle.Color? = nil) {
            self.text = TerminalText.singleLine(text)
            self.color = color
        }
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func append(_ row: [Cell]) { rows.append(row) }

    func render(width lineWidth: Int, style: TerminalStyle) -> [String] {
        let fixed = columns.indices.dropLast()
        var widths = columns.map { TerminalText.width($0.title) }
        for row in rows {
            for index in fixed where index < row.count {
                widths[index] = max(widths[index], min(columns[index].maxWidth, TerminalText.width(row[index].text)))
            }
        }
        let used = fixed.reduce(0) { $0 + widths[$1] + 2 }
        let lastWidth = max(20, lineWidth - used)

        func line(_ cells: [Cell], header: Bool) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : Cell("")
                let isLast = index == columns.count - 1
                let limit = isLast ? lastWidth : widths[index]
                let text = TerminalText.truncate(cell.text, toWidth: limit)
                let padded = isLast ? text : TerminalText.pad(text, to: limit, alignRight: column.alignRight)
                parts.append(header ? style.bold(padded) : style.apply(padded, cell.color))
            }
            var rendered = parts.joined(separator: "  ")
            while rendered.hasSuffix(" ") { rendered.removeLast() }
            return rendered
        }

        return [line(columns.map { Cell($0.title) }, header: true)] + rows.map { line($0, header: false) }
    }
}
