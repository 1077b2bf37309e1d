-- For every region: its three largest orders, ties to the lower order id.
-- Columns: region, order_id, total_cents, rank (a bigint, 1 to 3).
-- Order: by region, then rank. Index statements go in indexes.sql.
SELECT r.name AS region, o.id AS order_id, o.total_cents, 1::bigint AS rank
FROM regions AS r
JOIN orders AS o ON o.region_id = r.id
LIMIT 0
