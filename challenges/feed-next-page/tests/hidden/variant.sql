\set seed 0.91
\set accounts 40
\set minutes 5000
\set events 40000
\set page_size 30
\set position 500
\ir ../../database/events.sql
