-- Regions and their orders, generated from :seed. Totals come in steps of 50 cents, so that the
-- largest orders of a region often tie.
CREATE TABLE regions (
  id integer PRIMARY KEY,
  name text NOT NULL UNIQUE
);
CREATE TABLE orders (
  id bigint NOT NULL,
  region_id integer NOT NULL,
  customer_id integer NOT NULL,
  total_cents integer NOT NULL,
  placed_at timestamptz NOT NULL
);
SELECT setseed(:seed);
INSERT INTO regions
SELECT i, (ARRAY['north', 'south', 'east', 'west', 'central', 'coast', 'lakes', 'hills', 'plains', 'islands'])[1 + (i - 1) % 10]
          || CASE WHEN i > 10 THEN '-' || ((i - 1) / 10) ELSE '' END
FROM generate_series(1, :regions) AS i;
INSERT INTO orders
SELECT i, 1 + (random() * (:regions - 1))::integer, 1 + (random() * 99999)::integer,
       50 * (1 + (random() * 1999)::integer),
       timestamptz '2025-01-01 00:00:00+00' + random() * interval '365 days'
FROM generate_series(1, :orders) AS i;
-- Keys after the rows: building an index once is faster than growing it row by row.
ALTER TABLE orders ADD PRIMARY KEY (id), ADD FOREIGN KEY (region_id) REFERENCES regions;
