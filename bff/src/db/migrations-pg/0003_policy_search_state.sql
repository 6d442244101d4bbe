-- The one row of policy_search_state (SQLite inserts it in migrations/0004_policy_search). SQLite's FTS5 tables
-- policy_search and policy_brief_search (migrations/0004 and 0005) have no counterpart here: PostgreSQL's policy
-- search comes in a later migration of its own.
INSERT INTO policy_search_state (id, version) VALUES (1, 0);
