-- Events of :accounts accounts over :minutes minutes, generated from :seed, stamped to the minute
-- so that some share a timestamp, and the page request: the cursor is an event of the busiest account that shares its
-- timestamp with an older id, somewhere in the middle of the feed.
CREATE TABLE events (
  id bigint NOT NULL,
  account_id integer NOT NULL,
  created_at timestamptz NOT NULL,
  kind text NOT NULL
);
CREATE TABLE page_request (
  account_id integer NOT NULL,
  after_created_at timestamptz NOT NULL,
  after_id bigint NOT NULL,
  page_size integer NOT NULL
);
SELECT setseed(:seed);
INSERT INTO events
SELECT i, 1 + (random() * (:accounts - 1))::integer,
       timestamptz '2025-06-01 00:00:00+00' + (random() * :minutes)::integer * interval '1 minute',
       (ARRAY['login', 'logout', 'payment', 'refund', 'upload', 'share'])[1 + (random() * 5)::integer]
FROM generate_series(1, :events) AS i;
ALTER TABLE events ADD PRIMARY KEY (id);
INSERT INTO page_request
SELECT account_id, created_at, id, :page_size
FROM (
  SELECT e.account_id, e.created_at, e.id,
         row_number() OVER (ORDER BY e.created_at DESC, e.id DESC) AS position
  FROM events AS e
  WHERE e.account_id = (SELECT account_id FROM events GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1)
    AND EXISTS (SELECT FROM events AS tie
                WHERE tie.account_id = e.account_id AND tie.created_at = e.created_at AND tie.id < e.id)
) AS cursor_candidates
ORDER BY abs(position - :position), position
LIMIT 1;
