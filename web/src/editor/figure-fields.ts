// A figure in the form: what each input holds, and the figure as the API takes it.
import { optionalNumber, optionalText } from './patch'
import type { EditableFigure, FigureFields } from './types'

/** The form's view of a figure: every input as typed. */
export interface FigureForm {
  value: string
  value_max: string
  qualifier: string
  unit: string
  measure: string
  subject: string
  nationality: string
  place_id: string
  period: string
  period_start: string
  period_end: string
  display: string
}

export const FIGURE_FIELDS = [
  'value',
  'value_max',
  'qualifier',
  'unit',
  'measure',
  'subject',
  'nationality',
  'place_id',
  'period',
  'period_start',
  'period_end',
  'display',
] as const satisfies readonly (keyof FigureFields)[]

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value)

export function figureForm(figure: EditableFigure | null): FigureForm {
  return {
    value: text(figure?.value),
    value_max: text(figure?.value_max),
    qualifier: figure?.qualifier ?? 'exactly',
    unit: figure?.unit ?? 'people',
    measure: figure?.measure ?? '',
    subject: text(figure?.subject),
    nationality: text(figure?.nationality),
    place_id: text(figure?.place_id),
    period: text(figure?.period),
    period_start: text(figure?.period_start),
    period_end: text(figure?.period_end),
    display: figure?.display ?? '',
  }
}

/** The figure as the API takes it: numbers as numbers, blank optional fields as null. */
export function figureFields(form: FigureForm): FigureFields {
  return {
    value: optionalNumber(form.value.trim()),
    value_max: optionalNumber(form.value_max.trim()),
    qualifier: form.qualifier,
    unit: form.unit,
    measure: form.measure,
    subject: optionalText(form.subject),
    nationality: optionalText(form.nationality),
    place_id: optionalText(form.place_id),
    period: optionalText(form.period),
    period_start: optionalText(form.period_start),
    period_end: optionalText(form.period_end),
    display: form.display,
  }
}

/** What the form can tell before asking the API: a number field that holds no number. */
export function numberErrors(form: FigureForm): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  if (form.value.trim() === '') errors.value = ['Give the number, such as 289.']
  else if (optionalNumber(form.value.trim()) === null)
    errors.value = ['Write the value as a number, such as 289 or 2.5, without commas.']
  if (form.value_max.trim() !== '' && optionalNumber(form.value_max.trim()) === null)
    errors.value_max = ['Write the upper end as a number, or leave it empty.']
  return errors
}
