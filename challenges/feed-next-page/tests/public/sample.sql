\set seed 0.31
\set accounts 5
\set minutes 200
\set events 400
\set page_size 5
\set position 20
\ir ../../database/events.sql
