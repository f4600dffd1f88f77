// The editor page's pure helpers for never losing typing and for limits: the three-way merge of a
// form after a conflict (web/src/editor/merge.ts) and the room left in an event's body
// (web/src/editor/limits.ts).
import { describe, expect, it } from 'vitest'
import { EVENT_BODY_MAX, MAX_WRITE_BYTES } from '../../worker/data/values'
import { bodyRoom } from '../../web/src/editor/limits'
import { threeWayMerge } from '../../web/src/editor/merge'

const base = { headline: 'A', summary: 'S', places: ['kandal'] as string[], body: '' }

describe('threeWayMerge', () => {
  it('takes a field only they changed, keeps a field only I changed', () => {
    const theirs = { ...base, summary: 'S (theirs)' }
    const mine = { ...base, headline: 'A (mine)' }
    const result = threeWayMerge(base, theirs, mine)
    expect(result.merged).toEqual({ ...base, headline: 'A (mine)', summary: 'S (theirs)' })
    expect(result.conflicts).toEqual([])
    expect(result.taken).toEqual(['summary'])
  })

  it('reports a field both changed differently, and keeps mine in the form', () => {
    const theirs = { ...base, headline: 'A (theirs)', places: ['kampot'] }
    const mine = { ...base, headline: 'A (mine)', places: ['kampot'] }
    const result = threeWayMerge(base, theirs, mine)
    expect(result.merged.headline).toBe('A (mine)')
    expect(result.conflicts).toEqual([
      { field: 'headline', mine: 'A (mine)', theirs: 'A (theirs)' },
    ])
    // Both made the same change to places: no conflict, nothing taken.
    expect(result.taken).toEqual([])
  })

  it('compares lists by value, so a list rebuilt the same way is no change', () => {
    const result = threeWayMerge(base, { ...base, places: ['kandal'] }, { ...base })
    expect(result).toEqual({ merged: base, conflicts: [], taken: [] })
  })
})

describe('bodyRoom', () => {
  it('counts characters left before the body’s own limit', () => {
    const room = bodyRoom('x'.repeat(100), { body: 'x'.repeat(100) })
    expect(room.left).toBe(EVENT_BODY_MAX - 100)
    expect(room.error).toBeNull()
    expect(room.text).toMatch(/^19,900 characters left\.$/)
  })

  it('says how far over the limit the body is, in the field’s label', () => {
    const body = 'x'.repeat(EVENT_BODY_MAX + 1)
    const room = bodyRoom(body, { body })
    expect(room.left).toBe(-1)
    expect(room.error).toMatch(/^Body is 1 character too long/)
  })

  it('counts the request limit when the characters sent reach it first', () => {
    // A control character is sent as a six-byte JSON escape: 11,000 of them are over 64 KB.
    const body = '\u0001'.repeat(11_000)
    const room = bodyRoom(body, { body })
    expect(room.left).toBeLessThan(0)
    expect(room.error).toMatch(new RegExp(`at most ${MAX_WRITE_BYTES / 1024} KB`))
  })
})
