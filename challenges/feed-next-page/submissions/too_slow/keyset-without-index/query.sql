-- The right query, but without an index every page reads all the events.
SELECT e.id, e.created_at, e.kind
FROM events AS e, page_request AS p
WHERE e.account_id = p.account_id
  AND (e.created_at, e.id) < (p.after_created_at, p.after_id)
ORDER BY e.created_at DESC, e.id DESC
LIMIT (SELECT page_size FROM page_request)
