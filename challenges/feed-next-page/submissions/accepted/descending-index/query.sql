-- The cursor as a row comparison, over an index in feed order.
SELECT e.id, e.created_at, e.kind
FROM events AS e
JOIN page_request AS p ON p.account_id = e.account_id
WHERE (e.created_at, e.id) < (p.after_created_at, p.after_id)
ORDER BY e.created_at DESC, e.id DESC
LIMIT (SELECT page_size FROM page_request)
