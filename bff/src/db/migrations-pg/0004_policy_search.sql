-- Policy search on PostgreSQL: the counterpart of SQLite's FTS5 tables policy_search and policy_brief_search
-- (migrations/0004 and 0005), with the same token streams (src/modules/policies/search/text.ts). One row per
-- policy; each column holds the distinct tokens of a group of fields as lexemes, without positions:
--   all_tokens    title, doc_number, issuer, summary, body   (what a query must match)
--   brief_tokens  title, doc_number, summary                 (ranking: the summary tier)
--   title_tokens  title, doc_number                          (ranking: the title tier)
-- A GIN index on each answers "which policies hold token T" from its compressed posting list; why this rather than
-- an inverted (token, rowid) table is said in src/modules/policies/search/postgres-store.ts. Rows go with their
-- policy (ON DELETE CASCADE). toast_tuple_target = 128 moves every tsvector out of line, leaving rows of a few
-- dozen bytes: a search visits the row of every match for its rowid (never the tokens), and with the short
-- columns inline (~1.6 KB a row) a token most policies hold cost 4,200 page visits at 20,000 policies instead of
-- 230, ~6 ms instead of ~3.5 ms.
CREATE TABLE "policy_search" (
	"search_rowid" integer PRIMARY KEY NOT NULL REFERENCES "policies" ("search_rowid") ON DELETE CASCADE,
	"all_tokens" tsvector NOT NULL,
	"brief_tokens" tsvector NOT NULL,
	"title_tokens" tsvector NOT NULL
) WITH (toast_tuple_target = 128);
--> statement-breakpoint
CREATE INDEX "policy_search_all_idx" ON "policy_search" USING gin ("all_tokens");
--> statement-breakpoint
CREATE INDEX "policy_search_brief_idx" ON "policy_search" USING gin ("brief_tokens");
--> statement-breakpoint
CREATE INDEX "policy_search_title_idx" ON "policy_search" USING gin ("title_tokens");
--> statement-breakpoint
-- The search rowids of the policies holding one token in one group of fields ('all', 'brief', 'title'), as a
-- comma-separated list in no particular order (the caller sorts: cheaper than sorting in the aggregate). The token
-- is quoted into a one-lexeme tsquery (backslashes and quotes escaped), so it is never tsquery syntax. Sequential
-- scans are off inside: the planner does not count the cost of detoasting every tsvector and would otherwise read
-- the whole table for a token most policies hold (~100 ms at 20,000 policies, against ~3 ms through the index).
CREATE FUNCTION policy_search_rowids(source text, token text) RETURNS text
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
AS $$
DECLARE
	lexeme tsquery := ('''' || replace(replace(token, '\', '\\'), '''', '''''') || '''')::tsquery;
BEGIN
	IF source = 'all' THEN
		RETURN (SELECT string_agg(search_rowid::text, ',') FROM policy_search WHERE all_tokens @@ lexeme);
	ELSIF source = 'brief' THEN
		RETURN (SELECT string_agg(search_rowid::text, ',') FROM policy_search WHERE brief_tokens @@ lexeme);
	ELSIF source = 'title' THEN
		RETURN (SELECT string_agg(search_rowid::text, ',') FROM policy_search WHERE title_tokens @@ lexeme);
	END IF;
	RAISE EXCEPTION 'unknown policy search source: %', source;
END
$$;
