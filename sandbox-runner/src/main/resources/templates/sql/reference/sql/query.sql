SELECT r.taken_at, r.celsius
FROM readings AS r
WHERE r.sensor_id = (SELECT sensor_id FROM request)
ORDER BY r.taken_at DESC
LIMIT 5
