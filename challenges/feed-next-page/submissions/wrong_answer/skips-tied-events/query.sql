-- created_at alone skips the events stamped the same minute as the cursor, with a lower id.
SELECT e.id, e.created_at, e.kind
FROM events AS e, page_request AS p
WHERE e.account_id = p.account_id
  AND e.created_at < p.after_created_at
ORDER BY e.created_at DESC, e.id DESC
LIMIT (SELECT page_size FROM page_request)
