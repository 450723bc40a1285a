/// The HTML error page of the WordPress form flow: `lang`/`dir` set, every string escaped.
struct ErrorPage {
    let language: Language
    let title: String
    let items: [String]
    let backLabel: String
    let backLink: String

    func render() -> String {
        let direction = language.isRightToLeft ? "rtl" : "ltr"
        let list = items.map { "<li>\(HTMLEscaping.escape($0))</li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)" dir="\(direction)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLEscaping.escape(title))</title></head>
        <body>
        <main>
        <h1>\(HTMLEscaping.escape(title))</h1>
        <ul>
        \(list)
        </ul>
        <p><a href="\(HTMLEscaping.escape(backLink))">\(HTMLEscaping.escape(backLabel))</a></p>
        </main>
        </body>
        </html>

        """
    }
}

import HakamCore
