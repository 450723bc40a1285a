-- Duplicate detection on the matching form of the body (diacritics, tatweel, letter variants,
-- invisible characters and case do not make a copy new), and the per-post burst count.
ALTER TABLE comments ADD COLUMN folded_digest TEXT;
CREATE INDEX comments_folded_digest ON comments (folded_digest, created_at);
CREATE INDEX comments_post_created ON comments (post_key, created_at);
