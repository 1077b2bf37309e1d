-- Staff belong to one organisation and see only its assessments. Candidates have no account: an
-- attempt is opened by the invitation link's token, of which only a hash is kept.
create table organisation (
    id          varchar(36)  primary key,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table staff_account (
    id               varchar(36)  primary key,
    organisation_id  varchar(36)  not null references organisation (id),
    email            varchar(254) not null unique, -- lower-cased
    role             varchar(16)  not null,        -- ADMIN, MANAGER, AUTHOR
    password_hash    varchar(200) not null,        -- pbkdf2-sha256$iterations$salt$hash, Base64
    created_at       timestamp with time zone not null
);

create table assessment (
    id                  varchar(36)  primary key,
    organisation_id     varchar(36)  not null references organisation (id),
    name                varchar(200) not null,
    time_limit_minutes  integer      not null,
    languages           varchar(200) not null, -- comma-separated language ids
    scoring             varchar(8)   not null, -- BEST or LAST judged submission per challenge
    created_by          varchar(36)  not null references staff_account (id),
    created_at          timestamp with time zone not null
);
create index assessment_by_organisation on assessment (organisation_id);

-- Each challenge pinned to the version that was newest when the assessment was made.
create table assessment_challenge (
    assessment_id      varchar(36) not null references assessment (id),
    position           integer     not null,
    challenge_id       varchar(64) not null,
    challenge_version  integer     not null,
    primary key (assessment_id, position),
    foreign key (challenge_id, challenge_version) references challenge_version (challenge_id, version)
);
create index assessment_challenge_by_version on assessment_challenge (challenge_id, challenge_version);

-- One invited candidate. The link's token is single-use: opening it starts the attempt and sets
-- token_used_at. A new link replaces the hash and raises link_generation, which ends the sessions
-- opened with an older link.
create table attempt (
    id               varchar(36)  primary key,
    assessment_id    varchar(36)  not null references assessment (id),
    email            varchar(254) not null,
    token_hash       char(64)     not null unique, -- SHA-256 of the link's token, hex
    link_generation  integer      not null,
    invited_at       timestamp with time zone not null,
    link_expires_at  timestamp with time zone not null,
    token_used_at    timestamp with time zone,
    started_at       timestamp with time zone,
    deadline         timestamp with time zone,
    finished_at      timestamp with time zone,
    unique (assessment_id, email)
);

-- Null for a submission made outside any assessment.
alter table submission add column attempt_id varchar(36) references attempt (id);
create index submission_by_attempt on submission (attempt_id, challenge_id, created_at);
-- The job queue a submission is judged from; null for the open queue.
alter table submission add column queue varchar(64);
