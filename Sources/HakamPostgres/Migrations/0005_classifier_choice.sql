-- The model a site's classifier runs and its cut-off (`hakam train --model … --target-fp …`),
-- and the examples `hakam train` and `hakam import --train` seeded, kept as feature hashes so a
-- discriminative model can be retrained from every lesson (moderators' lessons are in
-- classifier_examples). No text and no private data, like the counts.
ALTER TABLE classifier_state ADD COLUMN model TEXT NOT NULL DEFAULT 'naive-bayes' CHECK (model IN ('naive-bayes', 'logistic', 'nb-logistic'));
ALTER TABLE classifier_state ADD COLUMN cutoff_log_odds DOUBLE PRECISION;
ALTER TABLE classifier_state ADD COLUMN cutoff_fp_rate DOUBLE PRECISION;

CREATE TABLE classifier_seeds (
    id        BIGSERIAL PRIMARY KEY,
    label     TEXT NOT NULL CHECK (label IN ('spam', 'ham')),
    features  BYTEA NOT NULL
);
