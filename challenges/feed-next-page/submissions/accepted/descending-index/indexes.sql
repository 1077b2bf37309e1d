CREATE INDEX events_newest_first ON events (account_id, created_at DESC, id DESC);
