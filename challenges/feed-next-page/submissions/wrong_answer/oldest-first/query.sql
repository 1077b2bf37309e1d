-- The right page, turned around: oldest first.
SELECT page.id, page.created_at, page.kind
FROM (SELECT e.id, e.created_at, e.kind
      FROM events AS e, page_request AS p
      WHERE e.account_id = p.account_id
        AND (e.created_at, e.id) < (p.after_created_at, p.after_id)
      ORDER BY e.created_at DESC, e.id DESC
      LIMIT (SELECT page_size FROM page_request)) AS page
ORDER BY page.created_at, page.id
