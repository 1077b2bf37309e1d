\set seed 0.63
\set customers 3000
\set invoices 30000
\ir ../../database/invoices.sql
