-- Each region's orders, largest first and ties by id: the three the query wants are the first
-- three entries under the region's key.
CREATE INDEX orders_region_total ON orders (region_id, total_cents DESC, id);
