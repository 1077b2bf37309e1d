-- One account's events in feed order: the page is the next entries after the cursor's, read
-- backwards, and the row comparison in the query is the index's own bound.
CREATE INDEX events_feed ON events (account_id, created_at, id);
