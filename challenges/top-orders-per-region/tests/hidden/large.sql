-- A million orders: without the right index, every run reads them all.
\set seed 0.42
\set regions 20
\set orders 1000000
\ir ../../database/orders.sql
