import HakamCore

/// `GET /demo`: an Arabic news article page (RTL) with a headline ticker, the article, then
/// "اترك تعليقاً" with Hakam's form and the approved comments. No inline script or style: the
/// CSP allows only `/embed.js` and `/hakam.css`.
struct DemoPageView {
    let form: CommentFormView
    let thread: CommentThreadView
    /// The author's own pending comment was verified: show WordPress's notice.
    let showsPendingNotice: Bool

    func render() -> String {
        let e = HTMLEscaping.escape
        let text = PageText(language: .arabic)
        let ticker = DemoArticle.headlines.map { "<li><a href=\"#\">\(e($0))</a></li>" }.joined()
        let sections = DemoArticle.sections.map { name in
            "<li><a href=\"#\"\(name == DemoArticle.section ? " aria-current=\"page\"" : "")>\(e(name))</a></li>"
        }.joined()
        let paragraphs = DemoArticle.paragraphs.enumerated().map { index, paragraph in
            (index == 2 ? "<blockquote>\(e(DemoArticle.quote))</blockquote>\n" : "") + "<p>\(e(paragraph))</p>"
        }.joined(separator: "\n")
        let tags = DemoArticle.tags.map { "<li><a href=\"#\">\(e($0))</a></li>" }.joined()
        let mostRead = DemoArticle.mostRead.map { "<li><a href=\"#\">\(e($0))</a></li>" }.joined()
        let notice = showsPendingNotice
            ? "<div class=\"hakam-notice\" id=\"hakam-pending-notice\" role=\"status\">\(e(text.awaitingModeration))</div>\n" : ""
        return """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(DemoArticle.title)) | \(e(DemoArticle.siteName))</title>
        <link rel="stylesheet" href="/hakam.css">
        <script src="/embed.js" defer></script>
        </head>
        <body class="demo">
        <div class="ticker" role="region" aria-label="عاجل">
        <span class="ticker-label">عاجل</span>
        <div class="ticker-track"><ul class="ticker-items">\(ticker)</ul></div>
        </div>
        <header class="site-header">
        <div class="site-brand"><a class="site-name" href="/demo">\(e(DemoArticle.siteName))</a><span class="site-tagline">\(e(DemoArticle.siteTagline))</span></div>
        <div class="site-date">\(e(DemoArticle.dateline))</div>
        </header>
        <nav class="site-nav" aria-label="الأقسام"><ul>\(sections)</ul></nav>
        <div class="site-body">
        <main class="article-column">
        <article class="news-article">
        <p class="article-section"><a href="#">\(e(DemoArticle.section))</a></p>
        <h1 class="article-title">\(e(DemoArticle.title))</h1>
        <p class="article-lead">\(e(DemoArticle.lead))</p>
        <p class="article-meta"><span class="byline">بقلم \(e(DemoArticle.byline))</span> · <span>\(e(DemoArticle.dateline))</span> · <span>\(e(DemoArticle.readingTime))</span></p>
        <figure class="article-figure"><div class="figure-art" role="img" aria-label="\(e(DemoArticle.figureCaption))"></div><figcaption>\(e(DemoArticle.figureCaption))</figcaption></figure>
        <div class="article-body">
        \(paragraphs)
        </div>
        <ul class="article-tags" aria-label="الوسوم">\(tags)</ul>
        </article>
        <section class="comments-area" aria-label="التعليقات">
        \(notice)\(form.render())
        \(thread.render())
        </section>
        </main>
        <aside class="sidebar" aria-label="الأكثر قراءة">
        <h2>الأكثر قراءة</h2>
        <ol class="most-read">\(mostRead)</ol>
        </aside>
        </div>
        <footer class="site-footer"><p>\(e(DemoArticle.siteName)) — موقع تجريبي لعرض نظام التعليقات «حَكَم». التعليقات تخضع للمراجعة قبل النشر.</p></footer>
        </body>
        </html>

        """
    }
}
