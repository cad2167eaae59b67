-- The incident desk (one script for SQLite and PostgreSQL: portable types only).
-- Instants are epoch milliseconds; nested values (an alert, a thread's state, a notice) are JSON.

CREATE TABLE incidents (
  id            VARCHAR(64) PRIMARY KEY,
  project       TEXT        NOT NULL,
  grade         VARCHAR(16) NOT NULL,
  state         VARCHAR(16) NOT NULL,
  opened_at     BIGINT      NOT NULL,
  grade_since   BIGINT      NOT NULL,
  thread        TEXT        NOT NULL,
  acked_by      TEXT,
  acked_at      BIGINT,
  resolved_by   TEXT,
  resolved_at   BIGINT,
  closed_by     TEXT,
  closed_at     BIGINT,
  assignee_kind VARCHAR(16),
  assignee      TEXT,
  assigned_by   TEXT,
  assigned_at   BIGINT,
  contacted_at  BIGINT,
  progress_at   BIGINT,
  overdue       TEXT        NOT NULL
);
CREATE INDEX incidents_by_state ON incidents (state, project);

CREATE TABLE incident_alerts (
  incident_id VARCHAR(64) NOT NULL,
  alert_id    VARCHAR(200) NOT NULL,
  ord         INTEGER     NOT NULL,
  revision    INTEGER     NOT NULL,
  rule_name   TEXT        NOT NULL,
  grade       VARCHAR(16) NOT NULL,
  joined_at   BIGINT      NOT NULL,
  hot_until   BIGINT,
  alert       TEXT        NOT NULL,
  PRIMARY KEY (incident_id, alert_id)
);
CREATE UNIQUE INDEX incident_alerts_by_alert ON incident_alerts (alert_id);

CREATE TABLE incident_events (
  incident_id VARCHAR(64) NOT NULL,
  seq         INTEGER     NOT NULL,
  at          BIGINT      NOT NULL,
  kind        VARCHAR(16) NOT NULL,
  text        TEXT        NOT NULL,
  PRIMARY KEY (incident_id, seq)
);

CREATE TABLE deliveries (
  id              VARCHAR(300) PRIMARY KEY,
  seq             BIGINT      NOT NULL UNIQUE,
  incident_id     VARCHAR(64) NOT NULL,
  channel         VARCHAR(100) NOT NULL,
  kind            VARCHAR(16) NOT NULL,
  message_id      VARCHAR(200) NOT NULL,
  status          VARCHAR(16) NOT NULL,
  attempts        INTEGER     NOT NULL,
  next_attempt_at BIGINT      NOT NULL,
  done_at         BIGINT,
  last_error      TEXT,
  notice          TEXT        NOT NULL
);
CREATE INDEX deliveries_by_status ON deliveries (status, seq);
CREATE INDEX deliveries_by_incident ON deliveries (incident_id, seq);

CREATE TABLE response_log (
  incident_id VARCHAR(64) NOT NULL,
  seq         INTEGER     NOT NULL,
  at          BIGINT      NOT NULL,
  user_name   TEXT        NOT NULL,
  action      VARCHAR(16) NOT NULL,
  text        TEXT        NOT NULL,
  PRIMARY KEY (incident_id, seq)
);

-- dashboard sessions: the cookie's SHA-256, never the cookie itself
CREATE TABLE dashboard_sessions (
  id_hash    VARCHAR(64) PRIMARY KEY,
  user_name  TEXT        NOT NULL,
  role       VARCHAR(16) NOT NULL,
  csrf_token TEXT        NOT NULL,
  created_at BIGINT      NOT NULL,
  last_seen  BIGINT      NOT NULL
);

-- the period each report schedule last sent
CREATE TABLE report_deliveries (
  schedule     VARCHAR(200) PRIMARY KEY,
  period_first VARCHAR(10)  NOT NULL,
  sent_at      BIGINT       NOT NULL
);
