-- The outbox: every event worth telling someone about (moderators, a publishing site) is written
-- by a trigger in the transaction that records it, so the server, the CLI and any future writer
-- produce it without knowing, and no event is lost or told about a change that rolled back.
-- The delivery worker (in `hakam serve`) fans each event out into one `deliveries` row per
-- configured destination and sends those with retries.

CREATE TABLE outbox (
    -- Not AUTOINCREMENT: that writes sqlite_sequence with every event, i.e. with every submission.
    id                   INTEGER PRIMARY KEY,
    -- Stable across retries and restarts: receivers drop duplicates by it (webhook-id).
    -- 128 random bits; deliberately not indexed: nothing looks events up by it, and an index on
    -- random text would cost every submission a write on a random page.
    event_id             TEXT NOT NULL,
    -- comment.held | comment.spam | comment.approved | comment.decided | author.banned. No CHECK:
    -- a later migration (a publisher's comment.erased, say) adds types with a trigger alone.
    type                 TEXT NOT NULL,
    comment_id           INTEGER,
    ban_id               INTEGER,
    moderation_event_id  INTEGER,
    actor                TEXT,
    action               TEXT,
    from_status          TEXT,
    to_status            TEXT,
    created_at           TEXT NOT NULL,
    -- Set once the worker has made this event's delivery rows.
    fanned_out_at        TEXT
);
CREATE INDEX outbox_to_fan_out ON outbox (id) WHERE fanned_out_at IS NULL;

-- One row per (event, destination): each destination retries and fails on its own.
-- destination names a channel, never its secret: `webhook:HOST#HASH`, `email`, ...
CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    outbox_id        INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    destination      TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TEXT NOT NULL,
    -- A worker's claim; a claim that outlives its lease (the worker died) is taken again.
    claimed_until    TEXT,
    last_error       TEXT,
    sent_at          TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (outbox_id, destination)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);

-- The rules' verdict on a new comment: held and spam are worth a moderator's look; an approved
-- comment is what a publisher needs. Trashed-by-rule comments tell nobody.
CREATE TRIGGER outbox_on_submit AFTER INSERT ON moderation_events
WHEN NEW.action = 'submit' AND NEW.to_status IN ('pending', 'spam', 'approved')
BEGIN
    INSERT INTO outbox (event_id, type, comment_id, moderation_event_id, actor, action, from_status, to_status, created_at)
    VALUES ('evt_' || lower(hex(randomblob(16))),
            CASE NEW.to_status WHEN 'pending' THEN 'comment.held' WHEN 'spam' THEN 'comment.spam' ELSE 'comment.approved' END,
            NEW.comment_id, NEW.id, NEW.actor, NEW.action, NEW.from_status, NEW.to_status, NEW.created_at);
END;

-- A moderator's status change (a decision or an undo): approvals are `comment.approved`, the
-- rest `comment.decided`.
CREATE TRIGGER outbox_on_decision AFTER INSERT ON moderation_events
WHEN NEW.action IN ('approve', 'hold', 'spam', 'trash', 'undo') AND NEW.from_status IS NOT NEW.to_status
BEGIN
    INSERT INTO outbox (event_id, type, comment_id, moderation_event_id, actor, action, from_status, to_status, created_at)
    VALUES ('evt_' || lower(hex(randomblob(16))),
            CASE NEW.to_status WHEN 'approved' THEN 'comment.approved' ELSE 'comment.decided' END,
            NEW.comment_id, NEW.id, NEW.actor, NEW.action, NEW.from_status, NEW.to_status, NEW.created_at);
END;

CREATE TRIGGER outbox_on_ban AFTER INSERT ON bans
BEGIN
    INSERT INTO outbox (event_id, type, ban_id, actor, action, created_at)
    VALUES ('evt_' || lower(hex(randomblob(16))), 'author.banned', NEW.id, NEW.actor, 'ban', NEW.created_at);
END;

-- Signed action links in notifications are single-use: a link's nonce is written here by the
-- transaction that acts on it, so a second use (or a race of two) finds it and changes nothing.
CREATE TABLE action_link_uses (
    nonce       TEXT PRIMARY KEY NOT NULL,
    comment_id  INTEGER NOT NULL,
    action      TEXT NOT NULL,
    moderator   TEXT NOT NULL,
    used_at     TEXT NOT NULL
) WITHOUT ROWID;
