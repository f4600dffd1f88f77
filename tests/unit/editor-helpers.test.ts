// The editor's pure helpers: merge patches of what changed, and revisions side by side.
import { describe, expect, it } from 'vitest'
import { changedFields, currentVersion, diffRows, restorable } from '../../web/src/editor/diff'
import { isEmpty, mergePatch, optionalNumber, optionalText } from '../../web/src/editor/patch'
import type { Revision } from '../../worker/model'

describe('mergePatch', () => {
  it('keeps only the fields that changed, lists included', () => {
    const loaded = { headline: 'A', summary: 'S', places: ['kandal'], body: '' }
    expect(mergePatch(loaded, { ...loaded })).toEqual({})
    expect(isEmpty(mergePatch(loaded, { ...loaded }))).toBe(true)
    expect(mergePatch(loaded, { ...loaded, headline: 'B', places: ['kandal', 'pursat'] })).toEqual({
      headline: 'B',
      places: ['kandal', 'pursat'],
    })
  })

  it('treats a blank optional field as null, and a non-number as no number', () => {
    expect(optionalText('  ')).toBeNull()
    expect(optionalText('Vietnamese')).toBe('Vietnamese')
    expect(optionalNumber('')).toBeNull()
    expect(optionalNumber('1480')).toBe(1480)
    expect(optionalNumber('many')).toBeNull()
  })
})

const revision = (over: Partial<Revision>): Revision => ({
  id: 1,
  table_name: 'figures',
  row_id: '22',
  event_id: '2022-09-27-phnom-penh-raids-1480-released',
  action: 'update',
  actor: 'sql',
  at: '2026-11-24T00:00:00.000Z',
  before: { value: 1480, display: 'more than 1,480', version: 1 },
  after: { value: 1481, display: 'more than 1,480', version: 2 },
  ...over,
})

describe('revisions side by side', () => {
  it('marks the fields an update changed, and names them without the bookkeeping', () => {
    const rows = diffRows(revision({}))
    expect(rows.find((r) => r.field === 'value')).toEqual({
      field: 'value',
      before: '1480',
      after: '1481',
      changed: true,
    })
    expect(rows.find((r) => r.field === 'display')?.changed).toBe(false)
    expect(changedFields(revision({}))).toEqual(['value'])
  })

  it('knows the row version a restore must send, and what can be restored', () => {
    const newest = revision({ id: 3, after: { value: 7, version: 3 } })
    const older = revision({ id: 1 })
    expect(currentVersion([newest, older], older)).toBe(3)
    expect(restorable(revision({ action: 'delete', after: null }))).toBe(true)
    expect(restorable(revision({ action: 'insert', before: null, after: null }))).toBe(false)
  })
})
