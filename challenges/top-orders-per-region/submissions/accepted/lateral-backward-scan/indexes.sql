CREATE INDEX orders_by_region ON orders (region_id, total_cents, id DESC);
