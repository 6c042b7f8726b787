/**
 * The store's tables, as SQLite sees them. A user can open the file with `sqlite3` or Datasette; the readme
 * shows a query. Not STRICT tables, which SQLite before 3.37 (2021) cannot open at all. Any change to these statements bumps SCHEMA_VERSION: a store with another version is
 * emptied and built again, never migrated (it is a cache: everything in it can be computed again).
 */
export const SCHEMA_VERSION = 9;

/** PRAGMA application_id: "brfg", so `file` and sqlite3 can tell a briefing store from another database. */
export const APPLICATION_ID = 0x62726667;

export const DATABASE_NAME = 'briefing.db';

export const TABLES = ['meta', 'inputs', 'files', 'documents', 'analyses', 'texts', 'entity_names', 'totals', 'entities', 'mentions', 'facts', 'story_parts', 'briefings', 'comparisons', 'listings'] as const;

export const SCHEMA = `
-- Small facts about the store itself: 'entity_count', where the last count of distinct entities stood (JSON).
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value
);

-- Each input file read whole and without a problem, by absolute path, with how many documents it holds.
-- While its size, mtime and inode are unchanged, a warm run takes its documents from the files below
-- instead of reading and analysing the file again.
CREATE TABLE inputs (
	path TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	mtime_us INTEGER NOT NULL,
	ino INTEGER NOT NULL,
	documents INTEGER NOT NULL
);

-- Each document of a file, by absolute path ("<path>/#<n>" for the n-th item of a feed or record of an
-- export): the file's stamp when it was read, the content hash of the document, and what its name adds to
-- the file's (a feed item's "#3", an export record's "#<line>").
CREATE TABLE files (
	path TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	mtime_us INTEGER NOT NULL,
	ino INTEGER NOT NULL,
	hash TEXT NOT NULL,
	suffix TEXT NOT NULL DEFAULT ''
);
CREATE INDEX files_hash ON files(hash);

-- One row per analysed text: its content hash, the identity of the analysis code that produced it, and
-- what 'briefing stats' prints. Small rows, so that reading every document's figures reads little.
CREATE TABLE documents (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL,
	identity TEXT NOT NULL,
	title TEXT NOT NULL,
	source TEXT NOT NULL,
	author TEXT NOT NULL,
	published TEXT NOT NULL, -- ISO 8601, or '' when unknown
	url TEXT NOT NULL,
	words INTEGER NOT NULL,
	sentences INTEGER NOT NULL,
	paragraphs INTEGER NOT NULL,
	reading_minutes INTEGER NOT NULL,
	entities INTEGER NOT NULL,
	facts INTEGER NOT NULL,
	duplicate_paragraphs INTEGER NOT NULL,
	UNIQUE (hash, identity)
);

-- The whole analysis as cache.ts encodes it: JSON, without the texts that are slices of the document's
-- text, and that text beside it. What the dashboard reads of a document when a pane shows it (the Article,
-- a mention's sentence): some 12 KB a row.
CREATE TABLE analyses (
	document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	json TEXT NOT NULL,
	text TEXT NOT NULL
);

-- Each document's sentences, as a JSON array of strings in order: what 'briefing search' reads (all of
-- them, one row per document) and the context column of 'briefing facts' (facts.sentence indexes it).
CREATE TABLE texts (
	document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	sentences TEXT NOT NULL
);

-- Each document's entities as the keys they merge by across documents (type, a NUL, the lower-cased name;
-- then the same for each alias), [[key, key…], …]: what counting distinct entities across 100,000
-- documents reads, a small row per document rather than a row per entity (or the sentences).
CREATE TABLE entity_names (
	document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	entities TEXT NOT NULL
);

-- The count of distinct entities (merged across documents by alias) of a set of documents, keyed by a
-- hash of the set: the totals row of 'briefing stats' for a folder that has not changed.
CREATE TABLE totals (
	documents TEXT PRIMARY KEY,
	distinct_entities INTEGER NOT NULL
);

-- Entities as each document names them (mergeEntities joins them across documents by alias).
CREATE TABLE entities (
	id INTEGER PRIMARY KEY,
	document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	type TEXT NOT NULL,
	aliases TEXT NOT NULL, -- a JSON array of the other surface forms
	mentions INTEGER NOT NULL
);
CREATE INDEX entities_document ON entities(document);
CREATE INDEX entities_name ON entities(name);

-- Each occurrence of an entity: sentence position and UTF-16 offsets into the document's text.
CREATE TABLE mentions (
	entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	sentence INTEGER NOT NULL,
	start_char INTEGER NOT NULL,
	end_char INTEGER NOT NULL,
	text TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity);

-- Figures found in sentences, as 'briefing facts' prints them.
CREATE TABLE facts (
	document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence INTEGER NOT NULL,
	kind TEXT NOT NULL,
	text TEXT NOT NULL,
	value NOT NULL, -- a number, or an ISO date string: no type, so SQLite keeps each as given
	unit TEXT NOT NULL,
	subject TEXT NOT NULL,
	entities TEXT NOT NULL, -- a JSON array of names
	start_char INTEGER NOT NULL,
	end_char INTEGER NOT NULL
);
CREATE INDEX facts_document ON facts(document);

-- What the briefing needs of each document (stories/parts.ts), as JSON: in 'parts', its content words with their
-- counts, the figures it reports, the dates it states and the story it makes alone; in 'texts', what a story of
-- several documents reads of it (title, quotable sentences with their words and figures, entities). 'code' is the
-- briefing code that made them. Grouping 100,000 documents reads the parts, and building its stories the texts of
-- the documents in stories of several, not the analyses.
CREATE TABLE story_parts (
	document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	code TEXT NOT NULL,
	parts TEXT NOT NULL,
	texts TEXT NOT NULL
);

-- The briefing (stories, comparisons, timeline) of a set of documents, as JSON, keyed by a hash of the briefing
-- code and of the documents' names and content hashes in order: 'briefing stories' over an unchanged folder is
-- one lookup. The last few sets only.
CREATE TABLE briefings (
	key TEXT PRIMARY KEY,
	briefing TEXT NOT NULL
);

-- The figures compared within one story, keyed by a hash of the briefing code and of the story's documents
-- (content hashes, in the story's order), with documents named by their place in the story: when new documents
-- come, only the stories they join are compared again.
CREATE TABLE comparisons (
	key TEXT PRIMARY KEY,
	comparisons TEXT NOT NULL
);

-- What a warm run over the folders 'roots' (absolute paths, one a line) needs of the store, packed in one file
-- (store/listing.ts) in the folder listings/ beside the database: the files rows under them, each with its inputs
-- row's count of documents, and the documents rows they name, for the analysis code 'identity'. Reading 100,000
-- rows of files and documents costs a warm run over 100,000 articles a second; the file, a fraction of that (a
-- value this large costs more to read through the database than from a file). Any change to files, inputs or
-- documents drops every listing (the triggers below), whoever makes it; a run that changed them writes its own again.
CREATE TABLE listings (
	roots TEXT NOT NULL,
	identity TEXT NOT NULL,
	file TEXT NOT NULL,
	PRIMARY KEY (roots, identity)
);
${['files', 'inputs', 'documents']
	.flatMap(table => ['INSERT', 'UPDATE', 'DELETE'].map(change => `CREATE TRIGGER ${table}_${change.toLowerCase()}_drops_listings AFTER ${change} ON ${table} BEGIN DELETE FROM listings; END;`))
	.join('\n')}
`;
