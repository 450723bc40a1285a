-- Two fewer index entries written with most submissions (issue #7).

-- The export no longer reads (status, post_key, created_at): it walks the posts in key order and
-- reads each one's approved comments through comments_post_status_created (post_key, status,
-- created_at), which gives the same order (post, created time, id) without a sort step.
DROP INDEX comments_status_post_created;

-- Most comments are not replies: only replies need an entry for "the replies of comment N"
-- (and the foreign key's check when a comment is deleted), which a partial index still serves.
DROP INDEX comments_parent;
CREATE INDEX comments_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
