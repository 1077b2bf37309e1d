-- A candidate's work in progress, saved as they type, one per challenge of an attempt: a reload,
-- or a new browser with a new link, loses nothing.
create table draft (
    attempt_id    varchar(36) not null references attempt (id),
    challenge_id  varchar(64) not null,
    language      varchar(16) not null,
    files         text        not null, -- JSON object: relative path -> source text
    saved_at      timestamp with time zone not null,
    primary key (attempt_id, challenge_id)
);

-- A run is judged on the public tests only and never counts for a score.
alter table submission add column run boolean default false not null;
