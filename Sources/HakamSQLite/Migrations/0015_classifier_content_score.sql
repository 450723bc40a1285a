-- The content score the policy's rules gave each lesson when it was stored (issue #20): the
-- classifier decides on log odds + classifier.policy_weight × that score, so the cut-off chosen
-- for a false-positive rate (hakam train --target-fp, and again by the server) is drawn on the
-- same sum for every held-out lesson. A number, not text: no private data. NULL: stored before
-- this column existed, counted as 0.
ALTER TABLE classifier_seeds ADD COLUMN content_score REAL;
ALTER TABLE classifier_examples ADD COLUMN content_score REAL;
