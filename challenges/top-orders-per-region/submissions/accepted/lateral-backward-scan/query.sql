-- The index is ascending; PostgreSQL reads it backwards for each region.
SELECT r.name AS region, top.id AS order_id, top.total_cents,
       row_number() OVER (PARTITION BY r.id ORDER BY top.total_cents DESC, top.id) AS rank
FROM regions AS r,
     LATERAL (SELECT o.id, o.total_cents
              FROM orders AS o
              WHERE o.region_id = r.id
              ORDER BY o.total_cents DESC, o.id
              FETCH FIRST 3 ROWS ONLY) AS top
ORDER BY region, rank
