/// The formats `hakam export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// One JSON object per line.
    case ndjson
    /// `{"exported_at": …, "comments": [...]}`.
    case json
    /// RFC 4180, UTF-8, with spreadsheet formulas defused.
    case csv
    /// WordPress eXtended RSS 1.2, for WordPress's importer (and `hakam import`).
    case wxr

    public func makeWriter(siteURL: String = WXRExportWriter.defaultSiteURL) -> any ExportWriter {
        switch self {
        case .ndjson: NDJSONExportWriter()
        case .json: JSONExportWriter()
        case .csv: CSVExportWriter()
        case .wxr: WXRExportWriter(siteURL: siteURL)
        }
    }
}
