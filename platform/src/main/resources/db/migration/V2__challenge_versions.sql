-- Published package versions, numbered per challenge. A version is immutable: its archive (the
-- package as a tar) never changes under its content hash. Submissions are pinned to a version, and
-- a version that a submission uses cannot be deleted.
create table challenge (
    id            varchar(64) primary key,
    last_version  integer     not null -- never reused, even when the newest version is deleted
);

-- Apart from the versions, so that listing versions never reads archives, and the same content
-- published twice is kept once.
create table package_archive (
    content_hash  char(64) primary key, -- SHA-256 of the archive
    archive       bytea    not null
);

create table challenge_version (
    challenge_id  varchar(64) not null references challenge (id),
    version       integer     not null,
    content_hash  char(64) references package_archive (content_hash), -- null only for UNAVAILABLE versions
    origin        varchar(16) not null, -- BUNDLED (the catalog folder), UPLOAD (the API), LEGACY
    status        varchar(16) not null, -- VERIFYING, PUBLISHED, REJECTED, UNAVAILABLE
    report        text,                 -- the verification report as JSON, once verified
    published_at  timestamp with time zone not null,
    primary key (challenge_id, version)
);
create index challenge_version_by_status on challenge_version (status);
create index challenge_version_by_hash on challenge_version (content_hash);

-- Submissions stored before versions were recorded keep their version number; its content was not
-- kept, so such a version is UNAVAILABLE and an unfinished submission of it ends JUDGE_ERROR.
insert into challenge (id, last_version)
    select challenge_id, max(challenge_version) from submission group by challenge_id;
insert into challenge_version (challenge_id, version, origin, status, published_at)
    select challenge_id, challenge_version, 'LEGACY', 'UNAVAILABLE', min(created_at)
    from submission group by challenge_id, challenge_version;

alter table submission add constraint submission_pins_version
    foreign key (challenge_id, challenge_version) references challenge_version (challenge_id, version);
create index submission_by_version on submission (challenge_id, challenge_version);
