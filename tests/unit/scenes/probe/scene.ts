// A scene that exists only in the tests: it proves that a fifth scene, added as one folder and
// one entry in a list, reaches every place the graphic decides from (sceneFor, the step's
// words, the title and credit, the tables section, the component table).
import type { Figure } from '../../../../worker/model'
import { defineScene } from '../../../../web/src/charts/scenes/types'

/** The category that sends an event to the probe scene. */
export const PROBE_CATEGORY = 'probe'

/** What the probe scene draws: one dot per figure of the event, the active ones lit. */
export interface ProbeModel {
  width: number
  height: number
  dots: { figureId: number; x: number; y: number; active: boolean }[]
}

export const probeScene = defineScene({
  name: 'probe',
  title: (spec) => `Probe (${spec.mode})`,
  credit: 'Probe: test data.',
  rules: [
    // Events of the probe category, before every real rule.
    {
      priority: 1,
      match: ({ event }) =>
        event.category === PROBE_CATEGORY
          ? { mode: 'dots', figureIds: event.figures.map((f: Figure) => f.id) }
          : null,
    },
  ],
  content: ({ event, spec }) => ({ eventId: event?.id ?? '', dots: spec.figureIds.length }),
  model: ({ spec, width, height }): ProbeModel => ({
    width,
    height,
    dots: spec.figureIds.map((figureId, i) => ({
      figureId,
      x: 10 + i * 20,
      y: height / 2,
      active: true,
    })),
  }),
  lit: (model) => ({
    eventIds: [],
    placeIds: [],
    figureIds: model.dots.filter((d) => d.active).map((d) => d.figureId),
  }),
  describe: (content) => `Probe of ${content.eventId}: ${content.dots} dots, one per figure.`,
  text: (story) => ({
    title: 'Probe',
    alt: `One dot per figure of the ${story.events.filter((e) => e.category === PROBE_CATEGORY).length} probe events.`,
    tables: [
      {
        caption: 'Probe events',
        columns: ['Event', 'Figures'],
        rows: story.events
          .filter((e) => e.category === PROBE_CATEGORY)
          .map((e) => [e.id, String(e.figures.length)]),
      },
    ],
    notes: [],
  }),
})
