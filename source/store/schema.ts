/**
 * The store's tables, as SQLite sees them. A user can open the file with `sqlite3` or Datasette; the readme
 * shows a query. Not STRICT tables, which SQLite before 3.37 (2021) cannot open at all; the trigram index
 * needs 3.34 or later, but only to search it. Any change to these statements bumps SCHEMA_VERSION: a store with another version is
 * emptied and built again, never migrated (it is a cache: everything in it can be computed again).
 */
export const SCHEMA_VERSION = 1;

/** PRAGMA application_id: "brfg", so `file` and sqlite3 can tell a briefing store from another database. */
export const APPLICATION_ID = 0x62726667;

export const DATABASE_NAME = 'briefing.db';

/** Bits of a sentence id below its field-norm rank (see SENTENCE_ID in store.ts). */
export const SENTENCE_SEQUENCE_BITS = 32;

export const TABLES = ['meta', 'files', 'documents', 'analyses', 'totals', 'sentences', 'sentence_text', 'entities', 'mentions', 'facts'] as const;

export const SCHEMA = `
-- Small facts about the store itself: the next sentence sequence number.
CREATE TABLE meta (
	key TEXT PRIMARY KEY,
	value
);

-- Each file seen, by absolute path. While size, mtime and inode are unchanged, hash is its content's hash,
-- so a warm run stats files instead of reading and hashing them.
CREATE TABLE files (
	path TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	mtime_ms REAL NOT NULL,
	ino INTEGER NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX files_hash ON files(hash);

-- One row per analysed text: its content hash, the identity of the analysis code that produced it, and
-- the figures 'briefing stats' prints. Small rows, so that reading every document's figures reads little.
CREATE TABLE documents (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL,
	identity TEXT NOT NULL,
	title TEXT NOT NULL,
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
-- text (the reader supplies the text). Apart from documents: some 8 KB a row.
CREATE TABLE analyses (
	document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
	json TEXT NOT NULL
);

-- Sentences, for search. The id orders them as the search ranks them: by fuse.js's field norm, highest
-- first (shortest sentences), then in the order they were stored: id = (1000 - norm × 1000) << 32 | sequence.
CREATE TABLE sentences (
	id INTEGER PRIMARY KEY,
	document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	text TEXT NOT NULL
);
CREATE INDEX sentences_document ON sentences(document);

-- The trigram index of sentences.text: "text LIKE '%federal reserve%'" finds every sentence holding a string
-- of three or more characters (case-insensitively) without reading the others. External content: the text
-- itself stays in sentences. detail=none: no positions, 2.6 times smaller; LIKE still uses the index (it
-- reads the candidates' text to confirm), only MATCH with phrases is not available.
CREATE VIRTUAL TABLE sentence_text USING fts5(text, content='sentences', content_rowid='id', tokenize='trigram', detail='none');
CREATE TRIGGER sentences_indexed AFTER INSERT ON sentences BEGIN
	INSERT INTO sentence_text(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_unindexed AFTER DELETE ON sentences BEGIN
	INSERT INTO sentence_text(sentence_text, rowid, text) VALUES ('delete', old.id, old.text);
END;

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
`;
