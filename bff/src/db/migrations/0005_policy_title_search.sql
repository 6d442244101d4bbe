-- The short fields again (title, document number, summary) in an FTS5 table of their own. Ranking asks, for every
-- search, whether the whole query matches the title or document number, or failing that the summary; these
-- doclists are tiny next to the bodies', so the answers cost little even when a common word matches most
-- policies. Same token streams as policy_search.
CREATE VIRTUAL TABLE policy_brief_search USING fts5(
  title, doc_number, summary,
  content = '', contentless_delete = 1, detail = column, tokenize = 'ascii'
);
