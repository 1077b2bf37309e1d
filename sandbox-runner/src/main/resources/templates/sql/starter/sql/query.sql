-- The five latest readings of the sensor in request, newest first.
-- Columns: taken_at, celsius. Index statements go in indexes.sql.
SELECT r.taken_at, r.celsius
FROM readings AS r
LIMIT 0
