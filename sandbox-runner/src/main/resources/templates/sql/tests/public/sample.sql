\set seed 0.1
\set sensors 3
\set readings 30
\ir ../../database/readings.sql
