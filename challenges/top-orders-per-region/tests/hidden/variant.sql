\set seed 0.77
\set regions 7
\set orders 20000
\ir ../../database/orders.sql
