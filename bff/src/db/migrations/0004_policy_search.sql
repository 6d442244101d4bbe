-- Full-text search over policies (see bff/src/modules/policies/search/text.ts for the token streams).
-- Contentless: the text lives in `policies`; this keeps only the index. detail=none: which policies hold a token,
-- no columns or positions, so the doclists of common tokens stay short and queries on them fast. Where a query
-- matched (title, summary) is answered by the small policy_brief_search table instead.
-- Tokens are written space-separated by the application, so the ascii tokenizer only splits on the spaces.
CREATE VIRTUAL TABLE policy_search USING fts5(
  title, doc_number, issuer, summary, body,
  content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
);
--> statement-breakpoint
INSERT INTO policy_search_state (id, version) VALUES (1, 0);
