// The share cards the page points to (og:image, twitter:image): where each lives, what it says
// and its text alternative. Shared by the page (which writes the tags) and the worker (which draws
// the cards from the same words, worker/share/), so the alt text always describes the picture.
// Pure TypeScript, no platform types.
import type { StoryEvent, StoryMeta } from '../model'
import { formatDate, listOf } from './format'

/** The size every share card is drawn at, in pixels: the 1.91:1 card Open Graph and X show large. */
export const CARD_WIDTH = 1200
export const CARD_HEIGHT = 630

/**
 * Bump when the card's look changes: it is part of the image URL and of every cache key, so a
 * new design is never hidden behind a cached old one.
 */
export const CARD_DESIGN = 1

/** The card's file name for the story itself (event ids are dated, so none can take it). */
export const STORY_CARD = 'story'

/**
 * The path of a card: /share/<event-id>.png, or /share/story.png for the story, with
 * ?v=<data version>.<design> so a card's URL changes whenever its words or its look may have
 * (share sites cache images by URL).
 */
export function cardPath(eventId: string | null, dataVersion: number): string {
  const name = eventId ?? STORY_CARD
  return `/share/${encodeURIComponent(name)}.png?v=${dataVersion}.${CARD_DESIGN}`
}

/** The words on one card, in reading order. */
export interface CardText {
  /** The line above the headline: the event's date, or the story's period and size. */
  kicker: string
  headline: string
  /** The event's first figure as the source worded it ("more than 1,480 foreigners released"). */
  figure: string | null
  /** The event's places, or the story's dek. */
  detail: string | null
  /** The story's title, then its source, at the foot of the card (one line each). */
  footer: [string, string]
}

/** At most this many places are named on a card; the rest are counted. */
const PLACES_NAMED = 3

/** The words on an event's card: its date, headline, first (key) figure and places. */
export function eventCard(event: StoryEvent, story: StoryMeta): CardText {
  const places = event.places.map((p) => p.name)
  const more = places.length - PLACES_NAMED
  const detail =
    places.length === 0
      ? null
      : more > 0
        ? `${places.slice(0, PLACES_NAMED).join(', ')} and ${more} more ${more === 1 ? 'place' : 'places'}`
        : listOf(places)
  return {
    kicker: formatDate(event.date, event.date_precision),
    headline: event.headline,
    figure: event.figures[0]?.display ?? null,
    detail,
    footer: footerOf(story),
  }
}

/** The words on the story's own card (the page without ?event=). */
export function storyCard(story: StoryMeta, eventCount: number): CardText {
  return {
    kicker: `${story.source_period} · ${eventCount} ${eventCount === 1 ? 'event' : 'events'}`,
    headline: story.title,
    figure: null,
    detail: story.dek,
    footer: footerOf(story),
  }
}

function footerOf(story: StoryMeta): [string, string] {
  return [story.title, `Timeline data: ${story.source_outlet}`]
}

/**
 * The card in words, for og:image:alt and twitter:image:alt: what the picture shows, in the order
 * it shows it.
 */
export function cardAlt(card: CardText): string {
  const parts = [card.kicker, card.headline, card.figure, card.detail].filter(
    (part): part is string => Boolean(part),
  )
  return `Share card: ${parts.map((p) => p.trim().replace(/\.+$/, '')).join('. ')}.`
}
