// Checks as the editor types: the form's data goes to POST /api/v1/admin/validate (the same
// schemas as every write) a moment after the last keystroke; only the newest answer counts.
import { byField, type ErrorMap } from './errors'
import { optionalText } from './patch'
import type { NoteFields, ValidationResult } from './types'
import { suggestEventId } from '../../../worker/shared/ids'

export interface LiveCheck {
  schedule(data: object): void
  cancel(): void
}

export function liveCheck(
  check: (data: object) => Promise<ValidationResult>,
  onResult: (errors: ErrorMap) => void,
  delay = 400,
): LiveCheck {
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0
  return {
    schedule(data) {
      clearTimeout(timer)
      const ticket = ++latest
      timer = setTimeout(() => {
        check(data).then(
          (result) => {
            if (ticket === latest) onResult(byField(result.errors ?? []))
          },
          // A check that cannot run is no verdict: saving still validates on the server.
          () => undefined,
        )
      }, delay)
    },
    cancel() {
      clearTimeout(timer)
      latest += 1
    },
  }
}

/** The rule the notes table itself enforces: a correction says what the source said. */
export function noteRules(note: NoteFields): ErrorMap {
  return note.kind === 'correction' && optionalText(note.source_said) === null
    ? { source_said: ['A correction needs what the source said, as the source said it.'] }
    : {}
}

/** A suggested id for a new event: its date and the first words of its headline. */
export const suggestId = suggestEventId
