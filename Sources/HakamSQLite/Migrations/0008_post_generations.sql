-- The change signal of the public comment lists: a generation per post, and one for the whole
-- database, bumped by triggers in the same transaction as any change to a post's approved
-- comments. A server keeps rendered lists in memory and re-reads a post only when its
-- generation moved; triggers make every writer (the server, a CLI process, an import) bump it
-- without knowing about the cache.

-- A post without a row has generation 0 (no approved comment ever changed).
CREATE TABLE post_generations (
    post_key    TEXT PRIMARY KEY NOT NULL,
    generation  INTEGER NOT NULL
) WITHOUT ROWID;

-- Bumped with every post generation: one read tells a server that no post changed at all.
CREATE TABLE public_generation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  INTEGER NOT NULL
);
INSERT INTO public_generation (id, generation) VALUES (1, 0);

-- A new approved comment (a submission published at once, an import).
CREATE TRIGGER post_generations_on_insert AFTER INSERT ON comments WHEN NEW.status = 'approved'
BEGIN
    INSERT INTO post_generations (post_key, generation) VALUES (NEW.post_key, 1)
    ON CONFLICT (post_key) DO UPDATE SET generation = generation + 1;
    UPDATE public_generation SET generation = generation + 1 WHERE id = 1;
END;

-- A change to a public field of a comment that is or was approved: a decision or its undo
-- (status), `hakam forget` (name, url), an edit. Both posts when a comment moves.
CREATE TRIGGER post_generations_on_update
AFTER UPDATE OF status, post_key, parent_id, name, url, body, created_at ON comments
WHEN OLD.status = 'approved' OR NEW.status = 'approved'
BEGIN
    INSERT INTO post_generations (post_key, generation) VALUES (OLD.post_key, 1)
    ON CONFLICT (post_key) DO UPDATE SET generation = generation + 1;
    INSERT INTO post_generations (post_key, generation) SELECT NEW.post_key, 1 WHERE NEW.post_key IS NOT OLD.post_key
    ON CONFLICT (post_key) DO UPDATE SET generation = generation + 1;
    UPDATE public_generation SET generation = generation + 1 WHERE id = 1;
END;

-- An approved comment deleted (purge, retention, erasure).
CREATE TRIGGER post_generations_on_delete AFTER DELETE ON comments WHEN OLD.status = 'approved'
BEGIN
    INSERT INTO post_generations (post_key, generation) VALUES (OLD.post_key, 1)
    ON CONFLICT (post_key) DO UPDATE SET generation = generation + 1;
    UPDATE public_generation SET generation = generation + 1 WHERE id = 1;
END;
