/// `/hakam.css`: the form and comment styles (class names prefixed `hakam-`, usable on any
/// site) and the demo page's news-site layout (`body.demo`). Logical properties
/// (`margin-inline-start`…) keep one stylesheet right for RTL and LTR.
enum PageStyles {
    static let source = #"""
:root {
  --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --paper: #ffffff; --wash: #f6f5f2;
  --brand: #9b1c1c; --brand-dark: #6e1212; --link: #0b5394; --error: #b00020; --ok: #1e6b34; --pending: #8a5a00;
  --arabic: "Noto Naskh Arabic", "Noto Sans Arabic", "KacstBook", "Amiri", "Segoe UI", Tahoma, serif;
  --arabic-ui: "Noto Sans Arabic", "Noto Kufi Arabic", "KacstOne", "Segoe UI", Tahoma, sans-serif;
}

/* The form and the comment list: any page */
.hakam-respond, .hakam-thread { font-family: var(--arabic-ui); color: var(--ink); line-height: 1.7; }
.hakam-respond[lang="en"], .hakam-thread[lang="en"] { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.hakam-reply-title, .hakam-thread h3 { font-size: 1.35rem; margin: 0 0 .5rem; padding-block-end: .4rem; border-block-end: 3px solid var(--brand); display: inline-block; }
.hakam-notes { color: var(--muted); font-size: .92rem; margin: .25rem 0 1rem; }
.hakam-form { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0 1rem; }
.hakam-form *, .hakam-form *::before, .hakam-form *::after { box-sizing: border-box; }
.hakam-form > .hakam-notes, .hakam-form > .hakam-status, .hakam-field-comment, .hakam-field-consent, .hakam-submit { grid-column: 1 / -1; }
.hakam-field { margin: 0 0 .9rem; display: flex; flex-direction: column; min-width: 0; }
.hakam-field label { font-weight: 600; margin-block-end: .25rem; font-size: .95rem; }
.hakam-field .required { color: var(--brand); }
.hakam-field input[type=text], .hakam-field input[type=email], .hakam-field input[type=url], .hakam-field textarea {
  width: 100%; font: inherit; font-size: 1rem; padding: .55rem .7rem; border: 1px solid #c9c9c9; border-radius: 4px; background: #fff; color: var(--ink);
}
.hakam-field textarea { resize: vertical; min-height: 8rem; }
.hakam-field input:focus, .hakam-field textarea:focus { outline: 2px solid var(--link); outline-offset: 1px; border-color: var(--link); }
.hakam-field [aria-invalid="true"] { border-color: var(--error); background: #fff6f7; }
.hakam-error { color: var(--error); font-size: .9rem; min-height: 0; margin-block-start: .2rem; }
.hakam-error:empty { display: none; }
.hakam-field-consent { flex-direction: row; flex-wrap: wrap; align-items: baseline; gap: .5rem; }
.hakam-field-consent label { font-weight: 400; flex: 1; }
.hakam-hint { flex-basis: 100%; color: var(--muted); font-size: .82rem; padding-inline-start: 1.6rem; }
.hakam-hp { position: absolute; inset-inline-start: -10000px; width: 1px; height: 1px; overflow: hidden; }
.hakam-submit button {
  font: inherit; font-weight: 700; color: #fff; background: var(--brand); border: 0; border-radius: 4px; padding: .65rem 1.8rem; cursor: pointer;
}
.hakam-submit button:hover, .hakam-submit button:focus { background: var(--brand-dark); }
.hakam-submit button[disabled] { opacity: .6; cursor: progress; }
.hakam-status:empty { display: none; }
.hakam-status, .hakam-notice { padding: .7rem 1rem; border-radius: 4px; margin: 0 0 1rem; border-inline-start: 4px solid var(--pending); background: #fff7e6; color: #5c3d00; }
.hakam-status.is-error { border-color: var(--error); background: #fdecee; color: var(--error); }
.hakam-status.is-ok { border-color: var(--ok); background: #eaf6ee; color: var(--ok); }
.hakam-thread { margin-block-start: 2.5rem; }
.hakam-comments, .hakam-comments .children { list-style: none; margin: 0; padding: 0; }
.hakam-comments .children { margin-inline-start: 2.2rem; border-inline-start: 2px solid var(--rule); padding-inline-start: 1rem; }
.hakam-comment-body { padding: 1rem 0; border-block-end: 1px solid var(--rule); }
.hakam-comment-meta { display: flex; flex-wrap: wrap; gap: .4rem; align-items: baseline; }
.hakam-author { font-size: 1.02rem; }
.hakam-author a { color: var(--link); text-decoration: none; }
.hakam-comment-meta .says { color: var(--muted); }
.hakam-comment-meta time { color: var(--muted); font-size: .85rem; margin-inline-start: auto; }
.hakam-comment-content p { margin: .4rem 0 0; white-space: normal; overflow-wrap: anywhere; }
.hakam-comment-pending .hakam-comment-body { background: #fffbf2; padding-inline: .8rem; }
.hakam-pending { color: var(--pending); font-size: .9rem; font-style: italic; margin: .3rem 0 0; }
.hakam-empty { color: var(--muted); }

/* The demo: an Arabic news site */
body.demo { margin: 0; background: var(--wash); color: var(--ink); font-family: var(--arabic-ui); }
.demo a { color: inherit; }
.ticker { display: flex; align-items: center; background: #111; color: #fff; font-size: .92rem; overflow: hidden; height: 2.4rem; }
.ticker-label { background: var(--brand); font-weight: 700; padding: 0 1.1rem; height: 100%; display: flex; align-items: center; flex: none; }
.ticker-track { overflow: hidden; flex: 1; }
.ticker-items { display: flex; gap: 2.5rem; margin: 0; padding: 0 1rem; list-style: none; white-space: nowrap; animation: ticker 60s linear infinite; }
.ticker-items li::before { content: "◆"; color: var(--brand); margin-inline-end: .6rem; font-size: .7rem; }
.ticker-items a { text-decoration: none; }
.ticker:hover .ticker-items { animation-play-state: paused; }
@keyframes ticker { from { transform: translateX(0); } to { transform: translateX(60%); } }
@media (prefers-reduced-motion: reduce) { .ticker-items { animation: none; } }
.site-header { max-width: 72rem; margin: 0 auto; padding: 1.4rem 1rem .8rem; display: flex; align-items: flex-end; justify-content: space-between; }
.site-name { font-family: "Noto Kufi Arabic", var(--arabic-ui); font-size: 2.6rem; font-weight: 800; color: var(--brand) !important; text-decoration: none; line-height: 1; }
.site-tagline { display: block; color: var(--muted); font-size: .9rem; margin-block-start: .35rem; }
.site-date { color: var(--muted); font-size: .9rem; }
.site-nav { background: var(--paper); border-block: 1px solid var(--rule); border-block-start: 3px solid var(--ink); }
.site-nav ul { max-width: 72rem; margin: 0 auto; padding: 0 1rem; display: flex; gap: 1.6rem; list-style: none; }
.site-nav a { display: block; padding: .7rem 0; text-decoration: none; font-weight: 600; }
.site-nav a[aria-current] { color: var(--brand); box-shadow: inset 0 -3px 0 var(--brand); }
.site-body { max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; display: grid; grid-template-columns: minmax(0, 1fr) 17rem; gap: 2rem; }
.article-column { background: var(--paper); padding: 2rem 2.4rem; border: 1px solid var(--rule); }
.article-section a { color: var(--brand); font-weight: 700; text-decoration: none; font-size: .95rem; }
.article-section { margin: 0; }
.article-title { font-family: var(--arabic-ui); font-size: 2.05rem; line-height: 1.45; margin: .4rem 0 .8rem; }
.article-lead { font-family: var(--arabic); font-size: 1.25rem; color: #3c3c3c; line-height: 1.9; margin: 0 0 1rem; }
.article-meta { color: var(--muted); font-size: .9rem; border-block: 1px solid var(--rule); padding: .6rem 0; }
.byline { color: var(--ink); font-weight: 700; }
.article-figure { margin: 1.4rem 0; }
.figure-art {
  height: 18rem; border-radius: 2px;
  background:
    radial-gradient(circle at 50% 115%, #f3d9a4 0 18%, transparent 19%),
    repeating-linear-gradient(90deg, #7a4a2b 0 2.2rem, #8e5a36 2.2rem 2.6rem, #6b3f24 2.6rem 4.8rem),
    linear-gradient(#c99a62, #7a4a2b);
  background-size: 100% 100%, 100% 62%, 100% 100%; background-repeat: no-repeat; background-position: center, bottom, center;
}
.article-figure figcaption { color: var(--muted); font-size: .85rem; margin-block-start: .4rem; }
.article-body { font-family: var(--arabic); font-size: 1.2rem; line-height: 2.05; }
.article-body p { margin: 0 0 1.1rem; }
.article-body blockquote { margin: 1.4rem 0; padding: .6rem 1.2rem; border-inline-start: 4px solid var(--brand); color: var(--brand-dark); font-size: 1.3rem; font-weight: 700; background: var(--wash); }
.article-tags { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 1.5rem 0 0; }
.article-tags a { display: inline-block; background: var(--wash); border: 1px solid var(--rule); border-radius: 2rem; padding: .15rem .9rem; font-size: .85rem; text-decoration: none; }
.comments-area { margin-block-start: 2.5rem; padding-block-start: 1.5rem; border-block-start: 1px solid var(--rule); }
.sidebar { align-self: start; background: var(--paper); border: 1px solid var(--rule); padding: 1.2rem 1.4rem; }
.sidebar h2 { font-size: 1.15rem; margin: 0 0 .8rem; padding-block-end: .4rem; border-block-end: 3px solid var(--brand); display: inline-block; }
.most-read { margin: 0; padding: 0; list-style: none; counter-reset: read; }
.most-read li { counter-increment: read; display: flex; gap: .7rem; padding: .7rem 0; border-block-end: 1px solid var(--rule); line-height: 1.6; }
.most-read li::before { content: counter(read, arabic-indic); color: var(--brand); font-size: 1.6rem; font-weight: 800; line-height: 1; }
.most-read a { text-decoration: none; font-weight: 600; }
.site-footer { background: #111; color: #bbb; text-align: center; padding: 1.4rem 1rem; font-size: .9rem; margin-block-start: 2rem; }
@media (max-width: 52rem) {
  .site-body { grid-template-columns: 1fr; }
  .article-column { padding: 1.2rem; }
  .hakam-form { grid-template-columns: 1fr; }
  .site-nav ul { overflow-x: auto; }
}
"""#
}
