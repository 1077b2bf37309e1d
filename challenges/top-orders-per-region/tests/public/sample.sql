\set seed 0.11
\set regions 4
\set orders 400
\ir ../../database/orders.sql
