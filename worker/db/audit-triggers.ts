// The database's own triggers, written from the table registry (data/tables.ts) and its references
// (data/references.ts), so raw SQL (`wrangler d1 execute`) meets the same rules as the write API:
// - the audit trail: for every story table, a trigger per change that records the row's state
//   before and after in `revisions` (every column the registry lists), with who made it
//   (`write_context.actor`, else "sql"), and moves `story.data_version` on unless the change is
//   one only editors see (a draft event and its rows: see bumpDataVersion). A raw UPDATE that
//   leaves `version` alone gets its version and updated_at moved on, so optimistic concurrency
//   sees every change; a change to an event's links moves the event's version too. A change of
//   `version` and `updated_at` alone is bookkeeping, not a revision, but it still moves the row's
//   `updated_at` and the data version, since both are shown.
// - no change that bypasses the audit: INSERT OR REPLACE (and UPDATE OR REPLACE) would remove a
//   row without its delete trigger (SQLite fires none unless recursive_triggers is on), so each
//   table's row count is kept in `row_counts` and a write that lost a row is refused. Upserts
//   (ON CONFLICT DO UPDATE) fire the update triggers and are recorded like any UPDATE.
// - timestamps as the API writes them (ISO 8601 UTC with milliseconds), so the change feed
//   compares like with like;
// - referential integrity for soft deletes: a row that live rows use cannot be soft-deleted, and a
//   live row cannot name a deleted one (nor can a deleted event come back while its own rows do);
// - chapters inside the story's year, never overlapping (raw SQL; the write API checks the whole
//   partition itself), and every live event inside its chapter, checked from both sides.
// Every refusal is RAISE(ABORT, ...) with a sentence that starts with "[in use]" or "[refused]",
// names the rows and says what to do. `npm run db:triggers` writes this SQL into a new migration.
import {
  referencesOf,
  softDeletes,
  type Reference,
  type Tables as ReferenceTables,
} from '../data/references'
import { REGISTRY, STORY_TABLES, type AnyTableDef, type TableName } from '../data/tables'
import { STORY_FROM, STORY_TO } from '../data/values'
import { liveRow } from './visibility'

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
const ACTOR = `COALESCE((SELECT actor FROM write_context WHERE id = 1), 'sql')`
const BUMP_DATA_VERSION = `UPDATE story SET data_version = data_version + 1, updated_at = ${NOW} WHERE id = 1`

/**
 * The statement that moves `story.data_version` on after a change to a row of `def`, seen as
 * `rows` (NEW, OLD or both). The data version names what the public sees (every public cache key
 * and ETag carries it), so a change that only a draft event's readers (editors) can see leaves it
 * alone: an event's own change moves it when the event was or becomes published, a row that
 * belongs to an event (figure, quote, note, link) when that event is published. Any other table
 * (places, actors, outlets, chapters, categories, the story row) always moves it: whether a
 * public event uses a row is more than a trigger should decide, and one move too many only costs
 * a cache miss, where one too few would serve stale data.
 */
function bumpDataVersion(def: AnyTableDef, rows: readonly ('NEW' | 'OLD')[]): string {
  const published =
    def.name === 'events'
      ? rows.map((r) => `${r}.status = 'published'`)
      : def.eventColumn
        ? rows.map(
            (r) =>
              `EXISTS (SELECT 1 FROM events dv WHERE dv.id = ${r}.${def.eventColumn} AND dv.status = 'published')`,
          )
        : []
  return published.length
    ? `${BUMP_DATA_VERSION} AND (${published.join(' OR ')});`
    : `${BUMP_DATA_VERSION};`
}
/** Bookkeeping columns every row table has that hold a moment (see tracked() in tables.ts). */
const TIMESTAMPS = ['created_at', 'updated_at', 'deleted_at'] as const
/** Columns that move on every change: a change to these alone is not a revision. */
const VERSIONING = ['version', 'updated_at']

/** The tables the triggers are written for: the registry, or (in tests) a changed copy of it. */
export type Tables = ReferenceTables

/** A SQL string literal. */
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`

/** `json_object('a', X.a, 'b', X.b, ...)` over every column of the table. */
const jsonOf = (columns: readonly string[], row: string) =>
  `json_object(${columns.map((c) => `'${c}', ${row}.${c}`).join(', ')})`

/** The revision's row_id: the key, or the key columns joined with "/". */
const rowIdOf = (def: AnyTableDef, row: string) =>
  def.keyColumns.map((c) => `${row}.${c}`).join(` || '/' || `)

const eventIdOf = (def: AnyTableDef, row: string) =>
  def.eventColumn ? `${row}.${def.eventColumn}` : 'NULL'

/** One trigger: its name and its CREATE statement. */
interface Trigger {
  name: string
  sql: string
}

/** How a row is named in a message: "figure 22", "event 2022-09-19-...". */
const singular = (table: string) =>
  table === 'categories' ? 'category' : table.replace(/^event_/, '').replace(/s$/, '')

/** A SQL expression naming the live rows that use OLD (the row being soft-deleted), or NULL. */
function usersSql(tables: Tables, uses: readonly Reference[]): string {
  const parts = uses.map((use) => {
    const def = tables[use.table]
    const who =
      def.eventColumn && use.table !== 'events' && def.key === 'composite'
        ? `'event ' || x.${def.eventColumn}`
        : `'${singular(use.table)} ' || x.${def.keyColumns[0]}`
    return `SELECT ${who} AS who FROM ${use.table} x WHERE x.${use.column} = OLD.id AND ${liveRow(def, 'x')}`
  })
  return `(SELECT group_concat(who, ', ') FROM (SELECT DISTINCT who FROM (${parts.join(' UNION ALL ')})))`
}

/** The audit triggers of a row table (insert, update, delete), as the registry lists its columns. */
function auditTriggers(def: AnyTableDef): Trigger[] {
  const t = def.name
  const columns = Object.keys(def.columns)
  const versioned = columns.includes('version') && def.keyColumns.length === 1
  // A change to an event's links moves the event's version on, so If-Match covers them.
  const link = def.key === 'composite' && def.eventColumn !== null
  const bumpEvent = (row: string) =>
    link
      ? `\n  UPDATE events SET version = version + 1, updated_at = ${NOW} WHERE id = ${row}.${def.eventColumn};`
      : ''
  const insert = `CREATE TRIGGER ${t}_audit_insert AFTER INSERT ON ${t}
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, after)
  VALUES ('${t}', ${rowIdOf(def, 'NEW')}, ${eventIdOf(def, 'NEW')}, 'insert', ${ACTOR}, ${jsonOf(columns, 'NEW')});${bumpEvent('NEW')}
  ${bumpDataVersion(def, ['NEW'])}
END;`
  // A row table re-reads the row after moving its version on, so `after` holds the new version.
  // A change of version and updated_at alone (such as a link's bump of its event) is not recorded.
  const key = def.keyColumns[0]!
  const content = columns.filter((c) => !VERSIONING.includes(c))
  const changedContent = `(${content.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')})`
  const update = versioned
    ? `CREATE TRIGGER ${t}_audit_update AFTER UPDATE ON ${t}
WHEN (NEW.version IS OLD.version AND NEW.updated_at IS OLD.updated_at) OR ${changedContent}
BEGIN
  UPDATE ${t} SET version = OLD.version + 1, updated_at = ${NOW}
  WHERE ${key} = NEW.${key} AND NEW.version = OLD.version;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT '${t}', ${rowIdOf(def, 'r')}, ${eventIdOf(def, 'r')}, 'update', ${ACTOR}, ${jsonOf(columns, 'OLD')}, ${jsonOf(columns, 'r')}
  FROM ${t} r WHERE r.${key} = NEW.${key};
  ${bumpDataVersion(def, ['OLD', 'NEW'])}
END;`
    : `CREATE TRIGGER ${t}_audit_update AFTER UPDATE ON ${t}
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  VALUES ('${t}', ${rowIdOf(def, 'NEW')}, ${eventIdOf(def, 'NEW')}, 'update', ${ACTOR}, ${jsonOf(columns, 'OLD')}, ${jsonOf(columns, 'NEW')});${bumpEvent('OLD')}${link ? `\n  UPDATE events SET version = version + 1, updated_at = ${NOW} WHERE id = NEW.${def.eventColumn} AND NEW.${def.eventColumn} IS NOT OLD.${def.eventColumn};` : ''}
  ${bumpDataVersion(def, ['OLD', 'NEW'])}
END;`
  const remove = `CREATE TRIGGER ${t}_audit_delete AFTER DELETE ON ${t}
BEGIN
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before)
  VALUES ('${t}', ${rowIdOf(def, 'OLD')}, ${eventIdOf(def, 'OLD')}, 'delete', ${ACTOR}, ${jsonOf(columns, 'OLD')});${bumpEvent('OLD')}
  ${bumpDataVersion(def, ['OLD'])}
END;`
  // A change of the version or updated_at alone is no revision, but it is a change of what the row
  // shows: its updated_at moves (so the change feed sees it) and so does the data version (caches).
  // A statement that changes nothing at all is still recorded, as it always was.
  const bump: Trigger[] = versioned
    ? [
        {
          name: `${t}_audit_bump`,
          sql: `CREATE TRIGGER ${t}_audit_bump AFTER UPDATE OF version, updated_at ON ${t}
WHEN (NEW.version IS NOT OLD.version OR NEW.updated_at IS NOT OLD.updated_at) AND NOT ${changedContent}
BEGIN
  UPDATE ${t} SET updated_at = ${NOW} WHERE ${key} = NEW.${key} AND NEW.updated_at IS OLD.updated_at;
  ${bumpDataVersion(def, ['NEW'])}
END;`,
        },
      ]
    : []
  return [
    { name: `${t}_audit_insert`, sql: insert },
    { name: `${t}_audit_update`, sql: update },
    ...bump,
    { name: `${t}_audit_delete`, sql: remove },
  ]
}

/**
 * INSERT OR REPLACE and UPDATE OR REPLACE remove a conflicting row without firing its delete
 * trigger: the row would vanish from the audit trail. Each table's row count is kept in
 * `row_counts` by its inserts and deletes; an insert or update after which the table holds fewer
 * rows than counted has replaced one, and is refused (the whole statement rolls back).
 */
function replaceGuards(def: AnyTableDef): Trigger[] {
  const t = def.name
  const lost = `SELECT RAISE(ABORT, ${quote(
    `[refused] INSERT OR REPLACE (or REPLACE INTO, or UPDATE OR REPLACE) would remove a row of ${t} without recording it. Change the row with UPDATE, or with INSERT ... ON CONFLICT DO UPDATE, which are recorded.`,
  )})
  WHERE (SELECT count(*) FROM ${t}) <> (SELECT n FROM row_counts WHERE table_name = '${t}');`
  return [
    {
      name: `${t}_count_insert`,
      sql: `CREATE TRIGGER ${t}_count_insert AFTER INSERT ON ${t}
BEGIN
  UPDATE row_counts SET n = n + 1 WHERE table_name = '${t}';
  ${lost}
END;`,
    },
    {
      name: `${t}_count_update`,
      sql: `CREATE TRIGGER ${t}_count_update AFTER UPDATE ON ${t}
BEGIN
  ${lost}
END;`,
    },
    {
      name: `${t}_count_delete`,
      sql: `CREATE TRIGGER ${t}_count_delete AFTER DELETE ON ${t}
BEGIN
  UPDATE row_counts SET n = n - 1 WHERE table_name = '${t}';
END;`,
    },
  ]
}

/** A timestamp the way every writer must give it: ISO 8601 UTC with milliseconds. */
const offFormat = (value: string) => `${value} IS NOT strftime('%Y-%m-%dT%H:%M:%fZ', ${value})`

/** Timestamps written in another form (a space for the T, no milliseconds, an offset) are refused. */
function timestampGuards(def: AnyTableDef): Trigger[] {
  const t = def.name
  const columns = TIMESTAMPS.filter((c) => c in def.columns)
  if (columns.length === 0) return []
  const check = columns
    .map((c) => {
      const bad = offFormat(`NEW.${c}`)
      const when = def.columns[c]!.nullable ? `NEW.${c} IS NOT NULL AND ${bad}` : bad
      return `  SELECT RAISE(ABORT, '[refused] ${t}.${c} must be written as ISO 8601 UTC with milliseconds, such as 2023-06-30T00:00:00.000Z (strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')), not ' || quote(NEW.${c}) || '.')
  WHERE ${when};`
    })
    .join('\n')
  return [
    {
      name: `${t}_timestamps_insert`,
      sql: `CREATE TRIGGER ${t}_timestamps_insert BEFORE INSERT ON ${t}
BEGIN
${check}
END;`,
    },
    {
      name: `${t}_timestamps_update`,
      sql: `CREATE TRIGGER ${t}_timestamps_update BEFORE UPDATE OF ${columns.join(', ')} ON ${t}
BEGIN
${check}
END;`,
    },
  ]
}

/**
 * A row that live rows use cannot be soft-deleted: the refusal names the rows that use it. The
 * write API offers to detach them in the same write (DELETE ...?detach=true).
 */
function inUseGuard(tables: Tables, def: AnyTableDef, references: readonly Reference[]): Trigger[] {
  const t = def.name
  const uses = references.filter((r) => r.target === t && !r.owner)
  if (uses.length === 0 || !softDeletes(t, tables)) return []
  const users = usersSql(tables, uses)
  return [
    {
      name: `${t}_in_use`,
      sql: `CREATE TRIGGER ${t}_in_use BEFORE UPDATE OF deleted_at ON ${t}
WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '[in use] ${singular(t)} "' || OLD.id || '" is used by ' || ${users} || '. Detach it from them or delete them first (the write API does it in one write: DELETE /api/v1/admin/${t}/' || OLD.id || '?detach=true).')
  WHERE ${users} IS NOT NULL;
END;`,
    },
  ]
}

/** A live row may not name a deleted one: on insert, and when a reference or its liveness changes. */
function liveReferenceGuards(
  tables: Tables,
  def: AnyTableDef,
  references: readonly Reference[],
): Trigger[] {
  const t = def.name
  const uses = references.filter((r) => r.table === t && !r.owner && softDeletes(r.target, tables))
  if (uses.length === 0) return []
  const checks = uses
    .map(
      (
        use,
      ) => `  SELECT RAISE(ABORT, '[refused] ${t}.${use.column} names the deleted ${singular(use.target)} "' || NEW.${use.column} || '": restore it first, or choose another.')
  WHERE ${liveRow(def, 'NEW')} AND NEW.${use.column} IN (SELECT id FROM ${use.target} WHERE deleted_at IS NOT NULL);`,
    )
    .join('\n')
  const watched = [
    ...uses.map((u) => u.column),
    ...('deleted_at' in def.columns ? ['deleted_at'] : []),
    ...(def.eventColumn && t !== 'events' ? [def.eventColumn] : []),
  ]
  return [
    {
      name: `${t}_live_refs_insert`,
      sql: `CREATE TRIGGER ${t}_live_refs_insert BEFORE INSERT ON ${t}
BEGIN
${checks}
END;`,
    },
    {
      name: `${t}_live_refs_update`,
      sql: `CREATE TRIGGER ${t}_live_refs_update BEFORE UPDATE OF ${[...new Set(watched)].join(', ')} ON ${t}
BEGIN
${checks}
END;`,
    },
  ]
}

/**
 * An event that comes back from a soft delete brings its own rows back to life: none of them may
 * name a row deleted in the meantime.
 */
function eventRestoreGuard(tables: Tables, references: readonly Reference[]): Trigger[] {
  const owned = references.filter(
    (r) =>
      !r.owner &&
      r.table !== 'events' &&
      tables[r.table].eventColumn !== null &&
      softDeletes(r.target, tables),
  )
  const checks = owned
    .map((use) => {
      const def = tables[use.table]
      const own = 'deleted_at' in def.columns ? ' AND x.deleted_at IS NULL' : ''
      const rows = def.key === 'composite' ? `${singular(use.table)} links` : use.table
      return `  SELECT RAISE(ABORT, '[refused] event "' || NEW.id || '" cannot come back: its ${rows} name the deleted ${singular(use.target)} "' || (SELECT min(x.${use.column}) FROM ${use.table} x WHERE x.${def.eventColumn} = NEW.id${own} AND x.${use.column} IN (SELECT id FROM ${use.target} WHERE deleted_at IS NOT NULL)) || '". Restore it, or remove it from the event, first.')
  WHERE EXISTS (SELECT 1 FROM ${use.table} x WHERE x.${def.eventColumn} = NEW.id${own} AND x.${use.column} IN (SELECT id FROM ${use.target} WHERE deleted_at IS NOT NULL));`
    })
    .join('\n')
  return [
    {
      name: 'events_restore_refs',
      sql: `CREATE TRIGGER events_restore_refs BEFORE UPDATE OF deleted_at ON events
WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL
BEGIN
${checks}
END;`,
    },
  ]
}

/**
 * The chapters and their events. A live event lies inside its chapter (checked when the event's
 * date, chapter or deletion changes, and when the chapter's dates change). A live chapter lies
 * inside the story's year and, for raw SQL, overlaps no other (the write API checks the whole
 * partition, gaps too, before it writes several chapters at once, so it is not held to the order
 * of its statements).
 */
function chapterRules(): Trigger[] {
  const inChapter = `  SELECT RAISE(ABORT, '[refused] event "' || NEW.id || '" is dated ' || NEW.date || ', outside its chapter "' || NEW.chapter || '" (' || c.start_date || ' to ' || c.end_date || '): pick the chapter of its date, or change the chapters first.')
  FROM chapters c WHERE c.id = NEW.chapter AND NEW.deleted_at IS NULL AND NEW.date IS date(NEW.date)
    AND (NEW.date < c.start_date OR NEW.date > c.end_date);`
  const chapter = `  SELECT RAISE(ABORT, '[refused] chapter "' || NEW.id || '" must lie inside the story''s year, ${STORY_FROM} to ${STORY_TO}.')
  WHERE NEW.deleted_at IS NULL AND NEW.start_date IS date(NEW.start_date) AND NEW.end_date IS date(NEW.end_date)
    AND (NEW.start_date < '${STORY_FROM}' OR NEW.end_date > '${STORY_TO}');
  SELECT RAISE(ABORT, '[refused] chapter "' || NEW.id || '" (' || NEW.start_date || ' to ' || NEW.end_date || ') would overlap chapter "' || o.id || '" (' || o.start_date || ' to ' || o.end_date || '). With SQL, shrink one chapter before widening the other; PATCH /api/v1/admin/chapters changes several at once.')
  FROM chapters o WHERE NEW.deleted_at IS NULL AND o.id <> NEW.id AND o.deleted_at IS NULL
    AND o.start_date <= NEW.end_date AND o.end_date >= NEW.start_date
    AND (SELECT actor FROM write_context WHERE id = 1) IS NULL;`
  const keepsEvents = `  SELECT RAISE(ABORT, '[refused] chapter "' || NEW.id || '" (' || NEW.start_date || ' to ' || NEW.end_date || ') would leave outside it its events ' || (SELECT group_concat(e.id || ' (' || e.date || ')', ', ') FROM events e WHERE e.chapter = NEW.id AND e.deleted_at IS NULL AND (e.date < NEW.start_date OR e.date > NEW.end_date)) || ': move them to another chapter first, or keep their dates inside.')
  WHERE NEW.deleted_at IS NULL AND EXISTS (SELECT 1 FROM events e WHERE e.chapter = NEW.id AND e.deleted_at IS NULL AND (e.date < NEW.start_date OR e.date > NEW.end_date));`
  return [
    {
      name: 'events_in_chapter_insert',
      sql: `CREATE TRIGGER events_in_chapter_insert BEFORE INSERT ON events
BEGIN
${inChapter}
END;`,
    },
    {
      name: 'events_in_chapter_update',
      sql: `CREATE TRIGGER events_in_chapter_update BEFORE UPDATE OF date, chapter, deleted_at ON events
BEGIN
${inChapter}
END;`,
    },
    {
      name: 'chapters_rules_insert',
      sql: `CREATE TRIGGER chapters_rules_insert BEFORE INSERT ON chapters
BEGIN
${chapter}
END;`,
    },
    {
      name: 'chapters_rules_update',
      sql: `CREATE TRIGGER chapters_rules_update BEFORE UPDATE OF start_date, end_date, deleted_at ON chapters
BEGIN
${chapter}
${keepsEvents}
END;`,
    },
  ]
}

/** The story row: a change to any of its fields (not to its bookkeeping) is one revision. */
function storyTrigger(def: AnyTableDef): Trigger {
  const columns = Object.keys(def.columns)
  const fields = columns.filter((c) => def.columns[c]!.role === 'field')
  return {
    name: 'story_audit_update',
    sql: `CREATE TRIGGER story_audit_update AFTER UPDATE OF ${fields.join(', ')} ON story
BEGIN
  UPDATE story SET version = OLD.version + 1, updated_at = ${NOW}, data_version = data_version + 1
  WHERE id = NEW.id;
  INSERT INTO revisions (table_name, row_id, event_id, action, actor, before, after)
  SELECT 'story', r.id, NULL, 'update', ${ACTOR}, ${jsonOf(columns, 'OLD')}, ${jsonOf(columns, 'r')}
  FROM story r WHERE r.id = NEW.id;
END;`,
  }
}

/** The audit trail's own moments are written in the same form, so the change feed can compare them. */
const REVISION_GUARD: Trigger = {
  name: 'revisions_at_format',
  sql: `CREATE TRIGGER revisions_at_format BEFORE INSERT ON revisions
WHEN ${offFormat('NEW.at')}
BEGIN
  SELECT RAISE(ABORT, '[refused] revisions.at must be written as ISO 8601 UTC with milliseconds, such as 2023-06-30T00:00:00.000Z.');
END;`,
}

/** Every trigger of one story table, in the order they are written. */
function tableTriggers(tables: Tables, table: TableName): Trigger[] {
  const def = tables[table]
  if (table === 'story') return [storyTrigger(def)]
  const references = referencesOf(tables)
  return [
    ...auditTriggers(def),
    ...replaceGuards(def),
    ...timestampGuards(def),
    ...inUseGuard(tables, def, references),
    ...liveReferenceGuards(tables, def, references),
    ...(table === 'events'
      ? [
          ...eventRestoreGuard(tables, references),
          ...chapterRules().filter((t) => t.name.startsWith('events_')),
        ]
      : []),
    ...(table === 'chapters' ? chapterRules().filter((t) => t.name.startsWith('chapters_')) : []),
  ]
}

/** The names of the triggers of a table, in the order they are written. */
export function triggerNames(table: TableName, tables: Tables = REGISTRY): string[] {
  return tableTriggers(tables, table).map((t) => t.name)
}

const HEADER = `-- The database's triggers, generated by \`npm run db:triggers\` from worker/data/tables.ts: do not
-- edit. Every change to a story table, through the API or raw SQL, is recorded in \`revisions\` with
-- every column of the row before and after it, and moves \`story.data_version\` on; a change to an
-- event's links moves the event's version. Raw SQL meets the write API's rules: no INSERT OR
-- REPLACE that would drop a row unrecorded, timestamps as ISO 8601 UTC with milliseconds, no
-- soft delete of a row live rows use, no live row naming a deleted one, chapters inside the story's
-- year without overlaps, every live event inside its chapter. A change to the registry's columns
-- needs a new migration from \`npm run db:triggers\` (a worker test compares what the triggers
-- record with each table's columns). Every statement is idempotent.`

/**
 * Every table's statements, in order: for each trigger, a DROP TRIGGER IF EXISTS, then its CREATE.
 * The last entry holds the guard of the audit trail's own timestamps.
 */
export function auditTriggerStatements(
  tables: Tables = REGISTRY,
): { table: TableName | 'revisions'; sql: string[] }[] {
  const statements = (triggers: Trigger[]) =>
    triggers.flatMap((t) => [`DROP TRIGGER IF EXISTS ${t.name};`, t.sql])
  // Each table's rows are counted once, before its count triggers exist; a second run keeps the
  // count the triggers have kept since.
  const count = (table: TableName) =>
    table === 'story'
      ? []
      : [
          `INSERT INTO row_counts (table_name, n) SELECT '${table}', count(*) FROM ${table} WHERE true ON CONFLICT DO NOTHING;`,
        ]
  return [
    ...STORY_TABLES.map((table) => ({
      table,
      sql: [...count(table), ...statements(tableTriggers(tables, table))],
    })),
    { table: 'revisions' as const, sql: statements([REVISION_GUARD]) },
  ]
}

/**
 * The whole migration: a header, then for every story table its triggers, each dropped first,
 * so the file can run on a database that has the older ones. The same registry always gives the
 * same text, byte for byte.
 */
export function auditTriggersSql(tables: Tables = REGISTRY): string {
  const parts = [
    HEADER,
    ...auditTriggerStatements(tables).map(({ table, sql }) => `-- ${table}\n${sql.join('\n')}`),
  ]
  return `${parts.join('\n\n')}\n`
}
