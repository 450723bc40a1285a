-- Publishing to a site (WordPress): which remote comment is the copy of which Hakam comment, and
-- an outbox event when a comment's personal data or the comment itself is erased, so the copy
-- follows (`comment.erased`).

-- One row per (site, comment). `site` is the publisher's destination name (`wordpress:HOST`).
-- No foreign key to comments: a purged comment's copy must still be found, to be deleted.
CREATE TABLE published_copies (
    site          TEXT NOT NULL,
    comment_id    INTEGER NOT NULL,
    remote_id     INTEGER NOT NULL,
    published_at  TEXT NOT NULL,
    PRIMARY KEY (site, comment_id)
) WITHOUT ROWID;

-- A publisher's claim on one comment while it makes the comment's copy, so that two nodes (or a
-- backfill beside the server) never create the same copy at once. A claim whose lease ran out
-- (its publisher died mid-create) is taken again; the lookup by placeholder email then finds
-- whatever the dead publisher made.
CREATE TABLE publishing_claims (
    site           TEXT NOT NULL,
    comment_id     INTEGER NOT NULL,
    holder         TEXT NOT NULL,
    claimed_until  TEXT NOT NULL,
    PRIMARY KEY (site, comment_id)
) WITHOUT ROWID;

-- `hakam forget` (the name and URL go) and `hakam purge` (the comment goes).
CREATE TRIGGER outbox_on_erasure AFTER INSERT ON moderation_events
WHEN NEW.action IN ('forget', 'purge')
BEGIN
    INSERT INTO outbox (event_id, type, comment_id, moderation_event_id, actor, action, from_status, to_status, created_at)
    VALUES ('evt_' || lower(hex(randomblob(16))), 'comment.erased',
            NEW.comment_id, NEW.id, NEW.actor, NEW.action, NEW.from_status, NEW.to_status, NEW.created_at);
END;
