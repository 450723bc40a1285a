-- How many comments the model had learnt when its cut-off was chosen for a false-positive rate:
-- the server chooses the cut-off again once the model has learnt a fifth more (or fewer).
-- NULL: chosen by hand or before this column existed; never re-chosen automatically.
ALTER TABLE classifier_state ADD COLUMN cutoff_documents bigint;
