// After the soak: every write the API acknowledged is in D1, with its revision, and nothing else
// the editor sent is (no lost write, no duplicate, no write from a refused retry).
import type { Ack } from './ops'

export type Sql = <T = Record<string, unknown>>(command: string) => T[]

interface Revision {
  table_name: string
  row_id: string
  action: string
  version: number | null
  summary: string | null
  text: string | null
}

const quoted = (ids: string[]) => ids.map((id) => `'${id.replaceAll("'", "''")}'`).join(', ')

export function verifyAcks(sql: Sql, acks: Ack[], editor: string): string[] {
  const problems: string[] = []
  const revisions = sql<Revision>(
    `SELECT table_name, row_id, action, json_extract(after, '$.version') AS version,
       json_extract(after, '$.summary') AS summary, json_extract(after, '$.text') AS text
     FROM revisions WHERE actor = '${editor.replaceAll("'", "''")}' ORDER BY id`,
  )
  const key = (table: string, id: string, version: number) => `${table}/${id}@${version}`
  const byKey = new Map(revisions.map((r) => [key(r.table_name, r.row_id, Number(r.version)), r]))

  const eventAcks = acks.filter((a) => a.table === 'events')
  const noteAcks = acks.filter((a) => a.table === 'notes')
  for (const ack of acks) {
    const rev = byKey.get(key(ack.table, ack.id, ack.version))
    const text = ack.table === 'events' ? rev?.summary : rev?.text
    if (!rev) problems.push(`no revision for ${ack.table} ${ack.id} at version ${ack.version}`)
    else if (text !== ack.text)
      problems.push(`revision of ${ack.table} ${ack.id} v${ack.version} has other text`)
  }

  // Each event ends as its last acknowledged write left it.
  const last = new Map(eventAcks.map((a) => [a.id, a]))
  if (last.size) {
    const rows = sql<{ id: string; version: number; summary: string }>(
      `SELECT id, version, summary FROM events WHERE id IN (${quoted([...last.keys()])})`,
    )
    for (const row of rows) {
      const ack = last.get(row.id)!
      if (row.version !== ack.version || row.summary !== ack.text) {
        problems.push(`event ${row.id} is at v${row.version}, last acknowledged v${ack.version}`)
      }
    }
    if (rows.length !== last.size) problems.push(`${last.size - rows.length} edited events missing`)
  }

  // Each acknowledged create is one row, once, with its id; no create left a second row.
  const notes = sql<{ id: number; text: string }>(
    `SELECT id, text FROM notes WHERE text LIKE 'Soak note soak-%'`,
  )
  const byText = new Map<string, number[]>()
  for (const n of notes) byText.set(n.text, [...(byText.get(n.text) ?? []), n.id])
  for (const ack of noteAcks) {
    const ids = byText.get(ack.text) ?? []
    if (ids.length !== 1) problems.push(`note ${ack.key} is in D1 ${ids.length} times`)
    else if (String(ids[0]) !== ack.id)
      problems.push(`note ${ack.key} has id ${ids[0]}, acknowledged ${ack.id}`)
  }
  if (notes.length !== noteAcks.length) {
    problems.push(`${notes.length} soak notes in D1, ${noteAcks.length} acknowledged`)
  }

  // No write landed that was not acknowledged (a refused retry, a failed request).
  const updates = revisions.filter((r) => r.table_name === 'events' && r.action === 'update')
  const inserts = revisions.filter((r) => r.table_name === 'notes' && r.action === 'insert')
  if (updates.length !== eventAcks.length) {
    problems.push(`${updates.length} event revisions, ${eventAcks.length} acknowledged edits`)
  }
  if (inserts.length !== noteAcks.length) {
    problems.push(
      `${inserts.length} note insert revisions, ${noteAcks.length} acknowledged creates`,
    )
  }
  return problems
}
