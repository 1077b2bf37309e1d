-- A sensor's readings in time order: the five latest are the last five entries under its key.
CREATE INDEX readings_sensor_time ON readings (sensor_id, taken_at);
