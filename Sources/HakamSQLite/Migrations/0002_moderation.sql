-- Moderation: bans, and the index the moderator's queue and stats lean on.

-- Who may not comment. Emails and IP addresses are stored ONLY as the keyed HMAC hashes
-- PrivacyProtector makes (64 lower-case hex digits, enforced below), domains as lower-cased
-- A-label (punycode) text, names as trimmed lower-cased text.
-- Lifting a ban keeps its row (lifted_at, lifted_by) so the history of bans stays readable.
CREATE TABLE bans (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('email', 'ip', 'domain', 'name')),
    value       TEXT NOT NULL CHECK (length(value) > 0),
    expires_at  TEXT,            -- NULL: until lifted
    note        TEXT,
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    lifted_at   TEXT,
    lifted_by   TEXT,
    CHECK (kind NOT IN ('email', 'ip') OR (length(value) = 64 AND value NOT GLOB '*[^0-9a-f]*'))
);
-- At most one standing ban per value; also the lookup index of the submit path's ban check.
CREATE UNIQUE INDEX bans_standing ON bans (kind, value) WHERE lifted_at IS NULL;

-- `hakam stats`: decisions per moderator over the last days.
CREATE INDEX moderation_events_created ON moderation_events (created_at);
