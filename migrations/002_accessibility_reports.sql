-- Problems with the site's accessibility, reported from the accessibility statement.
CREATE TABLE accessibility_reports (
  reported_at TEXT NOT NULL,
  page_url TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL,
  handled INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX accessibility_reports_time ON accessibility_reports (reported_at);
