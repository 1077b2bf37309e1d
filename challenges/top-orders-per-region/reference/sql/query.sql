SELECT r.name AS region, o.id AS order_id, o.total_cents, o.rank
FROM regions AS r
CROSS JOIN LATERAL (
  SELECT id, total_cents, row_number() OVER (ORDER BY total_cents DESC, id) AS rank
  FROM orders
  WHERE region_id = r.id
  ORDER BY total_cents DESC, id
  LIMIT 3
) AS o
ORDER BY r.name, o.rank
