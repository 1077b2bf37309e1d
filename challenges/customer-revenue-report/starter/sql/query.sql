-- The report as it runs today: right, but it takes over a minute on the production data.
-- Make it fast. Index statements go in indexes.sql.
SELECT c.id AS customer_id, c.name,
       (SELECT count(*) FROM invoices AS i
         WHERE i.customer_id = c.id AND i.issued_on BETWEEN date '2025-01-01' AND date '2025-12-31') AS invoices,
       (SELECT coalesce(sum(i.amount_cents), 0) FROM invoices AS i
         WHERE i.customer_id = c.id AND i.issued_on BETWEEN date '2025-01-01' AND date '2025-12-31') AS total_cents,
       (SELECT round(avg(i.amount_cents), 2) FROM invoices AS i
         WHERE i.customer_id = c.id AND i.issued_on BETWEEN date '2025-01-01' AND date '2025-12-31') AS average_cents
FROM customers AS c
WHERE c.country = 'SE'
