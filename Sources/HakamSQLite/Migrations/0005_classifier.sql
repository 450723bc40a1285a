-- The spam classifier (issue #9): the counts moderators taught it, kept in step with their
-- decisions in the same transaction. No text and no private data: features are stored only as
-- 64-bit hashes (HakamCore FeatureExtractor), and the author's name only as its shape.

-- How many spam and ham examples contained each feature.
CREATE TABLE classifier_features (
    feature  INTEGER PRIMARY KEY,                      -- the feature's 64-bit hash (as a signed integer)
    spam     INTEGER NOT NULL DEFAULT 0 CHECK (spam >= 0),
    ham      INTEGER NOT NULL DEFAULT 0 CHECK (ham >= 0)
);

-- The class totals (one row), and a generation bumped by every change so a server can see
-- cheaply that its in-memory model is stale.
CREATE TABLE classifier_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    spam_documents  INTEGER NOT NULL DEFAULT 0 CHECK (spam_documents >= 0),
    ham_documents   INTEGER NOT NULL DEFAULT 0 CHECK (ham_documents >= 0),
    spam_features   INTEGER NOT NULL DEFAULT 0 CHECK (spam_features >= 0),
    ham_features    INTEGER NOT NULL DEFAULT 0 CHECK (ham_features >= 0),
    generation      INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT
);
INSERT INTO classifier_state (id) VALUES (1);

-- What each moderated comment contributed: its feature hashes as extracted when it was first
-- labelled, and its current label (NULL: it teaches nothing now, e.g. after an undo). Reusing
-- the stored features makes undo and a change of mind exact even after `hakam forget` changed
-- the name. comment_id is not a foreign key: purging old spam keeps what it taught.
CREATE TABLE classifier_examples (
    comment_id  INTEGER PRIMARY KEY,
    label       TEXT CHECK (label IN ('spam', 'ham')),
    features    BLOB NOT NULL                          -- little-endian UInt64 hashes, sorted
);
