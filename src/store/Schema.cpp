#include "store/Schema.h"

namespace cw::store {
namespace {

// Times are INTEGER seconds since 1970-01-01 (naive local time of the source);
// dates are the same at midnight. Money is REAL in the workbook's currency.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL              -- JSON
) WITHOUT ROWID;

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  file          TEXT NOT NULL,     -- path as given
  file_name     TEXT NOT NULL,     -- base name, for display
  table_name    TEXT NOT NULL,     -- transactions | customers | managers | survey | cost_to_serve | notes
  profile       TEXT,
  content_hash  TEXT NOT NULL,     -- of the file's bytes; re-imports are refused unless replaced
  file_size     INTEGER NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  records       INTEGER NOT NULL DEFAULT 0,  -- data records read (= loaded + rejected)
  loaded        INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0,
  details       TEXT NOT NULL DEFAULT '{}'   -- JSON: mapping, dialect, counts (returns, anonymous…), warnings
);

CREATE TABLE import_rejects (
  import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line        INTEGER NOT NULL,    -- physical line where the record starts
  column_no   INTEGER,             -- 1-based field number, NULL for record-level reasons
  column_name TEXT,
  reason      TEXT NOT NULL,       -- stable code, e.g. invalid_date
  message     TEXT NOT NULL,       -- what and what to do
  value       TEXT                 -- the offending text, truncated
);
CREATE INDEX import_rejects_import ON import_rejects(import_id, reason);

CREATE TABLE managers (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,  -- id in the source system
  name       TEXT,
  parent_id  INTEGER REFERENCES managers(id) ON DELETE SET NULL,
  level      TEXT,
  region     TEXT,
  origin     TEXT NOT NULL DEFAULT 'file',  -- file | customers (named by a customer, not yet imported)
  import_id  INTEGER REFERENCES imports(id) ON DELETE SET NULL
);

CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL UNIQUE,  -- id in the source system, as text (keeps leading zeros)
  name             TEXT,
  region           TEXT,
  channel          TEXT,
  manager_id       INTEGER REFERENCES managers(id) ON DELETE SET NULL,
  acquisition_date INTEGER,
  segment          TEXT,
  origin           TEXT NOT NULL DEFAULT 'file',  -- file | transactions | survey | notes
  import_id        INTEGER REFERENCES imports(id) ON DELETE SET NULL
);
CREATE INDEX customers_manager ON customers(manager_id);

CREATE TABLE transactions (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line        INTEGER NOT NULL,     -- source line, for tracing back
  customer_id INTEGER REFERENCES customers(id),  -- NULL: anonymous sale (no customer id in the source)
  code        TEXT,                 -- transaction / invoice id
  ts          INTEGER NOT NULL,
  kind        INTEGER NOT NULL DEFAULT 0,  -- 0 sale, 1 return / cancellation
  revenue     REAL NOT NULL,        -- signed: returns are negative
  cost        REAL,                 -- NULL: unknown (a margin rate applies)
  quantity    REAL,
  unit_price  REAL,
  product     TEXT,
  category    TEXT,
  channel     TEXT,
  region      TEXT
);
CREATE INDEX transactions_customer ON transactions(customer_id, ts);

CREATE TABLE service_attributes (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  scale_min REAL NOT NULL,
  scale_max REAL NOT NULL,
  na_value  REAL                      -- score that means "not applicable"
);

CREATE TABLE survey_responses (
  id              INTEGER PRIMARY KEY,
  import_id       INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line            INTEGER NOT NULL,
  customer_id     INTEGER REFERENCES customers(id),
  respondent_code TEXT,
  ts              INTEGER,            -- NULL when the survey has no dates
  overall         REAL,               -- raw answer
  satisfaction    REAL,               -- overall rescaled to 0..100
  recommend       REAL,               -- likelihood to recommend, 0..10
  repurchase      REAL                -- repurchase intention, rescaled to 0..100
);
CREATE INDEX survey_responses_customer ON survey_responses(customer_id);

CREATE TABLE survey_scores (
  response_id  INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES service_attributes(id),
  score        REAL,                  -- NULL: not applicable / not answered
  importance   REAL,                  -- stated importance, when asked
  PRIMARY KEY (response_id, attribute_id)
) WITHOUT ROWID;

CREATE TABLE cost_to_serve (
  id                   INTEGER PRIMARY KEY,
  import_id            INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  channel              TEXT,
  activity             TEXT,
  cost_per_order       REAL,
  cost_per_customer_year REAL
);

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  ts          INTEGER,
  author      TEXT,
  text        TEXT NOT NULL
);
CREATE INDEX notes_customer ON notes(customer_id);

-- External data: columns of a customers (or survey) file that map to no field.
CREATE TABLE custom_fields (
  id        INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL,          -- customer | survey_response
  name      TEXT NOT NULL,
  type      TEXT NOT NULL,          -- number | text
  import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  UNIQUE (entity, name)
);
CREATE TABLE custom_values (
  field_id  INTEGER NOT NULL REFERENCES custom_fields(id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL,
  num       REAL,                   -- set when the text parses as a number
  text      TEXT,                   -- as in the file (NULL when empty)
  PRIMARY KEY (field_id, entity_id)
) WITHOUT ROWID;

-- Planted truth of generated demo workbooks (empty for real data).
CREATE TABLE demo_truth (
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  churner     INTEGER NOT NULL,
  shrinking   INTEGER NOT NULL,
  segment     TEXT
);

CREATE VIEW transactions_readable AS
  SELECT t.id, c.code AS customer, datetime(t.ts, 'unixepoch') AS time,
         CASE t.kind WHEN 1 THEN 'return' ELSE 'sale' END AS kind,
         t.code, t.revenue, t.cost, t.quantity, t.unit_price, t.product, t.category,
         t.channel, t.region, t.import_id, t.line
  FROM transactions t LEFT JOIN customers c ON c.id = t.customer_id;
)SQL";

// Derived results of `analyze` (engine). Everything here can be recomputed from the data and the
// settings; the definitions used are kept with the run.
constexpr std::string_view kV2 = R"SQL(
CREATE TABLE analysis_runs (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  analysis_day  INTEGER NOT NULL,      -- days since 1970-01-01; the window ends on this day
  window_start  INTEGER NOT NULL,      -- first day of the analysis window
  settings      TEXT NOT NULL,         -- JSON: the definitions used
  summary       TEXT NOT NULL DEFAULT '{}'  -- JSON: counts, timings, warnings
);

-- One row per customer; NULL where the customer has no data for a metric ("insufficient data").
CREATE TABLE customer_metrics (
  customer_id        INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  first_day          INTEGER,          -- first and last purchase day (all history)
  last_day           INTEGER,
  purchase_days      INTEGER,          -- distinct purchase days, all history up to the analysis day
  orders             INTEGER,          -- distinct purchase days in the window
  revenue            REAL,             -- net revenue in the window (returns netted)
  cost               REAL,             -- product cost in the window (margin rate where unknown)
  cost_to_serve      REAL,
  margin             REAL,             -- profitability: revenue - cost - cost to serve
  prev_revenue       REAL,             -- anorexia: the window before the recent one
  recent_revenue     REAL,
  prev_orders        INTEGER,
  recent_orders      INTEGER,
  recency_days       REAL,
  tenure_days        REAL,
  rhythm_days        REAL,             -- mean days between purchase days (NULL with fewer than 2)
  r_score            INTEGER,          -- RFM quintiles 1..5 (5 best)
  f_score            INTEGER,
  m_score            INTEGER,
  p_alive            REAL,
  expected_purchases REAL,             -- over the potential horizon
  expected_spend     REAL,             -- per purchase (Gamma-Gamma)
  clv                REAL,
  potential          REAL,
  loyalty            REAL,             -- 0..100
  satisfaction       REAL,             -- 0..100, latest answer in the window
  recommend          REAL,             -- 0..10
  repurchase         REAL,             -- 0..100
  survey_day         INTEGER,
  active             INTEGER NOT NULL DEFAULT 0,
  exited             INTEGER NOT NULL DEFAULT 0,
  exit_day           INTEGER,          -- day the customer was judged gone
  profitable_exit    INTEGER NOT NULL DEFAULT 0,
  anorexic           INTEGER NOT NULL DEFAULT 0,
  profit_tier        INTEGER,          -- 1 = top tier, 2 middle, 3 losing money
  months_active      INTEGER           -- months of the window with a purchase
);

CREATE TABLE model_fits (
  name    TEXT PRIMARY KEY,            -- bgnbd | gamma_gamma
  run_id  INTEGER REFERENCES analysis_runs(id) ON DELETE SET NULL,
  report  TEXT NOT NULL                -- JSON: parameters, log-likelihood, convergence, warnings
) WITHOUT ROWID;

CREATE TABLE attribute_metrics (
  attribute_id       INTEGER PRIMARY KEY REFERENCES service_attributes(id) ON DELETE CASCADE,
  responses          INTEGER NOT NULL,
  satisfaction       REAL,             -- mean score rescaled to 0..100
  stated_importance  REAL,             -- mean stated importance, when asked
  derived_importance REAL,             -- Johnson's relative weight (sums to R^2)
  derived_share      REAL,             -- relative weight / R^2
  ols_beta           REAL              -- standardised OLS coefficient
);

CREATE TABLE segmentations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  method      TEXT NOT NULL,           -- rules | score | kmeans | file | selection
  definition  TEXT NOT NULL,           -- JSON: everything needed to re-run it
  quality     TEXT NOT NULL DEFAULT '{}',  -- JSON: e.g. silhouette, inertia
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE segments (
  id              INTEGER PRIMARY KEY,
  segmentation_id INTEGER NOT NULL REFERENCES segmentations(id) ON DELETE CASCADE,
  ordinal         INTEGER NOT NULL,
  label           TEXT NOT NULL,
  definition      TEXT NOT NULL DEFAULT '{}',  -- JSON: rule, score band or centroid
  UNIQUE (segmentation_id, ordinal)
);

CREATE TABLE customer_segments (
  segmentation_id INTEGER NOT NULL REFERENCES segmentations(id) ON DELETE CASCADE,
  customer_id     INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  segment_id      INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  PRIMARY KEY (segmentation_id, customer_id)
) WITHOUT ROWID;
-- Deleting a segment (cascade) must not scan every membership.
CREATE INDEX customer_segments_segment ON customer_segments(segment_id);
)SQL";

// What the analyst keeps from exploring: pinned insights (a selection of customers with a note,
// later used by the business-model canvas and the reports).
constexpr std::string_view kV3 = R"SQL(
CREATE TABLE insights (
  id           INTEGER PRIMARY KEY,
  created_at   TEXT NOT NULL,
  title        TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT '{}',  -- JSON: matrix, quadrant, thresholds, filters
  customer_ids TEXT NOT NULL DEFAULT '[]'   -- JSON array of customers.id
);
)SQL";

// Customer codes get a unique index of their own instead of the UNIQUE constraint's automatic
// one, which cannot be dropped: an import creating many customers drops it and builds it again
// sorted (random inserts into it took a fifth of a large import). The table is rebuilt as
// SQLite's ALTER TABLE procedure does (ids kept, so every reference stays valid); the migration
// runs with foreign keys off, so dropping the old table deletes nothing that refers to it.
constexpr std::string_view kV4 = R"SQL(
CREATE TABLE customers_v4 (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL,         -- id in the source system, as text (keeps leading zeros); unique (customers_code)
  name             TEXT,
  region           TEXT,
  channel          TEXT,
  manager_id       INTEGER REFERENCES managers(id) ON DELETE SET NULL,
  acquisition_date INTEGER,
  segment          TEXT,
  origin           TEXT NOT NULL DEFAULT 'file',  -- file | transactions | survey | notes
  import_id        INTEGER REFERENCES imports(id) ON DELETE SET NULL
);
INSERT INTO customers_v4(id, code, name, region, channel, manager_id, acquisition_date, segment, origin, import_id)
  SELECT id, code, name, region, channel, manager_id, acquisition_date, segment, origin, import_id FROM customers;
DROP VIEW transactions_readable;
DROP TABLE customers;
ALTER TABLE customers_v4 RENAME TO customers;
CREATE UNIQUE INDEX customers_code ON customers(code);
CREATE INDEX customers_manager ON customers(manager_id);
CREATE VIEW transactions_readable AS
  SELECT t.id, c.code AS customer, datetime(t.ts, 'unixepoch') AS time,
         CASE t.kind WHEN 1 THEN 'return' ELSE 'sale' END AS kind,
         t.code, t.revenue, t.cost, t.quantity, t.unit_price, t.product, t.category,
         t.channel, t.region, t.import_id, t.line
  FROM transactions t LEFT JOIN customers c ON c.id = t.customer_id;
)SQL";

// Key management indicators (phase 5): the values `analyze` computes per period, node of the
// managers' hierarchy and segment of the active segmentation, kept as their additive parts so
// that a ratio is recomputed, never averaged; targets; the commercial managers' account plans
// and the state of their alerts.
constexpr std::string_view kV5 = R"SQL(
CREATE TABLE kpi_values (
  period           TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
  start_day        INTEGER NOT NULL,     -- first and last day of the period (days since 1970-01-01);
  end_day          INTEGER NOT NULL,     -- the last period ends on the analysis date
  node_id          INTEGER NOT NULL,     -- managers.id; 0: the whole company
  segment_id       INTEGER NOT NULL,     -- segments.id of the active segmentation; 0: every customer
  customers        INTEGER NOT NULL,     -- customer base at the period's end
  active           INTEGER NOT NULL,
  new              INTEGER NOT NULL,
  exits            INTEGER NOT NULL,
  profitable_exits INTEGER NOT NULL,
  retained         INTEGER NOT NULL,     -- active in the previous period and in this one
  prev_active      INTEGER NOT NULL,     -- active in the previous period
  revenue          REAL NOT NULL,
  margin           REAL NOT NULL,
  cost_to_serve    REAL NOT NULL,
  top_margin       REAL,                 -- margin of the top fifth of the active customers
  satisfaction_sum REAL NOT NULL,
  satisfaction_n   INTEGER NOT NULL,
  nps_net          INTEGER NOT NULL,     -- promoters − detractors
  nps_n            INTEGER NOT NULL,
  loyalty_sum      REAL NOT NULL,
  loyalty_n        INTEGER NOT NULL,
  potential_margin REAL NOT NULL,        -- margin of the period of customers with a potential
  potential_open   REAL NOT NULL,        -- their potential not yet captured
  anorexic         INTEGER NOT NULL,
  PRIMARY KEY (node_id, segment_id, period, start_day)
) WITHOUT ROWID;

CREATE TABLE kpi_targets (
  indicator  TEXT NOT NULL,              -- key of the indicator (docs/indicators.md)
  node_id    INTEGER NOT NULL,           -- managers.id; 0: the whole company
  period     TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
  start_day  INTEGER NOT NULL,
  target     REAL NOT NULL,
  set_at     TEXT NOT NULL,
  set_by     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (indicator, node_id, period, start_day)
) WITHOUT ROWID;

CREATE TABLE account_plans (
  id          INTEGER PRIMARY KEY,
  manager_id  INTEGER REFERENCES managers(id) ON DELETE SET NULL,
  title       TEXT NOT NULL,
  notes       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE account_plan_customers (
  plan_id     INTEGER NOT NULL REFERENCES account_plans(id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (plan_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX account_plan_customers_customer ON account_plan_customers(customer_id);

CREATE TABLE plan_objectives (
  id         INTEGER PRIMARY KEY,
  plan_id    INTEGER NOT NULL REFERENCES account_plans(id) ON DELETE CASCADE,
  indicator  TEXT NOT NULL,
  target     REAL NOT NULL,
  due_day    INTEGER NOT NULL
);

CREATE TABLE plan_actions (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES account_plans(id) ON DELETE CASCADE,
  customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,  -- NULL: the whole plan
  what        TEXT NOT NULL,
  owner       TEXT NOT NULL DEFAULT '',
  due_day     INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled'))
);
CREATE INDEX plan_actions_plan ON plan_actions(plan_id);

-- Every status an action was given, with when and by whom.
CREATE TABLE plan_action_history (
  action_id  INTEGER NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  status     TEXT NOT NULL,
  by         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX plan_action_history_action ON plan_action_history(action_id);

-- An alert acknowledged or snoozed by a manager (alerts themselves are computed, not stored).
CREATE TABLE alert_states (
  kind        TEXT NOT NULL,             -- satisfaction_fell | anorexia | low_p_alive | no_contact | overdue_action
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  state       TEXT NOT NULL CHECK (state IN ('acknowledged', 'snoozed')),
  until_day   INTEGER,                   -- snoozed: shown again after this day
  at          TEXT NOT NULL,
  by          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (kind, customer_id)
) WITHOUT ROWID;
)SQL";

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1, "initial workbook: data, imports, surveys, custom fields", kV1},
        {2, "analysis results: customer metrics, model fits, attribute metrics, segmentations", kV2},
        {3, "pinned insights", kV3},
        {4, "customer codes unique by an index of their own (rebuilt sorted by large imports)", kV4},
        {5, "key management indicators, targets, account plans and alert states", kV5},
    };
    return all;
}

int currentSchemaVersion() { return migrations().back().version; }

}  // namespace cw::store
