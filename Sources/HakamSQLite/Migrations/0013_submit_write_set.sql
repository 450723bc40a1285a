-- Fewer pages written per submission on a big database (issue #17). An index keyed by a random
-- hash takes each new comment to a random leaf page of its own, and every checkpoint then writes
-- thousands of such pages all over the file. Three of them served look-ups that need less:

-- The duplicate check (same author, same article, same matching-form body, at any time) searches
-- the author's comments; erasure, key rotation and the exact-copy check use the email prefix.
-- It replaces (email_hash, created_at): the newest comment by an email is the author's
-- `last_seen_at`, kept by the authors triggers.
CREATE INDEX comments_email_digest ON comments (email_hash, folded_digest, post_key);
DROP INDEX comments_email_created;

-- The flood rule only needs the newest comment by the address within its interval, and copies on
-- other articles are counted over the last 24 hours: both search by day first, so a new comment
-- lands next to the day's others instead of on a random page of the whole history.
CREATE INDEX comments_day_ip ON comments (substr(created_at, 1, 10), ip_hash, created_at);
DROP INDEX comments_ip_created;
CREATE INDEX comments_day_folded_digest ON comments (substr(created_at, 1, 10), folded_digest, created_at);
DROP INDEX comments_folded_digest;
