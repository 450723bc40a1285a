-- Imports (`hakam import`): where each imported comment came from, so importing the same file
-- twice adds nothing. Keyed by the exporting site and the comment's id there.
-- comment_id is SET NULL, not cascaded, when retention deletes the comment: the row stays to
-- remember that the source comment was imported, so a re-import does not bring purged spam back.
CREATE TABLE import_sources (
    source            TEXT NOT NULL,        -- the exporting site (WXR base_site_url)
    source_id         TEXT NOT NULL,        -- the comment's id there (wp:comment_id)
    source_parent_id  TEXT,                 -- its parent's id there, to thread replies read before their parent
    comment_id        INTEGER REFERENCES comments(id) ON DELETE SET NULL,
    imported_at       TEXT NOT NULL,
    PRIMARY KEY (source, source_id)
) WITHOUT ROWID;
CREATE INDEX import_sources_comment ON import_sources (comment_id);

-- `hakam export` reads approved comments in the order (post, created time, id): this index
-- gives that order without a sort step, so a million-comment export streams from the first row
-- (incremental exports filter on updated_at along the same scan).
CREATE INDEX comments_status_post_created ON comments (status, post_key, created_at);
