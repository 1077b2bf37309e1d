\set seed 0.21
\set customers 600
\set invoices 1500
\ir ../../database/invoices.sql
