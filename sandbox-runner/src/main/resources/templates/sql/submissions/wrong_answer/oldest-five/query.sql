-- A realistic mistake: ascending order gives the sensor's five oldest readings.
SELECT r.taken_at, r.celsius
FROM readings AS r
WHERE r.sensor_id = (SELECT sensor_id FROM request)
ORDER BY r.taken_at
LIMIT 5
