-- One customer's invoices of one year are a short range of this index, and the amount is in it:
-- the report never reads the table itself.
CREATE INDEX invoices_customer_issued ON invoices (customer_id, issued_on) INCLUDE (amount_cents);
