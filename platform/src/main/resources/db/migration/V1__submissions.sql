-- Written for both H2 (embedded default) and PostgreSQL.
create table submission (
    id                varchar(36)  primary key,
    challenge_id      varchar(64)  not null,
    challenge_version integer      not null,
    language          varchar(16)  not null,
    files             text         not null, -- JSON object: relative path -> source text
    status            varchar(16)  not null, -- QUEUED, RUNNING, JUDGED
    verdict           varchar(16),
    score             integer,
    max_score         integer,
    result            text,                  -- the runner's JudgeResult as JSON
    created_at        timestamp with time zone not null,
    judged_at         timestamp with time zone
);

create index submission_by_status on submission (status);
