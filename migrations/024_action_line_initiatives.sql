-- The initiatives of the inventory that carry out an action line, by id, joined by commas:
-- a consultation's answer to a signal, followed into what is actually done.
ALTER TABLE action_lines ADD COLUMN initiative_ids TEXT NOT NULL DEFAULT '';
