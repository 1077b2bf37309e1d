\set seed 0.7
\set sensors 50
\set readings 5000
\ir ../../database/readings.sql
