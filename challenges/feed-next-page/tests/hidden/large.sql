-- A million events: without the right index, every page reads them all.
\set seed 0.42
\set accounts 2000
\set minutes 20000
\set events 1000000
\set page_size 25
\set position 300
\ir ../../database/events.sql
