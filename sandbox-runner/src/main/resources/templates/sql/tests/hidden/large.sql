-- Large enough that reading every row shows: what the query is timed on.
\set seed 0.4
\set sensors 1000
\set readings 300000
\ir ../../database/readings.sql
