-- The model a site's classifier runs and its cut-off (`hakam train --model … --target-fp …`),
-- and the examples `hakam train` and `hakam import --train` seeded, kept as feature hashes so a
-- discriminative model can be retrained from every lesson (moderators' lessons are in
-- classifier_examples). No text and no private data, like the counts.
ALTER TABLE classifier_state ADD COLUMN model TEXT NOT NULL DEFAULT 'naive-bayes' CHECK (model IN ('naive-bayes', 'logistic', 'nb-logistic'));
ALTER TABLE classifier_state ADD COLUMN cutoff_log_odds REAL;      -- NULL: the policy's spam_probability
ALTER TABLE classifier_state ADD COLUMN cutoff_fp_rate REAL;       -- the target it was chosen for

CREATE TABLE classifier_seeds (
    id        INTEGER PRIMARY KEY,
    label     TEXT NOT NULL CHECK (label IN ('spam', 'ham')),
    features  BLOB NOT NULL                                         -- little-endian UInt64 hashes, sorted
);
