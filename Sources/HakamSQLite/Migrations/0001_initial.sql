-- Hakam's first schema. Never edit a released migration: add 0002_... instead.

-- Articles, created on their first comment.
CREATE TABLE posts (
    key         TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    created_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE comments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    post_key        TEXT NOT NULL REFERENCES posts(key),
    parent_id       INTEGER REFERENCES comments(id),
    name            TEXT NOT NULL CHECK (length(name) > 0),
    url             TEXT,
    body            TEXT NOT NULL CHECK (length(body) > 0),
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    score           REAL NOT NULL DEFAULT 0,
    reasons         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons)),
    policy_version  TEXT NOT NULL,
    -- Private data, never in plaintext: HMAC of the normalized email, AES-GCM sealed copy, HMAC of the IP.
    -- NULL after `hakam forget`.
    email_hash      TEXT,
    email_sealed    BLOB,
    ip_hash         TEXT,
    user_agent      TEXT,
    -- SHA-256 of the trimmed body, for duplicate detection.
    body_digest     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX comments_status_created ON comments (status, created_at);
CREATE INDEX comments_post_status_created ON comments (post_key, status, created_at);
CREATE INDEX comments_email_created ON comments (email_hash, created_at);
CREATE INDEX comments_ip_created ON comments (ip_hash, created_at);
CREATE INDEX comments_digest ON comments (body_digest, post_key);
CREATE INDEX comments_parent ON comments (parent_id);

-- The audit trail: one row per status change, written in the same transaction as the change.
-- comment_id is deliberately not a foreign key: retention may delete a comment, its history stays.
CREATE TABLE moderation_events (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id   INTEGER NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    from_status  TEXT CHECK (from_status IN ('pending', 'approved', 'spam', 'trash')),
    to_status    TEXT NOT NULL CHECK (to_status IN ('pending', 'approved', 'spam', 'trash')),
    note         TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX moderation_events_comment ON moderation_events (comment_id, id);

CREATE TRIGGER moderation_events_no_update BEFORE UPDATE ON moderation_events
BEGIN SELECT RAISE(ABORT, 'moderation_events is append-only'); END;
CREATE TRIGGER moderation_events_no_delete BEFORE DELETE ON moderation_events
BEGIN SELECT RAISE(ABORT, 'moderation_events is append-only'); END;

-- Reputation by email hash, kept in step with comments by triggers so no writer can forget it.
CREATE TABLE authors (
    email_hash      TEXT PRIMARY KEY NOT NULL,
    approved_count  INTEGER NOT NULL DEFAULT 0 CHECK (approved_count >= 0),
    spam_count      INTEGER NOT NULL DEFAULT 0 CHECK (spam_count >= 0),
    comment_count   INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    first_seen_at   TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER authors_on_comment_insert AFTER INSERT ON comments WHEN NEW.email_hash IS NOT NULL
BEGIN
    INSERT INTO authors (email_hash, approved_count, spam_count, comment_count, first_seen_at, last_seen_at)
    VALUES (NEW.email_hash, NEW.status = 'approved', NEW.status = 'spam', 1, NEW.created_at, NEW.created_at)
    ON CONFLICT (email_hash) DO UPDATE SET
        approved_count = approved_count + (NEW.status = 'approved'),
        spam_count = spam_count + (NEW.status = 'spam'),
        comment_count = comment_count + 1,
        last_seen_at = max(last_seen_at, NEW.created_at);
END;

CREATE TRIGGER authors_on_status_change AFTER UPDATE OF status ON comments
WHEN NEW.email_hash IS NOT NULL AND OLD.status IS NOT NEW.status
BEGIN
    UPDATE authors SET
        approved_count = approved_count - (OLD.status = 'approved') + (NEW.status = 'approved'),
        spam_count = spam_count - (OLD.status = 'spam') + (NEW.status = 'spam')
    WHERE email_hash = NEW.email_hash;
END;

CREATE TRIGGER authors_on_comment_delete AFTER DELETE ON comments WHEN OLD.email_hash IS NOT NULL
BEGIN
    UPDATE authors SET
        approved_count = approved_count - (OLD.status = 'approved'),
        spam_count = spam_count - (OLD.status = 'spam'),
        comment_count = comment_count - 1
    WHERE email_hash = OLD.email_hash;
END;
