-- The tables, and rows generated from :seed (so every run makes the same data): :readings
-- readings of :sensors sensors, and the request being served. Each dataset sets the variables
-- and includes this file; replace it with your own tables.
CREATE TABLE readings (
  id bigint NOT NULL,
  sensor_id integer NOT NULL,
  taken_at timestamptz NOT NULL,
  celsius numeric(5, 2) NOT NULL
);
CREATE TABLE request (
  sensor_id integer NOT NULL
);
SELECT setseed(:seed);
INSERT INTO readings
SELECT i, 1 + (random() * (:sensors - 1))::integer,
       timestamptz '2025-01-01 00:00:00+00' + i * interval '1 second',
       round((random() * 40 - 5)::numeric, 2)
FROM generate_series(1, :readings) AS i;
-- Keys after the rows: building an index once is faster than growing it row by row.
ALTER TABLE readings ADD PRIMARY KEY (id);
INSERT INTO request SELECT sensor_id FROM readings ORDER BY id DESC LIMIT 1;
