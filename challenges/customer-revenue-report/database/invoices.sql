-- Customers in a dozen countries, one in a hundred in Sweden, and their invoices over three
-- years, generated from :seed.
CREATE TABLE customers (
  id integer NOT NULL,
  name text NOT NULL,
  country char(2) NOT NULL
);
CREATE TABLE invoices (
  id bigint NOT NULL,
  customer_id integer NOT NULL,
  issued_on date NOT NULL,
  amount_cents integer NOT NULL
);
SELECT setseed(:seed);
INSERT INTO customers
SELECT i, 'customer ' || i,
       CASE WHEN random() < 0.01 THEN 'SE'
            ELSE (ARRAY['DE', 'FR', 'NL', 'PL', 'ES', 'IT', 'DK', 'NO', 'FI', 'AT', 'BE'])[1 + (random() * 10)::integer] END
FROM generate_series(1, :customers) AS i;
INSERT INTO invoices
SELECT i, 1 + (random() * (:customers - 1))::integer, date '2024-01-01' + (random() * 1095)::integer,
       100 * (1 + (random() * 4999)::integer)
FROM generate_series(1, :invoices) AS i;
-- Keys after the rows: building an index once is faster than growing it row by row.
ALTER TABLE customers ADD PRIMARY KEY (id);
ALTER TABLE invoices ADD PRIMARY KEY (id), ADD FOREIGN KEY (customer_id) REFERENCES customers;
