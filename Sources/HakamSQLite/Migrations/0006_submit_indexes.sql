-- Fewer indexes to maintain on every submission (issue #7). Each index on `comments` is written
-- by every INSERT; the ones keyed by hashes land on a random page each time, so each costs a WAL
-- page per comment and a page write at the next checkpoint.

-- An exact copy is also a folded copy, and every comment since 0003 has a folded digest, so the
-- duplicate check reads comments_folded_digest; the exact digest stays as a column.
DROP INDEX comments_digest;

-- The burst count per article reads comments_post_status_created (post_key, status, created_at)
-- with the four statuses, which covers (post_key, created_at).
DROP INDEX comments_post_created;
