// A quote in the form: what each input holds, and the longest quotation the write API takes
// (shown as characters left; tests/unit/editor-workspace.test.ts holds it equal to the API's own
// schema in worker/data/tables.ts).
import type { EditableQuote } from './types'

/** The most characters a quotation may have. */
export const QUOTE_TEXT_MAX = 400

/** The form's view of a quote: every input as typed (no outlet is ""). */
export interface QuoteForm {
  speaker_id: string
  text: string
  outlet_id: string
}

/** The form of a saved quote, or of a new one (no speaker chosen yet). */
export function quoteForm(quote: EditableQuote | null): QuoteForm {
  return {
    speaker_id: quote?.speaker_id ?? '',
    text: quote?.text ?? '',
    outlet_id: quote?.outlet_id ?? '',
  }
}
