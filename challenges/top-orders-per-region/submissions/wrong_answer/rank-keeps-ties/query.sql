-- rank() gives tied orders the same rank, so a region with tied top orders returns more than three.
SELECT r.name AS region, o.id AS order_id, o.total_cents, o.rank
FROM regions AS r
CROSS JOIN LATERAL (
  SELECT ranked.id, ranked.total_cents, ranked.rank
  FROM (SELECT id, total_cents, rank() OVER (ORDER BY total_cents DESC) AS rank
        FROM orders
        WHERE region_id = r.id) AS ranked
  WHERE ranked.rank <= 3
) AS o
ORDER BY r.name, o.rank, o.id
