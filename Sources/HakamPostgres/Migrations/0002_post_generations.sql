-- The change signal of the public comment lists (as SQLite's 0008_post_generations): a
-- generation per post and one for the whole database, bumped in the same transaction as any
-- change to a post's approved comments, by every writer (every node, every CLI).
-- The bump is a deferred constraint trigger: it runs at commit, so the one global row is locked
-- only for the end of a transaction, not for the whole of it, when many nodes write at once.

CREATE TABLE post_generations (
    post_key    TEXT PRIMARY KEY,
    generation  BIGINT NOT NULL
);

CREATE TABLE public_generation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  BIGINT NOT NULL
);
INSERT INTO public_generation (id, generation) VALUES (1, 0);

CREATE FUNCTION post_generation_bump(key TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO post_generations (post_key, generation) VALUES (key, 1)
    ON CONFLICT (post_key) DO UPDATE SET generation = post_generations.generation + 1;
    UPDATE public_generation SET generation = generation + 1 WHERE id = 1;
END $$;

CREATE FUNCTION post_generations_follow_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM post_generation_bump(NEW.post_key);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM post_generation_bump(OLD.post_key);
    ELSE
        PERFORM post_generation_bump(OLD.post_key);
        IF NEW.post_key IS DISTINCT FROM OLD.post_key THEN
            PERFORM post_generation_bump(NEW.post_key);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER post_generations_on_insert AFTER INSERT ON comments
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.status = 'approved') EXECUTE FUNCTION post_generations_follow_comments();
CREATE CONSTRAINT TRIGGER post_generations_on_update
    AFTER UPDATE OF status, post_key, parent_id, name, url, body, created_at ON comments
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status = 'approved' OR NEW.status = 'approved')
    EXECUTE FUNCTION post_generations_follow_comments();
CREATE CONSTRAINT TRIGGER post_generations_on_delete AFTER DELETE ON comments
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.status = 'approved') EXECUTE FUNCTION post_generations_follow_comments();
