SELECT r.name AS region, ranked.id AS order_id, ranked.total_cents, ranked.rank
FROM (
  SELECT id, region_id, total_cents, row_number() OVER (PARTITION BY region_id ORDER BY total_cents DESC, id) AS rank
  FROM orders
) AS ranked
JOIN regions AS r ON r.id = ranked.region_id
WHERE ranked.rank <= 3
ORDER BY r.name, ranked.rank
