-- Study time is kept per quarter hour in UTC and turned into days only when read, in the zone the reader names
-- (else the learner's usual one): a day computed when written depends on which zone that one request named, so
-- activity arriving with and without a zone near midnight counted one evening as two days.
CREATE TABLE study_time (
    user_id uuid        NOT NULL,
    slot    timestamptz NOT NULL,
    seconds integer     NOT NULL,
    PRIMARY KEY (user_id, slot)
);

-- Days written before: noon UTC falls on the same date in every zone from UTC-12 to UTC+11.
INSERT INTO study_time (user_id, slot, seconds)
SELECT user_id, (day + time '12:00') AT TIME ZONE 'UTC', seconds FROM study_days;

DROP TABLE study_days;

-- The time zone a learner's client last named, for reads that name none.
CREATE TABLE learner_zones (
    user_id uuid PRIMARY KEY,
    zone    text NOT NULL
);
