// The budgets (bench/budgets.json) against a run's summary: which hold, which are missed, and which
// this run did not measure.
import { readFileSync } from 'node:fs'

export interface Budget {
  figure: string
  label: string
  max?: number
  min?: number
  unit: string
}

export interface BudgetCheck extends Budget {
  value: number | null
  status: 'held' | 'MISSED' | 'not measured'
}

export function loadBudgets(path = 'bench/budgets.json'): Budget[] {
  const file = JSON.parse(readFileSync(path, 'utf8')) as { budgets: Budget[] }
  for (const b of file.budgets) {
    if ((b.max === undefined) === (b.min === undefined)) {
      throw new Error(`budget ${b.figure}: give exactly one of max and min`)
    }
  }
  return file.budgets
}

export function checkBudgets(
  budgets: Budget[],
  summary: Record<string, number | null | undefined>,
): BudgetCheck[] {
  return budgets.map((b) => {
    const value = summary[b.figure]
    if (value === null || value === undefined || Number.isNaN(value)) {
      return { ...b, value: null, status: 'not measured' }
    }
    const held = b.max !== undefined ? value <= b.max : value >= b.min!
    return { ...b, value, status: held ? 'held' : 'MISSED' }
  })
}

export const limitText = (b: Budget) =>
  b.max !== undefined ? `<= ${b.max} ${b.unit}` : `>= ${b.min} ${b.unit}`
