-- The next page of page_request.account_id's feed, newest first (created_at, then id, both
-- descending): the page_size events that come after (after_created_at, after_id).
-- Columns: id, created_at, kind. Index statements go in indexes.sql.
SELECT e.id, e.created_at, e.kind
FROM events AS e
JOIN page_request AS p ON p.account_id = e.account_id
LIMIT 0
