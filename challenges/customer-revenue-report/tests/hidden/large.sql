-- A million invoices: without the right index, the report reads them all.
\set seed 0.42
\set customers 20000
\set invoices 1000000
\ir ../../database/invoices.sql
